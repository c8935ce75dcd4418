// Operator commands: `migrate`, `trace prune`, `spec check`.

import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { InputError } from '../../domain/errors.js';
import { type CliContext, configFor, osUser, withApp } from '../cli-context.js';

const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export function registerAdminCommands(program: Command, context: CliContext): void {
  program
    .command('migrate')
    .description('create or upgrade the database schema (creates the embedded data dir)')
    .action(async () => {
      const config = await configFor(context);
      const { openDatabase } = await import('../../store/database.js');
      const { migrate } = await import('../../store/migrator.js');
      const database = await openDatabase({
        databaseUrl: config.databaseUrl,
        dataDir: config.dataDir,
        createDataDir: true,
      });
      try {
        const report = await migrate(database.pool);
        context.printer.line(
          report.applied.length > 0
            ? `applied ${report.applied.join(', ')}; schema at version ${report.version}`
            : `schema already at version ${report.version}`,
        );
      } finally {
        await database.close();
      }
    });

  program
    .command('trace')
    .description('trace maintenance')
    .command('prune')
    .description('delete trace and live-feed events older than the retention period')
    .option(
      '--older-than-days <days>',
      'retention in days (default CHIMERA_TRACE_RETENTION_DAYS or 90)',
    )
    .action(async (flags: { olderThanDays?: string }) => {
      const days = flags.olderThanDays === undefined ? undefined : Number(flags.olderThanDays);
      if (days !== undefined && !(Number.isInteger(days) && days >= 0)) {
        throw new InputError(
          `--older-than-days: expected a whole number of days, got '${flags.olderThanDays}'`,
        );
      }
      await withApp(context, { createDataDir: false }, async (app) => {
        const retention = days ?? app.config.traceRetentionDays;
        const deleted = await app.pruneTraces(retention, osUser());
        context.printer.line(
          `pruned ${deleted.traceEvents} trace events and ${deleted.liveEvents} live events older than ${retention} days`,
        );
      });
    });

  program
    .command('spec')
    .description('specification traceability')
    .command('check')
    .description('list spec ids no test mentions; fail on ids used in code but missing from specs/')
    .action(async () => {
      const { loadSpecCatalog } = await import('../../specs/spec-catalog.js');
      const { checkSpecs, collectProjectFiles, formatSpecCheckReport } = await import(
        '../../specs/spec-check.js'
      );
      const catalog = await loadSpecCatalog(new URL('specs/', `file://${PROJECT_ROOT}`));
      const files = await collectProjectFiles(PROJECT_ROOT);
      const report = checkSpecs({ catalog, ...files });
      context.printer.line(formatSpecCheckReport(report));
      if (!report.ok) context.exitCode = 1;
    });
}
