// The closed set of task states. The transitions between them live in task-state-machine.ts.

/** Every state a task can be in. */
export const TASK_STATUSES = [
  'pending',
  'queued',
  'running',
  'judging',
  'awaiting_review',
  'approved',
  'rejected',
  'done',
  'failed',
  'cancelled',
] as const;

/** One task state. */
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** States a task never leaves. */
export const TERMINAL_STATUSES: ReadonlySet<TaskStatus> = new Set(['done', 'failed', 'cancelled']);

/** True when the task will never change state again. */
export function isTerminal(status: TaskStatus): boolean {
  return TERMINAL_STATUSES.has(status);
}

/** States whose task output counts as accepted by downstream tasks. */
export function isApproved(status: TaskStatus): boolean {
  return status === 'approved' || status === 'done';
}
