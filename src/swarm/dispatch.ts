// How the swarm asks the queue for work: job names, payloads and priorities in one place.

import type { TaskPriority } from '../domain/task.js';
import type { Store } from '../store/store.js';
import { memoryId, type RememberRequest } from './agent-memory.js';

const PRIORITY: Record<TaskPriority, number> = { high: -10, medium: 0, low: 10 };

/**
 * Queues a run of `task` (commits with the caller's transaction). The job key keeps at most one
 * waiting job per task; a job locked by a dead process is superseded by the new one.
 */
export function dispatchTask(
  store: Store,
  task: { id: string; priority: TaskPriority },
  runAt?: Date,
): Promise<void> {
  return store.jobs.add({
    name: 'run_task',
    payload: { taskId: task.id },
    priority: PRIORITY[task.priority],
    jobKey: `task:${task.id}`,
    jobKeyMode: 'replace',
    ...(runAt && { runAt }),
  });
}

/** Asks the Planner to look at a campaign again; repeated asks collapse into one job. */
export function wakePlanner(store: Store, campaignId: string): Promise<void> {
  return store.jobs.add({
    name: 'plan_campaign',
    payload: { campaignId },
    jobKey: `plan:${campaignId}`,
    jobKeyMode: 'preserve_run_at',
  });
}

/** Has the Planner look again at campaigns with held tasks (their wallets may have been funded). */
export async function wakeHeldCampaigns(store: Store): Promise<number> {
  const campaignIds = await store.tasks.campaignsWithHeldTasks();
  for (const campaignId of campaignIds) await wakePlanner(store, campaignId);
  return campaignIds.length;
}

/**
 * Asks for something to be remembered once the caller's transaction commits (agent-memory.ts
 * embeds and stores it). `key` names what it is about, e.g. 'reply:<idempotency key>': the
 * memory's id derives from it, so asking twice remembers once.
 */
export function rememberLater(
  store: Store,
  key: string,
  request: Omit<RememberRequest, 'memory'> & {
    memory?: Omit<NonNullable<RememberRequest['memory']>, 'id'>;
  },
): Promise<void> {
  const { memory, ...rest } = request;
  const payload: RememberRequest = {
    ...rest,
    ...(memory && { memory: { ...memory, id: memoryId(key) } }),
  };
  return store.jobs.add({
    name: 'remember',
    payload,
    priority: PRIORITY.low,
    jobKey: `remember:${key}`,
    jobKeyMode: 'preserve_run_at',
  });
}
