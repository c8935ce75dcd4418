// The reads behind the operator surfaces (API, CLI, MCP resources), each scoped to one tenant:
// agents and campaigns carry their tenant; tasks, reviews, posts, budgets and ledger entries are
// reached through their agent or campaign, so a row of another tenant is never returned.

import { type Kysely, sql } from 'kysely';
import type { Agent } from '../../domain/agent.js';
import type { Campaign } from '../../domain/campaign.js';
import type { Review } from '../../domain/review.js';
import type { Task } from '../../domain/task.js';
import type { TaskStatus } from '../../domain/task-status.js';
import type { PostView, TaskFilter, TenantViewRepository } from '../store.js';
import { toAgent, toCampaign, toPost, toReview, toTask } from './row-mappers.js';
import type { ChimeraSchema } from './schema.js';

export class PostgresTenantViewRepository implements TenantViewRepository {
  constructor(private readonly db: Kysely<ChimeraSchema>) {}

  async listAgents(tenantId: string): Promise<Agent[]> {
    const rows = await this.db
      .selectFrom('agents')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .orderBy('id')
      .execute();
    return rows.map(toAgent);
  }

  async getAgent(tenantId: string, id: string): Promise<Agent | undefined> {
    const row = await this.db
      .selectFrom('agents')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toAgent(row);
  }

