// `chimera ledger verify`, `chimera ledger export --format csv|jsonl` and `chimera budget show`.

import type { Command } from 'commander';
import { InputError } from '../../domain/errors.js';
import { type CliContext, withReadServices } from '../cli-context.js';

export function registerCfoCommands(program: Command, context: CliContext): void {
  const ledger = program.command('ledger').description("the CFO's signed, hash-chained ledger");
  ledger
    .command('verify')
    .description(
      'recompute the hash chain and check every signature; exit 1 at the first bad entry',
    )
    .action(async () => {
      await withReadServices(context, { services: ['money'] }, async (services, actor) => {
        const check = await services.money.verifyLedger(actor);
        if (check.ok) {
          context.printer.line(
            `ledger verified: ${check.entries} entries${check.key_id ? `, key ${check.key_id}` : ''}`,
          );
          return;
        }
        context.printer.error(
          check.broken
            ? `ledger broken at seq ${check.broken.seq} (tx ${check.broken.tx_id}): ${check.broken.problem}`
            : 'ledger broken at an entry of another tenant',
        );
        context.exitCode = 1;
      });
    });
  ledger
    .command('export')
    .description('print every ledger entry, in seq order')
    .option('--format <format>', 'csv or jsonl', 'jsonl')
    .action(async (flags: { format: string }) => {
      if (flags.format !== 'csv' && flags.format !== 'jsonl') {
        throw new InputError(`--format: use csv or jsonl, got '${flags.format}'`);
      }
      const { LEDGER_COLUMNS } = await import('../../commerce/ledger-chain.js');
      await withReadServices(context, { services: ['money'] }, async (services, actor) => {
        const entries = await services.money.ledger(actor);
        if (flags.format === 'jsonl') {
          for (const entry of entries) context.printer.line(JSON.stringify(entry));
          return;
        }
        context.printer.line(LEDGER_COLUMNS.join(','));
        for (const entry of entries) {
          context.printer.line(LEDGER_COLUMNS.map((column) => csvCell(entry[column])).join(','));
        }
      });
    });

  program
    .command('budget')
    .description('budgets')
    .command('show')
    .description('spent, reserved and remaining per agent, period and category (USD)')
    .option('--agent <id>', 'one agent only')
    .option('--json', 'print JSON')
    .action(async (flags: { agent?: string; json?: boolean }) => {
      await withReadServices(context, { services: ['money'] }, async (services, actor) => {
        const rows = await services.money.budgets(actor, flags.agent);
        if (flags.json) return context.printer.json(rows);
        if (rows.length === 0) return context.printer.line('no budgets used yet');
        for (const row of rows) {
          context.printer.line(
            `${row.agent_id}  ${row.period} from ${row.period_start}  ${row.category}: spent ${row.spent}, reserved ${row.reserved}, remaining ${row.remaining} of ${row.limit} USD`,
          );
        }
      });
    });
}

function csvCell(value: unknown): string {
  const text = Array.isArray(value) ? JSON.stringify(value) : value === null ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
