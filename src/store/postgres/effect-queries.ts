// Effect queries. ON CONFLICT DO NOTHING turns a replayed key into a no-op without aborting
// the surrounding transaction, which a plain unique violation would.

import { type Kysely, sql } from 'kysely';
import type { EffectRecord, EffectRepository, StoredEffect } from '../store.js';
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

  async get(id: string): Promise<StoredEffect | undefined> {
    const row = await this.db
      .selectFrom('effects')
      .select([
        'id',
        'task_id',
        'kind',
        'idempotency_key',
        'payload',
        'status',
        'attempts',
        'result',
      ])
      .where('id', '=', id)
      .executeTakeFirst();
    return row && { ...row, status: row.status as StoredEffect['status'] };
  }

  async countAttempt(id: string): Promise<number> {
    const row = await this.db
      .updateTable('effects')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .returning('attempts')
      .executeTakeFirstOrThrow();
    return row.attempts;
  }

  async markPerformed(id: string, result: unknown): Promise<boolean> {
    const updated = await this.db
      .updateTable('effects')
      .set({ status: 'performed', result: JSON.stringify(result), performed_at: new Date() })
      .where('id', '=', id)
      .where('status', '=', 'recorded')
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }

  async listUnperformed(before: Date, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('effects')
      .select('id')
      .where('status', '=', 'recorded')
      .where('created_at', '<', before)
      .orderBy('created_at')
      .limit(limit)
      .execute();
    return rows.map((row) => row.id);
  }

  async tasksAwaitingEffects(campaignId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('effects as effect')
      .innerJoin('tasks as task', 'task.id', 'effect.task_id')
      .select('effect.task_id')
      .where('task.campaign_id', '=', campaignId)
      .where('effect.status', '=', 'recorded')
      .execute();
    return rows.map((row) => row.task_id);
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('effects')
      .select(sql<number>`count(*)::int`.as('count'))
      .executeTakeFirstOrThrow();
    return row.count;
  }
}
