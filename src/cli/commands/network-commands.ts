// `chimera network peers [--capability X]`: the live peers of the agent network within this
// deployment (a heartbeat within the last 90 s), with their status, reputation and capabilities.

import type { Command } from 'commander';
import { type CliContext, withReadServices } from '../cli-context.js';

/** How much of a node id a line shows: enough to tell the deployment's nodes apart. */
const NODE_ID_PREFIX = 12;

export function registerNetworkCommands(program: Command, context: CliContext): void {
  program
    .command('network')
    .description('the agent network within this deployment')
    .command('peers')
    .description(
      'live peers, highest reputation first: node id, status, reputation, capabilities, endpoint, last heartbeat',
    )
    .option('--capability <skill>', 'only peers offering this skill (e.g. scout.analyze)')
    .option('--json', 'print JSON')
    .action(async (flags: { capability?: string; json?: boolean }) => {
      await withReadServices(context, { services: ['network'] }, async (services, actor) => {
        const peers = await services.network.peers(actor, { capability: flags.capability });
        if (flags.json) return context.printer.json(peers);
        if (peers.length === 0) {
          const offering = flags.capability ? ` offering ${flags.capability}` : '';
          return context.printer.line(`no live peers${offering}`);
        }
        const now = Date.now();
        for (const peer of peers) {
          const ago = Math.max(0, Math.round((now - peer.last_seen.getTime()) / 1_000));
          context.printer.line(
            [
              peer.node_id.slice(0, NODE_ID_PREFIX),
              peer.status.padEnd(9),
              peer.reputation_score.toFixed(1).padStart(5),
              peer.capabilities.join(', ') || '(no capabilities)',
              peer.endpoint,
              `seen ${ago}s ago`,
            ].join('  '),
          );
        }
      });
    });
}
