// The reads behind the operator surfaces (API, CLI, MCP resources), each scoped to one tenant:
// agents and campaigns carry their tenant; tasks, reviews, posts, budgets and ledger entries are
// reached through their agent or campaign, so a row of another tenant is never returned.

import { type Kysely, sql } from 'kysely';
import type { Agent } from '../../domain/agent.js';
import type { Campaign } from '../../domain/campaign.js';
import type { DecidedEscalation } from '../../domain/judge-agreement.js';
import type { Review } from '../../domain/review.js';
import type { Task } from '../../domain/task.js';
import type { TaskStatus } from '../../domain/task-status.js';
import type {
  CampaignProgress,
  FleetView,
  PostView,
  ReviewItem,
  TaskFilter,
  TenantViewRepository,
} from '../store.js';
import {
  fromJsonRow,
  type JsonRow,
  RESULT_TIMESTAMPS,
  SPEND_TIMESTAMPS,
  TASK_TIMESTAMPS,
  toAgent,
  toCampaign,
  toPost,
  toResult,
  toReview,
  toSpendRequest,
  toTask,
} from './row-mappers.js';
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

  async listCampaignProgress(tenantId: string, limit: number): Promise<CampaignProgress[]> {
    const rows = await this.db
      .selectFrom('campaigns')
      .selectAll()
      .select(
        sql<Partial<Record<TaskStatus, number>>>`(
          SELECT coalesce(jsonb_object_agg(per_status.status, per_status.n), '{}'::jsonb)
            FROM (SELECT status, count(*)::int AS n FROM tasks
                   WHERE tasks.campaign_id = campaigns.id GROUP BY status) AS per_status
        )`.as('task_counts'),
      )
      .where('tenant_id', '=', tenantId)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map(({ task_counts, ...row }) => ({
      campaign: toCampaign(row),
      tasks: task_counts,
    }));
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
    if (filter.campaignRunId) {
      query = query.where('tasks.campaign_run_id', '=', filter.campaignRunId);
    }
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

  async listReviewItems(
    tenantId: string,
    filter: { status?: Review['status']; limit: number },
  ): Promise<ReviewItem[]> {
    let query = this.db
      .selectFrom('reviews')
      .innerJoin('tasks', 'tasks.id', 'reviews.task_id')
      .innerJoin('campaigns', 'campaigns.id', 'tasks.campaign_id')
      .selectAll('reviews')
      .select([
        sql<JsonRow>`to_jsonb(tasks)`.as('task_json'),
        sql<JsonRow | null>`(
          SELECT to_jsonb(result) FROM task_results AS result
           WHERE result.task_id = tasks.id ORDER BY result.attempt DESC LIMIT 1
        )`.as('result_json'),
        // Amounts as text: numeric(78,0) does not fit a JSON number.
        sql<JsonRow | null>`(
          SELECT to_jsonb(spend) || jsonb_build_object(
                   'amount', spend.amount::text, 'budget_amount', spend.budget_amount::text)
            FROM spend_requests AS spend WHERE spend.request_id = reviews.spend_request_id
        )`.as('spend_json'),
      ])
      .where('campaigns.tenant_id', '=', tenantId);
    if (filter.status) query = query.where('reviews.status', '=', filter.status);
    const rows = await query
      .orderBy('reviews.created_at')
      .orderBy('reviews.id')
      .limit(filter.limit)
      .execute();
    return rows.map(({ task_json, result_json, spend_json, ...review }) => ({
      review: toReview(review),
      task: toTask(fromJsonRow(task_json, TASK_TIMESTAMPS)),
      result: result_json ? toResult(fromJsonRow(result_json, RESULT_TIMESTAMPS)) : undefined,
      ...(spend_json && { spend: toSpendRequest(fromJsonRow(spend_json, SPEND_TIMESTAMPS)) }),
    }));
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

  async producedMedia(tenantId: string, name: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('task_results')
      .innerJoin('tasks', 'tasks.id', 'task_results.task_id')
      .innerJoin('campaigns', 'campaigns.id', 'tasks.campaign_id')
      .select(sql<number>`1`.as('found'))
      .where('campaigns.tenant_id', '=', tenantId)
      .where(sql<boolean>`strpos(task_results.output::text, ${name}) > 0`)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async listDecidedEscalations(tenantId: string, since: Date): Promise<DecidedEscalation[]> {
    const rows = await this.db
      .selectFrom('reviews')
      .innerJoin('tasks', 'tasks.id', 'reviews.task_id')
      .innerJoin('campaigns', 'campaigns.id', 'tasks.campaign_id')
      .innerJoin('task_results as result', (join) =>
        join
          .onRef('result.task_id', '=', 'reviews.task_id')
          .onRef('result.attempt', '=', 'reviews.attempt'),
      )
      .select(['reviews.reasons', 'reviews.status', 'reviews.decided_at', 'result.confidence'])
      .where('campaigns.tenant_id', '=', tenantId)
      .where('reviews.kind', '=', 'content')
      .where('reviews.status', 'in', ['approved', 'rejected'])
      .where('reviews.decided_at', '>=', since)
      .orderBy('reviews.decided_at')
      .execute();
    return rows.map((row) => ({
      reasons: row.reasons,
      confidence: row.confidence,
      approved: row.status === 'approved',
      decided_at: row.decided_at ?? since,
    }));
  }

  async listPosts(tenantId: string, filter: { agentId?: string; limit: number }) {
    let query = this.db
      .selectFrom('content_pipeline as content')
      .innerJoin('agents', 'agents.id', 'content.agent_id')
      .innerJoin('video_metadata as meta', 'meta.content_id', 'content.id')
      .leftJoin('trends as trend', 'trend.id', 'content.trend_source_id')
      .select([
        'content.id as content_id',
        'content.agent_id',
        'content.campaign_id',
        'content.format',
        'content.caption',
        'content.media_url',
        'content.created_at',
        'content.published_at',
        'meta.platform_ids',
        'meta.video_url',
        'meta.engagement_metrics',
        sql<JsonRow | null>`CASE WHEN trend.id IS NULL THEN NULL ELSE jsonb_build_object(
          'id', trend.id, 'topic', trend.topic, 'volume', trend.volume,
          'rising_velocity', trend.rising_velocity, 'first_seen', trend.first_seen) END`.as(
          'trend',
        ),
        sql<JsonRow | null>`CASE WHEN content.brief IS NULL THEN NULL ELSE jsonb_build_object(
          'brief_id', content.brief->>'brief_id', 'format', content.brief->>'format') END`.as(
          'brief',
        ),
        sql<JsonRow[]>`coalesce((
          SELECT jsonb_agg(jsonb_build_object(
                   'read_after', point.read_after, 'read_at', point.read_at,
                   'views', point.views, 'likes', point.likes,
                   'comments', point.comments, 'shares', point.shares)
                 ORDER BY point.read_at, point.read_after)
            FROM engagement_points AS point WHERE point.content_id = content.id), '[]'::jsonb)`.as(
          'engagement_series',
        ),
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
        published_at: row.published_at ?? row.created_at,
        trend: row.trend && {
          id: String(row.trend.id),
          topic: String(row.trend.topic),
          volume: Number(row.trend.volume),
          rising_velocity: Number(row.trend.rising_velocity),
          first_seen: new Date(String(row.trend.first_seen)),
        },
        brief_id: row.brief ? String(row.brief.brief_id) : null,
        engagement_series: row.engagement_series.map((point) => ({
          read_after: String(point.read_after),
          read_at: new Date(String(point.read_at)),
          views: Number(point.views),
          likes: Number(point.likes),
          comments: Number(point.comments),
          shares: Number(point.shares),
        })),
      }),
    );
  }

  async fleetView(tenantId: string): Promise<FleetView> {
    const rows = await this.db
      .selectFrom('agents')
      .selectAll()
      .select([
        sql<Partial<Record<TaskStatus, number>>>`(
          SELECT coalesce(jsonb_object_agg(per_status.status, per_status.n), '{}'::jsonb)
            FROM (SELECT tasks.status, count(*)::int AS n
                    FROM tasks JOIN campaigns ON campaigns.id = tasks.campaign_id
                   WHERE tasks.agent_id = agents.id
                     AND campaigns.tenant_id = agents.tenant_id
                     AND campaigns.status = 'active'
                     AND tasks.status IN ('pending', 'queued', 'running', 'judging', 'awaiting_review')
                   GROUP BY tasks.status) AS per_status
        )`.as('open_tasks'),
        sql<Date | null>`(
          SELECT max(content.created_at) FROM content_pipeline AS content
           WHERE content.agent_id = agents.id AND content.stage = 'published'
        )`.as('last_post_at'),
        sql<string[] | null>`(
          SELECT ARRAY[budget.spent_amount::text, budget.limit_amount::text]
            FROM budget_tracking AS budget
           WHERE budget.agent_id = agents.id AND budget.period = 'daily' AND budget.category = 'all'
           ORDER BY budget.period_start DESC LIMIT 1
        )`.as('daily'),
        // Not correlated with the agent, so PostgreSQL computes it once. A tenant without agents
        // has no tasks, hence no reviews: no row to carry it is then the right answer.
        sql<number>`(
          SELECT count(*)::int FROM reviews
            JOIN tasks ON tasks.id = reviews.task_id
            JOIN campaigns ON campaigns.id = tasks.campaign_id
           WHERE campaigns.tenant_id = ${tenantId} AND reviews.status = 'pending'
        )`.as('reviews_waiting'),
      ])
      .where('tenant_id', '=', tenantId)
      .orderBy('id')
      .execute();
    return {
      agents: rows.map(({ open_tasks, last_post_at, daily, reviews_waiting: _, ...row }) => ({
        agent: toAgent(row),
        open_tasks,
        last_post_at: last_post_at && new Date(last_post_at),
        daily: daily && { spent: BigInt(daily[0] ?? 0), limit: BigInt(daily[1] ?? 0) },
      })),
      reviews_waiting: rows[0]?.reviews_waiting ?? 0,
    };
  }

  async ledgerSeqs(tenantId: string): Promise<Set<number>> {
    const rows = await this.db
      .selectFrom('ledger')
      .leftJoin('agents', 'agents.id', 'ledger.agent_id')
      .select('ledger.seq')
      .where((eb) =>
        eb.or([
          eb('agents.tenant_id', '=', tenantId),
          // What another node paid this one (a2a settlements): the node's, like the peer
          // registry, so every tenant's operators see it.
          eb.and([eb('agents.id', 'is', null), eb('ledger.agent_id', 'like', 'node:%')]),
        ]),
      )
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
