// Agent queries.

import type { Kysely } from 'kysely';
import { DEFAULT_TENANT } from '../../domain/actor.js';
import type { Agent } from '../../domain/agent.js';
import type { AgentRepository } from '../store.js';
import { toAgent } from './row-mappers.js';
import type { ChimeraSchema } from './schema.js';

export class PostgresAgentRepository implements AgentRepository {
  constructor(private readonly db: Kysely<ChimeraSchema>) {}

  async upsert(agent: Agent): Promise<void> {
    const values = {
      id: agent.id,
      tenant_id: agent.tenant_id ?? DEFAULT_TENANT,
      name: agent.name,
      niche: agent.niche,
      persona: JSON.stringify(agent.persona),
      status: agent.status,
    };
    await this.db
      .insertInto('agents')
      .values(values)
      // An agent of another tenant with the same id is left alone.
      .onConflict((conflict) =>
        conflict
          .column('id')
          .doUpdateSet({
            name: values.name,
            niche: values.niche,
            persona: values.persona,
            status: values.status,
            updated_at: new Date(),
          })
          .where('agents.tenant_id', '=', values.tenant_id),
      )
      .execute();
  }

  async get(id: string): Promise<Agent | undefined> {
    const row = await this.db
      .selectFrom('agents')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toAgent(row);
  }

  async listFrozen(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('agents')
      .select('id')
      .where('id', 'in', [...ids])
      .where('status', '=', 'frozen')
      .execute();
    return rows.map((row) => row.id);
  }

  async list(): Promise<Agent[]> {
    const rows = await this.db.selectFrom('agents').selectAll().orderBy('id').execute();
    return rows.map(toAgent);
  }
}
