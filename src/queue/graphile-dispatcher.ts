// The dispatch engine: graphile-worker on the same database as the state, so a task's state
// change and its job commit together. Delivery is at least once; handlers are idempotent because
// every task write checks state_version. This adapter only runs jobs; jobs are added by
// graphile-job-queue.ts inside the caller's transaction.

import { Logger as QueueLogger, type Task as QueueTask, type Runner, run } from 'graphile-worker';
import type pg from 'pg';
import type { Logger } from '../observability/logger.js';
import type { JobName } from '../store/store.js';

/** One handler per job name; each receives its JSON payload and the shutdown signal. */
export type JobHandlers = Record<
  JobName,
  (payload: Record<string, unknown>, signal: AbortSignal) => Promise<void>
>;

/** Dispatcher options. */
export interface DispatcherOptions {
  pool: pg.Pool;
  handlers: JobHandlers;
  /** Jobs run at once in this process. */
  concurrency: number;
  /** Fallback poll when LISTEN/NOTIFY is quiet, in ms. */
  pollIntervalMs: number;
  logger: Logger;
}

/** A running dispatcher. `stop` lets in-flight jobs finish, then returns. */
export interface Dispatcher {
  stop(): Promise<void>;
}

export async function startDispatcher(options: DispatcherOptions): Promise<Dispatcher> {
  const taskList = Object.fromEntries(
    Object.entries(options.handlers).map(([name, handler]) => [
      name,
      (async (payload, helpers) =>
        handler(payload as Record<string, unknown>, helpers.abortSignal)) satisfies QueueTask,
    ]),
  );
  const runner: Runner = await run({
    pgPool: options.pool,
    concurrency: options.concurrency,
    pollInterval: options.pollIntervalMs,
    noHandleSignals: true,
    taskList,
    logger: queueLogger(options.logger),
  });
  return { stop: () => runner.stop() };
}

function queueLogger(logger: Logger): QueueLogger {
  const child = logger.child({ component: 'queue' });
  return new QueueLogger(() => (level, message, meta) => {
    const method = level === 'error' ? 'error' : level === 'warning' ? 'warn' : 'debug';
    child[method](meta ?? {}, message);
  });
}
