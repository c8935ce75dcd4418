// Adds graphile-worker jobs with SQL on the caller's connection, so a job becomes visible only
// when the transaction that wrote the state beside it commits (and never if it rolls back).

import { type Kysely, sql } from 'kysely';
import type { JobQueue, JobRequest } from '../store.js';
import type { ChimeraSchema } from './schema.js';

export class GraphileJobQueue implements JobQueue {
  constructor(private readonly db: Kysely<ChimeraSchema>) {}

  async add(job: JobRequest): Promise<void> {
    await sql`SELECT graphile_worker.add_job(
      identifier => ${job.name}::text,
      payload => ${JSON.stringify(job.payload)}::json,
      queue_name => ${job.queueName ?? null}::text,
      run_at => ${job.runAt ?? null}::timestamptz,
      priority => ${job.priority ?? null}::int,
      job_key => ${job.jobKey ?? null}::text,
      job_key_mode => ${job.jobKey ? (job.jobKeyMode ?? 'replace') : null}::text
    )`.execute(this.db);
  }
}
