// Agents' strategy states: one row per agent, written under state_version.

import type { Kysely } from 'kysely';
import { VersionConflict } from '../../domain/errors.js';
import type { StoredStrategy, StrategyRepository } from '../store.js';
import type { ChimeraSchema } from './schema.js';

export class PostgresStrategyRepository implements StrategyRepository {
  constructor(private readonly db: Kysely<ChimeraSchema>) {}

  async get(agentId: string): Promise<StoredStrategy | undefined> {
    const row = await this.db
      .selectFrom('agent_strategies')
      .select(['state', 'state_version'])
      .where('agent_id', '=', agentId)
      .executeTakeFirst();
    return row && { state: row.state, version: row.state_version };
  }

  async save(agentId: string, state: unknown, expectedVersion: number | undefined): Promise<void> {
    const json = JSON.stringify(state);
    const written =
      expectedVersion === undefined
        ? await this.db
            .insertInto('agent_strategies')
            .values({ agent_id: agentId, state: json })
            .onConflict((conflict) => conflict.column('agent_id').doNothing())
            .executeTakeFirst()
        : await this.db
            .updateTable('agent_strategies')
            .set((eb) => ({
              state: json,
              state_version: eb('state_version', '+', 1),
              updated_at: new Date(),
            }))
            .where('agent_id', '=', agentId)
            .where('state_version', '=', expectedVersion)
            .executeTakeFirst();
    const rows =
      'numInsertedOrUpdatedRows' in written
        ? written.numInsertedOrUpdatedRows
        : written.numUpdatedRows;
    if (!rows) throw new VersionConflict('strategy of agent', agentId, expectedVersion ?? -1);
  }
}