  async listCampaigns(tenantId: string, limit: number): Promise<Campaign[]> {
    const rows = await this.db
      .selectFrom('campaigns')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toCampaign);
  }

  async getCampaign(tenantId: string, id: string): Promise<Campaign | undefined> {
    const row = await this.db
      .selectFrom('campaigns')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toCampaign(row);
  }

  async countTasksByCampaign(
    tenantId: string,
    campaignIds: readonly string[],
  ): Promise<Map<string, Partial<Record<TaskStatus, number>>>> {
    const counts = new Map<string, Partial<Record<TaskStatus, number>>>();
    if (campaignIds.length === 0) return counts;
    const rows = await this.db
      .selectFrom('tasks')
      .innerJoin('campaigns', 'campaigns.id', 'tasks.campaign_id')
      .select(['tasks.campaign_id', 'tasks.status', (eb) => eb.fn.countAll<string>().as('n')])
      .where('campaigns.tenant_id', '=', tenantId)
      .where('tasks.campaign_id', 'in', [...campaignIds])
      .groupBy(['tasks.campaign_id', 'tasks.status'])
      .execute();
    for (const row of rows) {
      const perStatus = counts.get(row.campaign_id) ?? {};
      perStatus[row.status as TaskStatus] = Number(row.n);
      counts.set(row.campaign_id, perStatus);
    }
    return counts;
  }

  async listTasks(tenantId: string, filter: TaskFilter): Promise<Task[]> {
    let query = this.db
      .selectFrom('tasks')
      .innerJoin('campaigns', 'campaigns.id', 'tasks.campaign_id')
      .selectAll('tasks')
      .where('campaigns.tenant_id', '=', tenantId);
    if (filter.campaignId) query = query.where('tasks.campaign_id', '=', filter.campaignId);
    if (filter.agentId) query = query.where('tasks.agent_id', '=', filter.agentId);
    if (filter.status) query = query.where('tasks.status', '=', filter.status);
    const rows = await query
      .orderBy('tasks.updated_at', 'desc')
      .orderBy('tasks.id')
      .limit(filter.limit)
      .execute();
    return rows.map(toTask);
  }

  async getTask(tenantId: string, id: string): Promise<Task | undefined> {
    const row = await this.db
      .selectFrom('tasks')
      .innerJoin('campaigns', 'campaigns.id', 'tasks.campaign_id')
      .selectAll('tasks')
      .where('campaigns.tenant_id', '=', tenantId)
      .where('tasks.id', '=', id)
      .executeTakeFirst();
    return row && toTask(row);
  }

  async listReviews(
    tenantId: string,
    filter: { status?: Review['status']; limit: number },
  ): Promise<Review[]> {
    let query = this.db
      .selectFrom('reviews')
      .innerJoin('tasks', 'tasks.id', 'reviews.task_id')
      .innerJoin('campaigns', 'campaigns.id', 'tasks.campaign_id')
      .selectAll('reviews')
      .where('campaigns.tenant_id', '=', tenantId);
    if (filter.status) query = query.where('reviews.status', '=', filter.status);
    const rows = await query
      .orderBy('reviews.created_at')
      .orderBy('reviews.id')
      .limit(filter.limit)
      .execute();
    return rows.map(toReview);
  }

  async getReview(tenantId: string, id: string): Promise<Review | undefined> {
    const row = await this.db
      .selectFrom('reviews')
      .innerJoin('tasks', 'tasks.id', 'reviews.task_id')
      .innerJoin('campaigns', 'campaigns.id', 'tasks.campaign_id')
      .selectAll('reviews')
      .where('campaigns.tenant_id', '=', tenantId)
      .where('reviews.id', '=', id)
      .executeTakeFirst();
    return row && toReview(row);
  }

  async listPosts(tenantId: string, filter: { agentId?: string; limit: number }) {
    let query = this.db
      .selectFrom('content_pipeline as content')
      .innerJoin('agents', 'agents.id', 'content.agent_id')
      .innerJoin('video_metadata as meta', 'meta.content_id', 'content.id')
      .select([
        'content.id as content_id',
        'content.agent_id',
        'content.campaign_id',
        'content.format',
        'content.caption',
        'content.media_url',
        'content.created_at',
        'meta.platform_ids',
        'meta.video_url',
        'meta.engagement_metrics',
      ])
      .where('agents.tenant_id', '=', tenantId)
      .where('content.stage', '=', 'published');
    if (filter.agentId) query = query.where('content.agent_id', '=', filter.agentId);
    const rows = await query
      .orderBy('content.created_at', 'desc')
      .orderBy('content.id')
      .limit(filter.limit)
      .execute();
    return rows.map(
      (row): PostView => ({
        ...toPost(row),
        engagement: row.engagement_metrics,
        published_at: row.created_at,
      }),
    );
  }

  async countOpenTasksByAgent(tenantId: string) {
    const rows = await this.db
      .selectFrom('tasks')
      .innerJoin('campaigns', 'campaigns.id', 'tasks.campaign_id')
      .select(['tasks.agent_id', 'tasks.status', (eb) => eb.fn.countAll<string>().as('n')])
      .where('campaigns.tenant_id', '=', tenantId)
      .where('campaigns.status', '=', 'active')
      .where('tasks.status', 'in', ['pending', 'queued', 'running', 'judging', 'awaiting_review'])
      .groupBy(['tasks.agent_id', 'tasks.status'])
      .execute();
    return rows.map((row) => ({
      agent_id: row.agent_id,
      status: row.status as TaskStatus,
      count: Number(row.n),
    }));
  }

  async lastPostAt(tenantId: string): Promise<Map<string, Date>> {
    const rows = await this.db
      .selectFrom('content_pipeline as content')
      .innerJoin('agents', 'agents.id', 'content.agent_id')
      .select(['content.agent_id', (eb) => eb.fn.max('content.created_at').as('at')])
      .where('agents.tenant_id', '=', tenantId)
      .where('content.stage', '=', 'published')
      .groupBy('content.agent_id')
      .execute();
    return new Map(rows.map((row) => [row.agent_id, new Date(row.at as Date)]));
  }

  async ledgerSeqs(tenantId: string): Promise<Set<number>> {
    const rows = await this.db
      .selectFrom('ledger')
      .innerJoin('agents', 'agents.id', 'ledger.agent_id')
      .select('ledger.seq')
      .where('agents.tenant_id', '=', tenantId)
      .execute();
    return new Set(rows.map((row) => Number(row.seq)));
  }

  async countEffects(tenantId: string): Promise<number> {
    const row = await this.db
      .selectFrom('effects')
      .innerJoin('tasks', 'tasks.id', 'effects.task_id')
      .innerJoin('campaigns', 'campaigns.id', 'tasks.campaign_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('campaigns.tenant_id', '=', tenantId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async countPosts(tenantId: string): Promise<number> {
    const row = await this.db
      .selectFrom('content_pipeline as content')
      .innerJoin('agents', 'agents.id', 'content.agent_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('agents.tenant_id', '=', tenantId)
      .where('content.stage', '=', 'published')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async freezeAll(tenantId: string, frozen: boolean): Promise<string[]> {
    const rows = await this.db
      .updateTable('agents')
      .set({ status: frozen ? 'frozen' : 'active', updated_at: sql<Date>`now()` })
      .where('tenant_id', '=', tenantId)
      .where('status', '=', frozen ? 'active' : 'frozen')
      .returning('id')
      .execute();
    return rows.map((row) => row.id).sort();
  }
}
