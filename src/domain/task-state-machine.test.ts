// FR-TASK-001: tasks follow one fixed state machine; every other transition is refused.

import { describe, expect, it } from 'vitest';
import { ChimeraError, IllegalTransition } from './errors.js';
import { canTransition, nextStatus, type TaskAction, TRANSITIONS } from './task-state-machine.js';
import { TASK_STATUSES, type TaskStatus } from './task-status.js';

const ACTIONS = Object.keys(TRANSITIONS) as TaskAction[];
const NON_TERMINAL: TaskStatus[] = [
  'pending',
  'queued',
  'running',
  'judging',
  'awaiting_review',
  'approved',
  'rejected',
];
const TERMINAL: TaskStatus[] = ['done', 'failed', 'cancelled'];

/** Runs nextStatus and returns the error it threw, or fails the test when it returned. */
function refusal(from: TaskStatus, action: TaskAction, taskId?: string): ChimeraError {
  try {
    const to = nextStatus(from, action, taskId);
    throw new Error(`expected '${action}' from '${from}' to be refused, got '${to}'`);
  } catch (error) {
    if (!(error instanceof ChimeraError)) throw error;
    return error;
  }
}

/** Follows `actions` from `from`, returning every state visited after the start. */
function walk(from: TaskStatus, actions: readonly TaskAction[]): TaskStatus[] {
  const visited: TaskStatus[] = [];
  let current = from;
  for (const action of actions) {
    current = nextStatus(current, action);
    visited.push(current);
  }
  return visited;
}

describe('the task state machine (FR-TASK-001)', () => {
  const pairs = TASK_STATUSES.flatMap((status) =>
    ACTIONS.map((action) => [status, action] as const),
  );

  it('covers every status and every action of the transition table', () => {
    expect(ACTIONS).toHaveLength(16);
    expect(pairs).toHaveLength(TASK_STATUSES.length * ACTIONS.length);
  });

  it.each(pairs)('from %s, %s leads to the table target or is refused', (status, action) => {
    const rule = TRANSITIONS[action];
    if (rule.from.includes(status)) {
      expect(nextStatus(status, action)).toBe(rule.to);
      expect(canTransition(status, action)).toBe(true);
    } else {
      const error = refusal(status, action);
      expect(error).toBeInstanceOf(IllegalTransition);
      expect(error.code).toBe('TASK_ILLEGAL_TRANSITION');
      expect(canTransition(status, action)).toBe(false);
    }
  });

  it('allows exactly the transitions of the documented lifecycle', () => {
    const legal = pairs
      .filter(([status, action]) => canTransition(status, action))
      .map(([status, action]) => `${status} -${action}-> ${nextStatus(status, action)}`)
      .sort();
    expect(legal).toEqual(
      [
        'pending -enqueue-> queued',
        'queued -claim-> running',
        'queued -hold-> pending',
        'running -submit-> judging',
        'running -requeue-> queued',
        'running -abort-> rejected',
        'running -escalate_spend-> awaiting_review',
        'awaiting_review -resume-> queued',
        'judging -approve-> approved',
        'judging -escalate-> awaiting_review',
        'judging -reject-> rejected',
        'awaiting_review -approve-> approved',
        'awaiting_review -reject-> rejected',
        'approved -complete-> done',
        'rejected -retry-> queued',
        'rejected -fail-> failed',
        'rejected -reopen-> pending',
        'done -reopen-> pending',
        ...NON_TERMINAL.map((status) => `${status} -cancel-> cancelled`),
      ].sort(),
    );
  });

  it('runs the happy path pending → queued → running → judging → approved → done', () => {
    expect(walk('pending', ['enqueue', 'claim', 'submit', 'approve', 'complete'])).toEqual([
      'queued',
      'running',
      'judging',
      'approved',
      'done',
    ]);
  });

  it('sends an escalated task to awaiting_review, from where a person approves or rejects it', () => {
    expect(nextStatus('judging', 'escalate')).toBe('awaiting_review');
    expect(nextStatus('awaiting_review', 'approve')).toBe('approved');
    expect(nextStatus('awaiting_review', 'reject')).toBe('rejected');
  });

  it('parks a running task whose spend a person must approve, and runs it again once they do', () => {
    expect(walk('running', ['escalate_spend', 'resume', 'claim'])).toEqual([
      'awaiting_review',
      'queued',
      'running',
    ]);
    expect(refusal('judging', 'escalate_spend')).toBeInstanceOf(IllegalTransition);
  });

  it('lets a rejected task be retried (→ queued) or failed (→ failed)', () => {
    expect(nextStatus('judging', 'reject')).toBe('rejected');
    expect(nextStatus('rejected', 'retry')).toBe('queued');
    expect(nextStatus('rejected', 'fail')).toBe('failed');
  });

  it('requeues a running task after a transient error and rejects it after a permanent one', () => {
    expect(nextStatus('running', 'requeue')).toBe('queued');
    expect(nextStatus('running', 'abort')).toBe('rejected');
  });

  it.each(NON_TERMINAL)('cancels a task in the non-terminal state %s', (status) => {
    expect(nextStatus(status, 'cancel')).toBe('cancelled');
  });

  it.each(
    TERMINAL,
  )('lets no action but an upstream re-plan move a task out of the terminal state %s', (status) => {
    for (const action of ACTIONS) {
      const reopensDone = status === 'done' && action === 'reopen';
      expect(canTransition(status, action), action).toBe(reopensDone);
      if (!reopensDone) {
        expect(refusal(status, action).code, action).toBe('TASK_ILLEGAL_TRANSITION');
      }
    }
  });

  it('re-opens a done step whose content a later step was rejected for, and that step too', () => {
    expect(nextStatus('done', 'reopen')).toBe('pending');
    expect(nextStatus('rejected', 'reopen')).toBe('pending');
    expect(refusal('failed', 'reopen')).toBeInstanceOf(IllegalTransition);
  });

  it('refuses to approve a task that was never judged', () => {
    expect(refusal('running', 'approve')).toBeInstanceOf(IllegalTransition);
    expect(refusal('queued', 'complete')).toBeInstanceOf(IllegalTransition);
    expect(refusal('awaiting_review', 'escalate')).toBeInstanceOf(IllegalTransition);
  });

  it('names the state, the action and the task id in the refusal', () => {
    const error = refusal('done', 'retry', 'task-42');
    expect(error.message).toContain("'done'");
    expect(error.message).toContain("'retry'");
    expect(error.context).toEqual({ taskId: 'task-42', state: 'done' });
    expect(error.retryable).toBe(false);
  });
});
