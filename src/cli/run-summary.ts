// Prints the status summary (services/status-service.ts) for `run --once`, `status` and `start`.

import type { TaskStatus } from '../domain/task-status.js';
import type { StatusSummary } from '../services/status-service.js';

/** "3 done, 1 awaiting_review" in a stable order. */
export function formatCounts(counts: Partial<Record<TaskStatus, number>>): string {
  const parts = Object.entries(counts)
    .filter(([, count]) => (count ?? 0) > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, count]) => `${count} ${status}`);
  return parts.length > 0 ? parts.join(', ') : 'no tasks';
}

/** The human lines of a summary. */
export function formatSummary(summary: StatusSummary): string[] {
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
