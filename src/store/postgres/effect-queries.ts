// Effect queries. ON CONFLICT DO NOTHING turns a replayed key into a no-op without aborting
// the surrounding transaction, which a plain unique violation would.

import { type Kysely, sql } from 'kysely';
import type { EffectRecord, EffectRepository } from '../store.js';
import type { ChimeraSchema } from './schema.js';

export class PostgresEffectRepository implements EffectRepository {
  constructor(private readonly db: Kysely<ChimeraSchema>) {}

  async record(effect: EffectRecord): Promise<'applied' | 'duplicate'> {
    const row = await this.db
      .insertInto('effects')
      .values({ ...effect, payload: JSON.stringify(effect.payload) })
      .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    return row ? 'applied' : 'duplicate';
  }

  async listByTask(taskId: string): Promise<EffectRecord[]> {
    return this.db
      .selectFrom('effects')
      .select(['task_id', 'kind', 'idempotency_key', 'payload'])
      .where('task_id', '=', taskId)
      .orderBy('id')
      .execute();
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('effects')
      .select(sql<number>`count(*)::int`.as('count'))
      .executeTakeFirstOrThrow();
    return row.count;
  }
}
