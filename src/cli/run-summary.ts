// Summarises campaigns for `run --once`, `status` and `start`: per campaign and in total.

import type { ChimeraApp } from '../app/chimera-app.js';
import type { Task } from '../domain/task.js';
import type { TaskStatus } from '../domain/task-status.js';

/** One campaign's line of the summary. */
export interface CampaignSummary {
  id: string;
  name: string;
  status: string;
  tasks: Partial<Record<TaskStatus, number>>;
}

/** The whole summary. */
export interface RunSummary {
  database: 'embedded' | 'server';
  campaigns: CampaignSummary[];
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

/** Gathers the summary from the store. */
export async function summarize(app: ChimeraApp): Promise<RunSummary> {
  const campaigns = await app.store.campaigns.list();
  const pending = await app.reviews.listPending();
  const tasks = await app.store.tasks.countByStatus();
  const perCampaign = await Promise.all(
    campaigns.map(async (campaign) => ({
      id: campaign.id,
      name: campaign.name,
      status: campaign.status,
      tasks: await app.store.tasks.countByStatus([campaign.id]),
    })),
  );
  return {
    database: app.database.kind,
    campaigns: perCampaign,
    tasks,
    pendingReviews: pending.length,
    effects: await app.store.effects.count(),
    published: (await app.store.content.listPublished()).length,
    escalations: pending.map(({ review, task }) => ({
      review_id: review.id,
      agent_id: task.agent_id,
      step: task.step_key,
      reasons: review.reasons,
    })),
    holds: (await app.store.tasks.listByStatus('pending', 200)).flatMap((task) =>
      task.hold_reason
        ? [{ agent_id: task.agent_id, step: task.step_key, reason: task.hold_reason }]
        : [],
    ),
    rejections: (await latestRejections(app)).map((task) => ({
      agent_id: task.agent_id,
      step: task.step_key,
      reasons: task.feedback,
    })),
    // A rejection shows at once: before the Planner re-plans or fails it, the task is 'rejected'.
    rejectionTotal: (tasks.rejected ?? 0) + (tasks.failed ?? 0),
  };
}

/** The latest rejected or failed tasks, newest first. */
async function latestRejections(app: ChimeraApp): Promise<Task[]> {
  const [rejected, failed] = await Promise.all([
    app.store.tasks.listByStatus('rejected', REJECTIONS_LISTED),
    app.store.tasks.listByStatus('failed', REJECTIONS_LISTED),
  ]);
  return [...rejected, ...failed]
    .sort((a, b) => b.updated_at.getTime() - a.updated_at.getTime())
    .slice(0, REJECTIONS_LISTED);
}

/** "3 done, 1 awaiting_review" in a stable order. */
export function formatCounts(counts: Partial<Record<TaskStatus, number>>): string {
  const parts = Object.entries(counts)
    .filter(([, count]) => (count ?? 0) > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, count]) => `${count} ${status}`);
  return parts.length > 0 ? parts.join(', ') : 'no tasks';
}

/** The human lines of a summary. */
export function formatSummary(summary: RunSummary): string[] {
  return [
    ...summary.campaigns.map(
      (campaign) =>
        `campaign ${campaign.id} "${campaign.name}" [${campaign.status}]: ${formatCounts(campaign.tasks)}`,
    ),
    `tasks: ${formatCounts(summary.tasks)}`,
    `reviews pending: ${summary.pendingReviews}`,
    ...summary.escalations.map(
      (item) =>
        `  escalated ${item.agent_id}/${item.step}: ${item.reasons.join('; ')} (review ${item.review_id})`,
    ),
    ...summary.holds.map((item) => `  held ${item.agent_id}/${item.step}: ${item.reason}`),
    `effects recorded: ${summary.effects}`,
    `posts published: ${summary.published}`,
    `rejections: ${summary.rejectionTotal}`,
    ...summary.rejections.map(
      (item) => `  rejected ${item.agent_id}/${item.step}: ${item.reasons.join('; ')}`,
    ),
  ];
}
