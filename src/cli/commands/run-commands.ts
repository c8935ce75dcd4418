// `chimera start` (until SIGINT/SIGTERM or the context's stop signal, with the HTTP server) and
// `chimera run --once` (until quiescent).

import type { Command } from 'commander';
import type { ChimeraApp } from '../../app/chimera-app.js';
import { InputError } from '../../domain/errors.js';
import type { RunProgress } from '../../swarm/runtime.js';
import { type CliContext, osUser, withApp } from '../cli-context.js';
import { formatCounts, formatSummary } from '../run-summary.js';

const PROGRESS_EVERY_MS = 2_000;

export function registerRunCommands(program: Command, context: CliContext): void {
  program
    .command('start')
    .description('run Chimera until SIGINT/SIGTERM; seeds the examples on first run')
    .option('--no-seed', 'do not seed the examples into an empty database')
    .option('--concurrency <n>', 'jobs run at once in this process')
    .action(async (flags: { seed: boolean; concurrency?: string }) => {
      await withApp(
        context,
        { createDataDir: true, config: concurrencyOverride(flags.concurrency) },
        async (app, logger) => {
          // Listen first: a busy port stops start-up before anything is seeded or scheduled.
          // Loaded when needed: the HTTP server is a large share of the CLI's start-up.
          const { startHttpServer } = await import('../../api/http-server.js');
          const http = await startHttpServer(app, {
            host: app.config.httpHost,
            port: app.config.httpPort,
          });
          try {
            await maybeSeed(app, flags.seed, context);
            const { schedulePruning } = await import('../../app/trace-retention.js');
            const stopPruning = schedulePruning(
              (days) => app.pruneTraces(days, 'retention'),
              app.config.traceRetentionDays,
              (error) => logger.error({ err: error }, 'trace pruning failed'),
            );
            await app.runtime.start();
            const { startNetworkPresence } = await import('../../app/network-presence.js');
            const stopPresence = await startNetworkPresence(app, http.url, logger);
            context.printer.line(
              `chimera running on the ${app.database.kind} database (${app.config.concurrency} workers); Ctrl-C stops it`,
            );
            context.printer.line(`mcp endpoint (Streamable HTTP): ${http.mcpUrl}`);
            await printAccess(app, http.url, context);
            let lastProgress = '';
            const timer = setInterval(async () => {
              const summary = await summaryOf(app).catch(() => undefined);
              if (!summary) return;
              const reviews =
                summary.pendingReviews > 0
                  ? `; ${summary.pendingReviews} awaiting review (chimera review list)`
                  : '';
              const progress = `progress: ${formatCounts(summary.tasks)}${reviews}`;
              // Quiet while nothing changes: an idle service should not scroll the terminal.
              if (progress !== lastProgress) context.printer.progress(progress);
              lastProgress = progress;
            }, PROGRESS_EVERY_MS);
            await stopRequested(context);
            clearInterval(timer);
            stopPruning();
            await stopPresence();
            context.printer.progress('stopping: letting tasks in flight finish…');
            await app.runtime.stop();
            for (const line of formatSummary(await summaryOf(app))) context.printer.line(line);
          } finally {
            await http.close();
          }
        },
      );
    });

  program
    .command('run')
    .description('run every active campaign until nothing more can happen without a person')
    .option('--once', 'run to quiescence and exit (the only mode for now)')
    .option('--no-seed', 'do not seed the examples into an empty database')
    .option('--concurrency <n>', 'jobs run at once in this process')
    .action(async (flags: { once?: boolean; seed: boolean; concurrency?: string }) => {
      if (!flags.once) {
        throw new InputError("'chimera run' needs --once; use 'chimera start' to run continuously");
      }
      await withApp(
        context,
        { createDataDir: true, config: concurrencyOverride(flags.concurrency) },
        async (app) => {
          await maybeSeed(app, flags.seed, context);
          const startedAt = Date.now();
          let lastReport = 0;
          await app.runtime.runUntilQuiescent({
            onProgress: (progress: RunProgress) => {
              if (Date.now() - lastReport < PROGRESS_EVERY_MS) return;
              lastReport = Date.now();
              context.printer.progress(
                `progress: ${progress.settled}/${progress.total} settled (${formatCounts(progress.counts)})`,
              );
            },
          });
          context.printer.line(`run complete in ${((Date.now() - startedAt) / 1000).toFixed(1)}s`);
          for (const line of formatSummary(await summaryOf(app))) context.printer.line(line);
        },
      );
    });
}

async function maybeSeed(app: ChimeraApp, seed: boolean, context: CliContext): Promise<void> {
  if (!seed) return;
  const { seedExamples } = await import('../../app/example-seed.js');
  const seeded = await seedExamples(app);
  if (seeded.campaigns > 0) {
    context.printer.line(
      `first run: seeded ${seeded.agents} example agents and ${seeded.campaigns} campaign(s) from examples/`,
    );
  }
}

function concurrencyOverride(value: string | undefined) {
  return value === undefined ? {} : { concurrency: value as unknown as number };
}

/** The status summary of the local CLI's tenant. */
async function summaryOf(app: ChimeraApp) {
  return app.operator.status.summary(await app.localActor({ user: osUser() }));
}

/**
 * Prints where the API is and a login link for the dashboard. The data dir's operator token (made
 * on first start, mode 0600) is what scripts and the CLI use; its secret stays in the file.
 */
async function printAccess(app: ChimeraApp, url: string, context: CliContext): Promise<void> {
  const { operatorTokenPath } = await import('../../app/operator-token-file.js');
  const token = await app.operatorToken();
  const actor = await app.localActor({ user: osUser() });
  const link = await app.operator.tokens.createLoginLink(actor, token.id);
  context.printer.line(`api: ${url}/api/v1 (reference: ${url}/docs)`);
  context.printer.line(`operator token: ${operatorTokenPath(app.config.dataDir)}`);
  context.printer.line(`login link (one use, 10 minutes): ${url}/login?token=${link.secret}`);
}

/**
 * Resolves when `start` should stop: when the context's stop signal aborts (in-process callers),
 * or else at the first SIGINT or SIGTERM. The handlers exist only while `start` runs, so other
 * commands keep the default: a signal ends them at once.
 */
function stopRequested(context: CliContext): Promise<void> {
  const signal = context.stopSignal;
  if (!signal) return waitForProcessSignal();
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

function waitForProcessSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      // A second signal while draining means "now": exit without waiting.
      process.once('SIGINT', () => process.exit(130));
      process.once('SIGTERM', () => process.exit(143));
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
