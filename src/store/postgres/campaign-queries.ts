// Campaign queries. Status writes check state_version like task writes do.

import type { Kysely } from 'kysely';
import type { Campaign, CampaignSpec, CampaignStatus } from '../../domain/campaign.js';
import { VersionConflict } from '../../domain/errors.js';
import type { CampaignRepository } from '../store.js';
import { toCampaign } from './row-mappers.js';
import type { ChimeraSchema } from './schema.js';

export class PostgresCampaignRepository implements CampaignRepository {
  constructor(private readonly db: Kysely<ChimeraSchema>) {}

  async insert(campaign: {
    id: string;
    spec: CampaignSpec;
    tenant_id?: string;
  }): Promise<Campaign> {
    const { spec } = campaign;
    const row = await this.db
      .insertInto('campaigns')
      .values({
        id: campaign.id,
        ...(campaign.tenant_id && { tenant_id: campaign.tenant_id }),
        name: spec.name,
        goal: spec.goal,
        agent_ids: spec.agent_ids,
        schedule: JSON.stringify(spec.schedule),
        template: JSON.stringify(spec.template),
        status: 'active',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toCampaign(row);
  }

  async get(id: string): Promise<Campaign | undefined> {
    const row = await this.db
      .selectFrom('campaigns')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toCampaign(row);
  }

  async list(filter: { statuses?: CampaignStatus[] } = {}): Promise<Campaign[]> {
    let query = this.db.selectFrom('campaigns').selectAll().orderBy('created_at');
    if (filter.statuses) {
      if (filter.statuses.length === 0) return [];
      query = query.where('status', 'in', filter.statuses);
    }
    return (await query.execute()).map(toCampaign);
  }

  async updateStatus(
    id: string,
    expectedVersion: number,
    status: CampaignStatus,
  ): Promise<Campaign> {
    const row = await this.db
      .updateTable('campaigns')
      .set((eb) => ({
        status,
        state_version: eb('state_version', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', id)
      .where('state_version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new VersionConflict('campaign', id, expectedVersion);
    return toCampaign(row);
  }
}
