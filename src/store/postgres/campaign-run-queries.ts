// Campaign run queries: a run per occurrence of a campaign's schedule, numbered in order.

import { type Kysely, sql } from 'kysely';
import type { CampaignRun, CampaignRunStatus } from '../../domain/campaign-run.js';
import { VersionConflict } from '../../domain/errors.js';
import type { CampaignRunRepository } from '../store.js';
import { toCampaignRun } from './row-mappers.js';
import type { ChimeraSchema } from './schema.js';

export class PostgresCampaignRunRepository implements CampaignRunRepository {
  constructor(private readonly db: Kysely<ChimeraSchema>) {}

  async insert(run: {
    id: string;
    campaign_id: string;
    scheduled_for: Date;
    folded: number;
    started_at: Date;
  }): Promise<CampaignRun> {
    const row = await this.db
      .insertInto('campaign_runs')
      .values({
        ...run,
        seq: sql<number>`(SELECT coalesce(max(seq), 0) + 1 FROM campaign_runs
                           WHERE campaign_id = ${run.campaign_id}::uuid)`,
      })
      .onConflict((conflict) => conflict.columns(['campaign_id', 'scheduled_for']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new VersionConflict('campaign run', run.campaign_id, 0);
    return toCampaignRun(row);
  }

  async listByCampaign(campaignId: string, limit: number): Promise<CampaignRun[]> {
    const rows = await this.db
      .selectFrom('campaign_runs')
      .selectAll()
      .where('campaign_id', '=', campaignId)
      .orderBy('seq', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toCampaignRun);
  }

  async finish(id: string, status: Exclude<CampaignRunStatus, 'running'>, at: Date) {
    await this.db
      .updateTable('campaign_runs')
      .set({ status, finished_at: at })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .execute();
  }

  async cancelOpen(campaignId: string, at: Date): Promise<void> {
    await this.db
      .updateTable('campaign_runs')
      .set({ status: 'cancelled', finished_at: at })
      .where('campaign_id', '=', campaignId)
      .where('status', '=', 'running')
      .execute();
  }
}
