// `chimera status [--json]`: campaigns, task counts, pending reviews and effects.

import type { Command } from 'commander';
import { type CliContext, withReadServices } from '../cli-context.js';
import { formatSummary } from '../run-summary.js';

export function registerStatusCommand(program: Command, context: CliContext): void {
  program
    .command('status')
    .description('show campaigns, task counts, pending reviews and recorded effects')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      await withReadServices(context, { services: ['status'] }, async (services, actor, reader) => {
        const summary = {
          database: reader.database.kind,
          ...(await services.status.summary(actor)),
        };
        if (flags.json) context.printer.json(summary);
        else {
          context.printer.line(`database: ${summary.database}`);
          for (const line of formatSummary(summary)) context.printer.line(line);
        }
      });
    });
}
