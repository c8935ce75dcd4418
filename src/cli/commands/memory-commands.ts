// `chimera memory search AGENT QUERY`: what an agent remembers, nearest in meaning to a query, in
// one of its collections (its posts and conversations, its trend history, its skills).

import type { Command } from 'commander';
import { type CliContext, withServices } from '../cli-context.js';

export function registerMemoryCommands(program: Command, context: CliContext): void {
  program
    .command('memory')
    .description("an agent's long-term memory")
    .command('search <agent> <query>')
    .description('the memories nearest in meaning to QUERY, most similar first')
    .option('--collection <name>', 'agent_memory, content_trend or skills', 'agent_memory')
    .option('--k <count>', 'how many memories, 1 to 50', (value) => Number(value), 5)
    .option('--json', 'print JSON')
    .action(
      async (
        agentId: string,
        query: string,
        flags: { collection: string; k: number; json?: boolean },
      ) => {
        await withServices(context, { createDataDir: false }, async (services, actor) => {
          const memories = await services.agents.memories(actor, agentId, {
            query,
            collection: flags.collection,
            k: flags.k,
          });
          if (flags.json) return context.printer.json(memories);
          if (memories.length === 0) {
            return context.printer.line(
              `agent ${agentId} remembers nothing in ${flags.collection}`,
            );
          }
          for (const memory of memories) {
            const day = memory.remembered_at.toISOString().slice(0, 10);
            context.printer.line(`${memory.similarity.toFixed(2)}  ${day}  ${memory.text}`);
          }
        });
      },
    );
}
