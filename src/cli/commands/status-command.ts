// `chimera status [--json]`: campaigns, task counts, pending reviews and effects.

import type { Command } from 'commander';
import { type CliContext, withApp } from '../cli-context.js';
import { formatSummary, summarize } from '../run-summary.js';

export function registerStatusCommand(program: Command, context: CliContext): void {
  program
    .command('status')
    .description('show campaigns, task counts, pending reviews and recorded effects')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      await withApp(context, { createDataDir: false }, async (app) => {
        const summary = await summarize(app);
        if (flags.json) context.printer.json(summary);
        else {
          context.printer.line(`database: ${summary.database}`);
          for (const line of formatSummary(summary)) context.printer.line(line);
        }
      });
    });
}
