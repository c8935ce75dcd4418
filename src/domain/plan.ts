// The Planner's pure half: expand a campaign template into task drafts, one chain per agent,
// and decide what to do with each task as its dependencies settle. Persistence lives elsewhere.

import type { CampaignTemplate } from './campaign-template.js';
import type { TaskPriority } from './task.js';
import { isApproved, isTerminal, type TaskStatus } from './task-status.js';

/** A task the Planner wants created. */
export interface TaskDraft {
  id: string;
  campaign_run_id: string;
  agent_id: string;
  step_key: string;
  type: string;
  spec_id: string;
  priority: TaskPriority;
  deadline: Date | null;
  depends_on: string[];
  has_dependents: boolean;
  input: Record<string, unknown>;
  max_attempts: number;
  idempotency_key: string;
}

/**
 * Expands `template` for every agent, for one run of the campaign. `specIdOf` gives a skill's
 * default spec id. Idempotency keys are `campaignId:agentId:step` in the first run, and
 * `campaignId#seq:agentId:step` in run `seq` after it.
 */
export function expandTemplate(options: {
  campaignId: string;
  run: { id: string; seq: number };
  agentIds: readonly string[];
  template: CampaignTemplate;
  specIdOf: (skill: string) => string;
  newId: () => string;
  now: Date;
}): TaskDraft[] {
  const drafts: TaskDraft[] = [];
  const { run } = options;
  const keyPrefix = run.seq === 1 ? options.campaignId : `${options.campaignId}#${run.seq}`;
  for (const agentId of options.agentIds) {
    const idByKey = new Map(options.template.steps.map((step) => [step.key, options.newId()]));
    const dependedOn = new Set(options.template.steps.flatMap((step) => step.depends_on));
    for (const step of options.template.steps) {
      drafts.push({
        id: idByKey.get(step.key) as string,
        campaign_run_id: run.id,
        agent_id: agentId,
        step_key: step.key,
        type: step.skill,
        spec_id: step.spec_id ?? options.specIdOf(step.skill),
        priority: step.priority,
        deadline: step.deadline_ms ? new Date(options.now.getTime() + step.deadline_ms) : null,
        depends_on: step.depends_on.map((key) => idByKey.get(key) as string),
        has_dependents: dependedOn.has(step.key),
        input: step.input,
        max_attempts: step.max_attempts,
        idempotency_key: `${keyPrefix}:${agentId}:${step.key}`,
      });
    }
  }
  return drafts;
}

/** The minimum the Planner needs to know about a task to move the DAG. */
export interface PlanTaskView {
  id: string;
  status: TaskStatus;
  depends_on: readonly string[];
  attempt: number;
  max_attempts: number;
  error_code: string | null;
  /** An approved external effect (a post) not yet performed: dependents wait for it. */
  effect_pending?: boolean;
  /** The task's agent is frozen: it stays pending until a person unfreezes the agent. */
  agent_frozen?: boolean;
  /** Why the Planner holds this pending task back (its wallet is short); it waits for funds. */
  hold_reason?: string | null | undefined;
  /**
   * For a rejected task whose rejection lies in content an upstream step wrote (a repeat, a
   * directive breach, a claim a reviewer refused): that step's id. It is re-opened instead.
   */
  content_producer?: string | undefined;
}

/** What the Planner will do to one task. */
export type PlanStep =
  | { action: 'enqueue'; taskId: string }
  | { action: 'retry'; taskId: string }
  /** Re-opens `taskId`, the producer of `rejectedId`'s content, and the steps between them. */
  | { action: 'reopen'; taskId: string; rejectedId: string }
  | { action: 'fail'; taskId: string }
  | { action: 'cancel'; taskId: string; reason: string };

/**
 * Error codes that no retry can fix: the same input meets the same refusal. MODEL_OUTPUT_INVALID
 * is not among them: a new attempt with the error as feedback may well fit the schema.
 */
const PERMANENT_CODES = new Set([
  'SKILL_INPUT_INVALID',
  'SKILL_OUTPUT_INVALID',
  'SKILL_PERMANENT',
  'TASK_DEADLINE_EXCEEDED',
  'SKILL_UNKNOWN',
  'MCP_UNKNOWN_SERVER',
  'MCP_TOOL_DENIED',
  'MCP_TOOL_FAILED',
  'MCP_OUTPUT_INVALID',
  'SPEND_REJECTED',
]);

/** True when a rejected task may be re-planned. */
export function canRetry(task: PlanTaskView): boolean {
  return task.attempt < task.max_attempts && !PERMANENT_CODES.has(task.error_code ?? '');
}

/** Decides the next move for every task of one campaign, given their current states. */
export function planNextSteps(tasks: readonly PlanTaskView[]): PlanStep[] {
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const steps: PlanStep[] = [];
  for (const task of tasks) {
    if (task.status === 'rejected') {
      const producer = task.content_producer ? byId.get(task.content_producer) : undefined;
      // The item's attempts are bounded twice: the producer's and the rejected step's own.
      if (producer && canRetry(producer) && canRetry(task)) {
        steps.push({ action: 'reopen', taskId: producer.id, rejectedId: task.id });
      } else {
        steps.push({ action: canRetry(task) ? 'retry' : 'fail', taskId: task.id });
      }
      continue;
    }
    if (task.status !== 'pending') continue;
    if (task.agent_frozen || task.hold_reason) continue;
    const dependencies = task.depends_on.map((id) => byId.get(id));
    const deadId = task.depends_on.find((id) => isDead(byId.get(id)));
    if (deadId !== undefined) {
      steps.push({
        action: 'cancel',
        taskId: task.id,
        reason: `dependency ${deadId} can no longer succeed`,
      });
    } else if (
      dependencies.every(
        (dependency) => dependency && isApproved(dependency.status) && !dependency.effect_pending,
      )
    ) {
      steps.push({ action: 'enqueue', taskId: task.id });
    }
  }
  return steps;
}

/** True when a dependency is missing, failed, cancelled, or rejected for good. */
function isDead(dependency: PlanTaskView | undefined): boolean {
  if (!dependency) return true;
  if (dependency.status === 'rejected') return !canRetry(dependency);
  return dependency.status === 'failed' || dependency.status === 'cancelled';
}

/** The campaign status implied by its tasks, or undefined while it is still active. */
export function settledCampaignStatus(
  tasks: ReadonlyArray<{ status: TaskStatus }>,
): 'completed' | 'failed' | undefined {
  if (tasks.length === 0 || !tasks.every((task) => isTerminal(task.status))) return undefined;
  return tasks.every((task) => task.status === 'done') ? 'completed' : 'failed';
}

/**
 * True when nothing more can happen without a person: every task is terminal, awaiting review,
 * or pending behind a task that is (transitively) awaiting review.
 */
export function isQuiescent(tasks: readonly PlanTaskView[]): boolean {
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const blockedByReview = (task: PlanTaskView, seen = new Set<string>()): boolean => {
    if (task.status === 'awaiting_review') return true;
    if (task.status !== 'pending' || seen.has(task.id)) return false;
    // A frozen agent's task waits for the person who unfreezes it; a held one for its funds.
    if (task.agent_frozen || task.hold_reason) return true;
    seen.add(task.id);
    // A task the Planner would cancel is not waiting on anyone.
    if (task.depends_on.some((id) => isDead(byId.get(id)))) return false;
    return task.depends_on.some((id) => {
      const dependency = byId.get(id);
      return dependency !== undefined && blockedByReview(dependency, seen);
    });
  };
  return tasks.every((task) => isTerminal(task.status) || blockedByReview(task));
}
