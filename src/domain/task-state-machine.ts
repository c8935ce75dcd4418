// The task state machine as a pure function: every legal transition is listed, all others refused.
// It knows nothing of storage; the store applies the result under a state_version check.

import { IllegalTransition } from './errors.js';
import { isTerminal, type TaskStatus } from './task-status.js';

/** The verbs that move a task. */
export type TaskAction =
  | 'enqueue' // pending → queued: dependencies approved
  | 'claim' // queued → running: a worker took it
  | 'hold' // queued → pending: its agent is frozen; the Planner queues it again on unfreeze
  | 'submit' // running → judging: the skill produced a result
  | 'requeue' // running → queued: transient error or expired lease, with backoff
  | 'abort' // running → rejected: permanent error or attempts exhausted
  | 'approve' // judging | awaiting_review → approved
  | 'escalate' // judging → awaiting_review
  | 'escalate_spend' // running → awaiting_review: the CFO wants a person to approve a spend
  | 'resume' // awaiting_review → queued: a person approved the spend; the task runs again
  | 'reject' // judging | awaiting_review → rejected
  | 'complete' // approved → done: the effect ran
  | 'retry' // rejected → queued: re-planned with feedback
  | 'fail' // rejected → failed: attempts exhausted or permanent
  | 'reopen' // done | rejected → pending: content it produced was rejected downstream; runs again
  | 'cancel'; // any non-terminal → cancelled

/** The transition table: action → the states it may start from → the state it leads to. */
export const TRANSITIONS: Readonly<
  Record<TaskAction, { from: readonly TaskStatus[]; to: TaskStatus }>
> = {
  enqueue: { from: ['pending'], to: 'queued' },
  claim: { from: ['queued'], to: 'running' },
  hold: { from: ['queued'], to: 'pending' },
  submit: { from: ['running'], to: 'judging' },
  requeue: { from: ['running'], to: 'queued' },
  abort: { from: ['running'], to: 'rejected' },
  approve: { from: ['judging', 'awaiting_review'], to: 'approved' },
  escalate: { from: ['judging'], to: 'awaiting_review' },
  escalate_spend: { from: ['running'], to: 'awaiting_review' },
  resume: { from: ['awaiting_review'], to: 'queued' },
  reject: { from: ['judging', 'awaiting_review'], to: 'rejected' },
  complete: { from: ['approved'], to: 'done' },
  retry: { from: ['rejected'], to: 'queued' },
  fail: { from: ['rejected'], to: 'failed' },
  reopen: { from: ['done', 'rejected'], to: 'pending' },
  cancel: {
    from: ['pending', 'queued', 'running', 'judging', 'awaiting_review', 'approved', 'rejected'],
    to: 'cancelled',
  },
};

/** The state `action` leads to from `from`; throws IllegalTransition when it is not allowed. */
export function nextStatus(from: TaskStatus, action: TaskAction, taskId?: string): TaskStatus {
  const rule = TRANSITIONS[action];
  // Terminal states are final, except that the Planner re-opens a done step whose content a
  // later step was rejected for (an upstream re-plan, FR-PLAN-005); its effect, if any, stays.
  if (!rule.from.includes(from) || (isTerminal(from) && action !== 'reopen')) {
    throw new IllegalTransition(from, action, taskId);
  }
  return rule.to;
}

/** True when `action` is legal from `from`. */
export function canTransition(from: TaskStatus, action: TaskAction): boolean {
  return TRANSITIONS[action].from.includes(from);
}
