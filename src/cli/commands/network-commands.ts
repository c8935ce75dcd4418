// `chimera network peers [--capability X]`: the live peers of the agent network within this
// deployment (a heartbeat within the last 90 s), with their status, reputation and capabilities.
// `chimera network hire --agent ID --skill S [--input JSON] [--provider URL]`: an agent hires
// another node's skill through the four-phase handshake, and the outcome is printed.
// `chimera network sleep` / `wake`: take this node out of the network's work for maintenance (its
// /a2a endpoint answers 503 with Retry-After) and bring it back.

import type { Command } from 'commander';
import { InputError } from '../../domain/errors.js';
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
    .command('hire')
    .description(
      "have an agent hire another node's skill: from --provider, or the live peers offering it, highest reputation first",
    )
    .requiredOption('--agent <id>', 'the hiring agent (its CFO approves the payment)')
    .requiredOption('--skill <name>', 'the skill to hire, e.g. scout.analyze')
    .option('--input <json>', "the skill's input, as JSON", '{}')
    .option('--provider <url>', "the provider node's base URL")
    .option('--json', 'print JSON')
    .action(
      async (flags: {
        agent: string;
        skill: string;
        input: string;
        provider?: string;
        json?: boolean;
      }) => {
        await withServices(context, { createDataDir: false }, async (services, actor) => {
          const result = await services.network.hire(actor, {
            agent_id: flags.agent,
            skill: flags.skill,
            input: parseInput(flags.input),
            provider_url: flags.provider,
          });
          if (flags.json) return context.printer.json(result);
          const paid = result.receipt
            ? `, paid ${result.receipt.amount} US cents to ${result.receipt.payTo.slice(0, NODE_ID_PREFIX)}`
            : '';
          context.printer.line(
            `hire ${result.task_id}: ${result.status}${paid}${result.reason ? ` (${result.reason})` : ''}`,
          );
        });
      },
    );
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

/** The --input flag as a JSON object, or an InputError naming it. */
function parseInput(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(`--input: '${text}' is not a JSON object, e.g. '{"niche":"streetwear"}'`, {
      context: { field: 'input' },
    });
  }
  return value as Record<string, unknown>;
}
