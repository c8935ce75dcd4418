// Bench baseline: graphile-worker alone on Chimera's pool, running no-op jobs queued in bulk
// beforehand, with the concurrency and poll interval Chimera uses.

import { EventEmitter } from 'node:events';
import { Logger as QueueLogger, run, type WorkerEvents } from 'graphile-worker';
import type pg from 'pg';

/** How to run the bare queue. */
export interface BareQueueOptions {
  pool: pg.Pool;
  jobs: number;
  concurrency: number;
  pollIntervalMs: number;
  /** Fails the run when the jobs are not all done by then, in ms. */
  timeoutMs: number;
}

/** One timed bare-queue run. */
export interface BareQueueResult {
  jobs: number;
  elapsedMs: number;
  jobsPerSecond: number;
  /** CPU time this process used during the timed run (user + system), in ms. */
  cpuMs: number;
}

const TASK = 'bench_noop';

/** Queues `jobs` no-op jobs in one statement, then times a runner from start until all are done. */
export async function runBareQueue(options: BareQueueOptions): Promise<BareQueueResult> {
  const { pool, jobs } = options;
  await assertQueueEmpty(pool, 'before the bare run');
  const specs = Array.from({ length: jobs }, () => ({ identifier: TASK, payload: {} }));
  await pool.query(
    `SELECT count(*) FROM graphile_worker.add_jobs(
       array(SELECT json_populate_recordset(null::graphile_worker.job_spec, $1::json)))`,
    [JSON.stringify(specs)],
  );

  const events = new EventEmitter() as WorkerEvents;
  let completed = 0;
  let failed = 0;
  let resolveDone: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    resolveDone = resolve;
  });
  events.on('job:complete', ({ error }) => {
    completed += 1;
    if (error) failed += 1;
    if (completed >= jobs) resolveDone();
  });

  const cpuAtStart = process.cpuUsage();
  const startedAt = performance.now();
  const runner = await run({
    pgPool: pool,
    concurrency: options.concurrency,
    pollInterval: options.pollIntervalMs,
    noHandleSignals: true,
    taskList: { [TASK]: async () => undefined },
    logger: new QueueLogger(() => () => undefined),
    events,
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    // job:complete fires before graphile-worker's DELETE of the job lands: wait for the rows too.
    await Promise.race([
      done.then(() => waitUntilEmpty(pool)),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new Error(
                `bare queue: only ${completed}/${jobs} jobs done in ${options.timeoutMs}ms`,
              ),
            ),
          options.timeoutMs,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
  const elapsedMs = performance.now() - startedAt;
  const cpu = process.cpuUsage(cpuAtStart);
  await runner.stop();
  if (failed > 0) throw new Error(`bare queue: ${failed} of ${jobs} no-op jobs failed`);
  await assertQueueEmpty(pool, 'after the bare run');
  return {
    jobs,
    elapsedMs,
    jobsPerSecond: (jobs * 1000) / elapsedMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
}

async function waitUntilEmpty(pool: pg.Pool): Promise<void> {
  while ((await queuedJobs(pool)) > 0) await new Promise((resolve) => setTimeout(resolve, 2));
}

async function queuedJobs(pool: pg.Pool): Promise<number> {
  const result = await pool.query<{ count: string }>('SELECT count(*) FROM graphile_worker.jobs');
  return Number(result.rows[0]?.count ?? 0);
}

async function assertQueueEmpty(pool: pg.Pool, when: string): Promise<void> {
  const count = await queuedJobs(pool);
  if (count !== 0)
    throw new Error(`bare queue: ${count} jobs left in graphile_worker.jobs ${when}`);
}
