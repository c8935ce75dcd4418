// Task result queries: one row per attempt, holding the output and the verdict on it.

import type { Kysely } from 'kysely';
import type { ResultRecord, ResultRepository } from '../store.js';
import { toResult } from './row-mappers.js';
import type { ChimeraSchema } from './schema.js';

export class PostgresResultRepository implements ResultRepository {
  constructor(private readonly db: Kysely<ChimeraSchema>) {}

  async record(result: ResultRecord): Promise<void> {
    await this.db
      .insertInto('task_results')
      .values({
        task_id: result.task_id,
        attempt: result.attempt,
        output: result.output === undefined ? null : JSON.stringify(result.output),
        confidence: result.confidence,
        error_code: result.error_code ?? null,
        error_message: result.error_message ?? null,
        verdict: result.verdict ?? null,
        verdict_confidence: result.verdict ? result.confidence : null,
        reasons: JSON.stringify(result.reasons),
        judged_at: result.judged_at ?? null,
        duration_ms: result.duration_ms,
      })
      .execute();
  }

  async latest(taskId: string): Promise<ResultRecord | undefined> {
    const row = await this.db
      .selectFrom('task_results')
      .selectAll()
      .where('task_id', '=', taskId)
      .orderBy('attempt', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && toResult(row);
  }
}
