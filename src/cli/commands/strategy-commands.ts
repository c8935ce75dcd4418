// `chimera strategy show AGENT`: what the agent's learning strategy has learnt from engagement.

import type { Command } from 'commander';
import { type CliContext, withReadServices } from '../cli-context.js';

export function registerStrategyCommands(program: Command, context: CliContext): void {
  program
    .command('strategy')
    .description("an agent's learning strategy")
    .command('show <agent>')
    .description(
      'per format, topic cluster, hook style and posting hour: posts made with it and the mean engagement rate learnt',
    )
    .option('--json', 'print JSON')
    .action(async (agentId: string, flags: { json?: boolean }) => {
      await withReadServices(context, { services: ['agents'] }, async (services, actor) => {
        const strategy = await services.agents.strategy(actor, agentId);
        if (flags.json) return context.printer.json(strategy);
        context.printer.line(`agent ${agentId}: ${strategy.posts} rewarded posts`);
        for (const dimension of ['format', 'topic', 'hook', 'hour'] as const) {
          const arms = strategy[dimension]
            .map(
              (arm) =>
                `${arm.value} ${(100 * arm.mean_engagement_rate).toFixed(2)}% (${arm.posts})`,
            )
            .join(', ');
          context.printer.line(`  ${dimension.padEnd(6)} ${arms}`);
        }
      });
    });
}
