// The state of a tenant's work at a glance (viewer), for `status`, `run --once` and `start`: per
// campaign and in total, what waits for a person, what the Planner holds back, and what was
// rejected and why.

import type { Actor } from '../domain/actor.js';
import type { Task } from '../domain/task.js';
import type { TaskStatus } from '../domain/task-status.js';
import type { ServiceDependencies } from './service-dependencies.js';

/** One campaign's line of the summary. */
export interface CampaignStatusLine {
  id: string;
  name: string;
  status: string;
  tasks: Partial<Record<TaskStatus, number>>;
}

/** The whole summary. */
export interface StatusSummary {
  campaigns: CampaignStatusLine[];
  tasks: Partial<Record<TaskStatus, number>>;
  pendingReviews: number;
  effects: number;
  /** Posts the platforms acknowledged. */
  published: number;
  /** What waits for a person, and why. */
  escalations: Array<{ review_id: string; agent_id: string; step: string; reasons: string[] }>;
  /** Pending tasks the Planner holds back (a wallet too short to pay), and why. */
  holds: Array<{ agent_id: string; step: string; reason: string }>;
  /**
   * Tasks rejected (by the Judge, a reviewer or an error) that wait for the Planner to re-plan
   * them, and tasks that failed for good: the latest 20, and why.
   */
  rejections: Array<{ agent_id: string; step: string; reasons: string[] }>;
  /** How many tasks `rejections` would hold without its limit of 20. */
  rejectionTotal: number;
}

/** How many rejected tasks a summary lists, the newest first. */
const REJECTIONS_LISTED = 20;
/** Campaigns a summary covers, the newest. */
const CAMPAIGNS_LISTED = 1_000;

export class StatusService {
  constructor(private readonly deps: ServiceDependencies) {}

  async summary(actor: Actor): Promise<StatusSummary> {
    const views = this.deps.store.tenantViews;
    const tenant = actor.tenantId;
    const campaigns = (await views.listCampaignProgress(tenant, CAMPAIGNS_LISTED)).reverse();
    const tasks: Partial<Record<TaskStatus, number>> = {};
    for (const { tasks: perCampaign } of campaigns) {
      for (const [status, n] of Object.entries(perCampaign) as Array<[TaskStatus, number]>) {
        tasks[status] = (tasks[status] ?? 0) + n;
      }
    }
    const pending = await views.listReviewItems(tenant, { status: 'pending', limit: 10_000 });
    const escalations = pending.map(({ review, task }) => ({
      review_id: review.id,
      agent_id: task.agent_id,
      step: task.step_key,
      reasons: review.reasons,
    }));
    const held = await views.listTasks(tenant, { status: 'pending', limit: 200 });
    return {
      campaigns: campaigns.map(({ campaign, tasks: perStatus }) => ({
        id: campaign.id,
        name: campaign.name,
        status: campaign.status,
        tasks: perStatus,
      })),
      tasks,
      pendingReviews: pending.length,
      effects: await views.countEffects(tenant),
      published: await views.countPosts(tenant),
      escalations,
      holds: held.flatMap((task) =>
        task.hold_reason
          ? [{ agent_id: task.agent_id, step: task.step_key, reason: task.hold_reason }]
          : [],
      ),
      rejections: (await this.latestRejections(tenant)).map((task) => ({
        agent_id: task.agent_id,
        step: task.step_key,
        reasons: task.feedback,
      })),
      // A rejection shows at once: before the Planner re-plans or fails it, the task is 'rejected'.
      rejectionTotal: (tasks.rejected ?? 0) + (tasks.failed ?? 0),
    };
  }

  /** The latest rejected or failed tasks, newest first. */
  private async latestRejections(tenant: string): Promise<Task[]> {
    const views = this.deps.store.tenantViews;
    const [rejected, failed] = await Promise.all([
      views.listTasks(tenant, { status: 'rejected', limit: REJECTIONS_LISTED }),
      views.listTasks(tenant, { status: 'failed', limit: REJECTIONS_LISTED }),
    ]);
    return [...rejected, ...failed]
      .sort((a, b) => b.updated_at.getTime() - a.updated_at.getTime())
      .slice(0, REJECTIONS_LISTED);
  }
}
