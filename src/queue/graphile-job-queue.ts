// Adds graphile-worker jobs with SQL on the caller's connection, so a job becomes visible only
// when the transaction that wrote the state beside it commits (and never if it rolls back).
// app/chimera-app.ts hands it to PostgresStore.fromPool, which binds one to each transaction.

import { type QueryExecutorProvider, sql } from 'kysely';
import type { JobName, JobQueue, JobRequest } from '../store/store.js';

/** Adds of one job before giving up; only a race with a worker makes a second one needed. */
const ADD_ATTEMPTS = 3;

/** The JobQueue over graphile-worker's `add_job`, on one connection or transaction. */
export class GraphileJobQueue implements JobQueue {
  /** `db`: the Kysely instance or transaction the jobs are added on. */
  constructor(private readonly db: QueryExecutorProvider) {}

  /**
   * Adds `job`; it becomes visible when `db`'s transaction commits. A keyed add can come back
   * with no job when a worker locks the job holding that key while add_job runs, and the request
   * would be lost (graphile/worker#580): it is made again, and the second add sees the lock and
   * gives the key to a new job.
   */
  async add(job: JobRequest): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const { rows } = await sql<{ id: string | null }>`SELECT id FROM graphile_worker.add_job(
        identifier => ${job.name}::text,
        payload => ${JSON.stringify(job.payload)}::json,
        queue_name => ${job.queueName ?? null}::text,
        run_at => ${job.runAt ?? null}::timestamptz,
        priority => ${job.priority ?? null}::int,
        job_key => ${job.jobKey ?? null}::text,
        job_key_mode => ${job.jobKey ? (job.jobKeyMode ?? 'replace') : null}::text
      )`.execute(this.db);
      if (rows[0]?.id != null) return;
      if (attempt >= ADD_ATTEMPTS) {
        throw new Error(`graphile-worker added no '${job.name}' job for key '${job.jobKey}'`);
      }
    }
  }

  /** Jobs called `name` not yet tried, or running now (a failed one waiting to retry is not). */
  async countWaiting(name: JobName): Promise<number> {
    const { rows } = await sql<{ count: number }>`
      SELECT count(*)::int AS count FROM graphile_worker.jobs
       WHERE task_identifier = ${name} AND (attempts = 0 OR locked_at IS NOT NULL)`.execute(
      this.db,
    );
    return rows[0]?.count ?? 0;
  }
}
