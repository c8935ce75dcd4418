// `chimera network peers [--capability X]`: the live peers of the agent network within this
// deployment (a heartbeat within the last 90 s), with their status, reputation and capabilities.
// `chimera network sleep` / `wake`: take this node out of the network's work for maintenance (its
// /a2a endpoint answers 503 with Retry-After) and bring it back.

import type { Command } from 'commander';
import { type CliContext, withReadServices, withServices } from '../cli-context.js';

/** How much of a node id a line shows: enough to tell the deployment's nodes apart. */
const NODE_ID_PREFIX = 12;

export function registerNetworkCommands(program: Command, context: CliContext): void {
  const network = program
    .command('network')
    .description('the agent network within this deployment');
  for (const [name, sleeping, description] of [
    [
      'sleep',
      true,
      'put this node to sleep for maintenance: other nodes get 503 until `network wake`',
    ],
    ['wake', false, 'wake this node: it takes work from other nodes again'],
  ] as const) {
    network
      .command(name)
      .description(description)
      .action(async () => {
        await withServices(context, { createDataDir: false }, async (services, actor) => {
          const result = await services.network.setSleeping(actor, sleeping);
          const state = sleeping ? 'asleep' : 'awake';
          context.printer.line(
            `node ${result.node_id.slice(0, NODE_ID_PREFIX)} is ${state}${result.changed ? '' : ' (it already was)'}`,
          );
        });
      });
  }
  network
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
