// One review per content item: before a later stage of an item goes to a person again, look for a
// person's approval of an earlier stage of the same item (an upstream task of the same campaign
// and agent) that still covers what this stage shows (domain/content-coverage.ts).

import { coversContent } from '../domain/content-coverage.js';
import type { Review } from '../domain/review.js';
import type { Task } from '../domain/task.js';
import type { AnySkill } from '../skills/skill.js';
import type { SkillRegistry } from '../skills/skill-registry.js';
import type { Store } from '../store/store.js';
import { outputView } from './output-view.js';

/** The approval a later stage relies on instead of asking a person again. */
export interface CoveringApproval {
  review: Review;
  /** The upstream task whose output the person approved. */
  task: Task;
}

/**
 * The newest approval by a person of an upstream stage of `task`'s item that covers `output`,
 * escalated for `reasons`; undefined when a person must look again.
 */
export async function findCoveringApproval(
  store: Store,
  skills: SkillRegistry,
  subject: { task: Task; skill: AnySkill; output: unknown; reasons: readonly string[] },
): Promise<CoveringApproval | undefined> {
  const { task, skill, output, reasons } = subject;
  const view = outputView(skill, output);
  if (!view || task.depends_on.length === 0) return undefined;
  const upstream = upstreamTasks(task, await store.tasks.listByCampaign(task.campaign_id));
  const approvals = await store.reviews.listApprovedContent([...upstream.keys()]);
  const later = { view, reasons };
  for (const review of approvals) {
    const approvedTask = upstream.get(review.task_id);
    // Only an approval of the output the task still holds counts, not of a replaced attempt.
    if (!approvedTask || approvedTask.attempt !== review.attempt) continue;
    if (!skills.has(approvedTask.type)) continue;
    const approvedView = outputView(skills.get(approvedTask.type), approvedTask.output);
    if (!approvedView) continue;
    const approved = { view: approvedView, reasons: review.reasons };
    // The newest approval decides: one made after a change of media binds what follows.
    return coversContent(approved, later) ? { review, task: approvedTask } : undefined;
  }
  return undefined;
}

/** The tasks `task` depends on, directly or not, that belong to the same agent, by id. */
function upstreamTasks(task: Task, campaignTasks: readonly Task[]): Map<string, Task> {
  const byId = new Map(campaignTasks.map((candidate) => [candidate.id, candidate]));
  const upstream = new Map<string, Task>();
  const pending = [...task.depends_on];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    const found = byId.get(id);
    if (!found || upstream.has(id) || found.agent_id !== task.agent_id) continue;
    upstream.set(id, found);
    pending.push(...found.depends_on);
  }
  return upstream;
}
