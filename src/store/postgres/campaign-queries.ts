// Campaign queries. Status and schedule writes check state_version like task writes do.

import { type Kysely, sql } from 'kysely';
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
    next_run_at: Date | null;
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
        next_run_at: campaign.next_run_at,
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

  updateStatus(id: string, expectedVersion: number, status: CampaignStatus): Promise<Campaign> {
    return this.update(id, expectedVersion, { status });
  }

  setNextRunAt(id: string, expectedVersion: number, nextRunAt: Date | null): Promise<Campaign> {
    return this.update(id, expectedVersion, { next_run_at: nextRunAt });
  }

  async listDue(now: Date, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('campaigns')
      .select('id')
      .where('status', '=', 'active')
      .where('next_run_at', '<=', now)
      // An occurrence waiting for the previous run to close is not due yet.
      .where((eb) =>
        eb.or([
          sql<boolean>`coalesce((campaigns.schedule->>'allow_overlap')::boolean, false)`,
          eb.not(
            eb.exists(
              eb
                .selectFrom('campaign_runs')
                .select('campaign_runs.id')
                .whereRef('campaign_runs.campaign_id', '=', 'campaigns.id')
                .where('campaign_runs.status', '=', 'running'),
            ),
          ),
        ]),
      )
      .orderBy('next_run_at')
      .limit(limit)
      .execute();
    return rows.map((row) => row.id);
  }

  /** One version-guarded write of `changes`. */
  private async update(
    id: string,
    expectedVersion: number,
    changes: { status?: CampaignStatus; next_run_at?: Date | null },
  ): Promise<Campaign> {
    const row = await this.db
      .updateTable('campaigns')
      .set((eb) => ({
        ...changes,
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
