// FR-PLAN-001 (expand a template per agent), FR-PLAN-002 (queue when dependencies are approved),
// FR-PLAN-003 (retry or fail a rejected task, cancel its dependents), FR-PLAN-005 (re-open the
// upstream producer of rejected content) and FR-PLAN-004 (campaign
// status from task states), plus the quiescence rule behind `chimera run --once` (FR-CLI-002).

import { describe, expect, it } from 'vitest';
import { CampaignTemplate } from './campaign-template.js';
import {
  canRetry,
  expandTemplate,
  isQuiescent,
  type PlanTaskView,
  planNextSteps,
  settledCampaignStatus,
} from './plan.js';
import type { TaskStatus } from './task-status.js';

const NOW = new Date('2025-03-01T12:00:00.000Z');

const TEMPLATE = CampaignTemplate.parse({
  steps: [
    { key: 'outline', skill: 'core.outline', input: { goal: { $from: 'campaign.goal' } } },
    {
      key: 'compose',
      skill: 'core.compose',
      spec_id: 'SK-CORE-002',
      depends_on: ['outline'],
      priority: 'high',
      max_attempts: 5,
      deadline_ms: 90_000,
      input: { points: { $from: 'outline.points' } },
    },
    { key: 'announce', skill: 'core.announce', depends_on: ['outline', 'compose'] },
  ],
});

function expand(agentIds: string[], seq = 1) {
  let counter = 0;
  return expandTemplate({
    campaignId: 'camp-1',
    run: { id: `run-${seq}`, seq },
    agentIds,
    template: TEMPLATE,
    specIdOf: (skill) => `default-spec-of:${skill}`,
    newId: () => `id-${++counter}`,
    now: NOW,
  });
}

function task(
  id: string,
  status: TaskStatus,
  overrides: Partial<Omit<PlanTaskView, 'id' | 'status'>> = {},
): PlanTaskView {
  return {
    id,
    status,
    depends_on: [],
    attempt: 1,
    max_attempts: 3,
    error_code: null,
    ...overrides,
  };
}

describe('expandTemplate (FR-PLAN-001)', () => {
  it('creates one task per step for every agent, in agent then step order', () => {
    const drafts = expand(['ava', 'bo']);
    expect(drafts.map((draft) => `${draft.agent_id}/${draft.step_key}`)).toEqual([
      'ava/outline',
      'ava/compose',
      'ava/announce',
      'bo/outline',
      'bo/compose',
      'bo/announce',
    ]);
    expect(new Set(drafts.map((draft) => draft.id)).size).toBe(6);
  });

  it("maps depends_on keys to the ids of the same agent's tasks", () => {
    const drafts = expand(['ava', 'bo']);
    const idOf = (agent: string, key: string) =>
      drafts.find((draft) => draft.agent_id === agent && draft.step_key === key)?.id;
    for (const agent of ['ava', 'bo']) {
      const byKey = (key: string) =>
        drafts.find((draft) => draft.agent_id === agent && draft.step_key === key);
      expect(byKey('outline')?.depends_on).toEqual([]);
      expect(byKey('compose')?.depends_on).toEqual([idOf(agent, 'outline')]);
      expect(byKey('announce')?.depends_on).toEqual([
        idOf(agent, 'outline'),
        idOf(agent, 'compose'),
      ]);
    }
    expect(idOf('ava', 'outline')).not.toBe(idOf('bo', 'outline'));
  });

  it('gives every task the idempotency key campaignId:agentId:step', () => {
    expect(expand(['ava', 'bo']).map((draft) => draft.idempotency_key)).toEqual([
      'camp-1:ava:outline',
      'camp-1:ava:compose',
      'camp-1:ava:announce',
      'camp-1:bo:outline',
      'camp-1:bo:compose',
      'camp-1:bo:announce',
    ]);
  });

  it('puts the run in the keys of every run after the first, and the tasks in their run', () => {
    const third = expand(['ava'], 3);
    expect(third.map((draft) => draft.idempotency_key)).toEqual([
      'camp-1#3:ava:outline',
      'camp-1#3:ava:compose',
      'camp-1#3:ava:announce',
    ]);
    expect(new Set(third.map((draft) => draft.campaign_run_id))).toEqual(new Set(['run-3']));
  });

  it('gives the same idempotency keys when the campaign is expanded twice', () => {
    const keys = (drafts: ReturnType<typeof expand>) => drafts.map((d) => d.idempotency_key);
    expect(keys(expand(['ava']))).toEqual(keys(expand(['ava'])));
  });

  it('sets the deadline to now + deadline_ms, and none when the step has no deadline_ms', () => {
    const [outline, compose] = expand(['ava']);
    expect(outline?.deadline).toBeNull();
    expect(compose?.deadline).toEqual(new Date('2025-03-01T12:01:30.000Z'));
  });

  it("copies type, input, priority and max_attempts, and falls back to the skill's spec id", () => {
    const [outline, compose] = expand(['ava']);
    expect(outline).toMatchObject({
      type: 'core.outline',
      spec_id: 'default-spec-of:core.outline',
      priority: 'medium',
      max_attempts: 3,
      input: { goal: { $from: 'campaign.goal' } },
    });
    expect(compose).toMatchObject({
      type: 'core.compose',
      spec_id: 'SK-CORE-002',
      priority: 'high',
      max_attempts: 5,
      input: { points: { $from: 'outline.points' } },
    });
  });

  it('creates no tasks for a campaign without agents', () => {
    expect(expand([])).toEqual([]);
  });
});

describe('planNextSteps: queueing (FR-PLAN-002)', () => {
  it('enqueues a pending task without dependencies', () => {
    expect(planNextSteps([task('a', 'pending')])).toEqual([{ action: 'enqueue', taskId: 'a' }]);
  });

  it.each(['approved', 'done'] as const)('enqueues a pending task whose dependency is %s', (s) => {
    const tasks = [task('a', s), task('b', 'pending', { depends_on: ['a'] })];
    expect(planNextSteps(tasks)).toEqual([{ action: 'enqueue', taskId: 'b' }]);
  });

  it('enqueues only when every dependency is approved or done', () => {
    const tasks = [
      task('a', 'done'),
      task('b', 'approved'),
      task('c', 'running'),
      task('d', 'pending', { depends_on: ['a', 'b'] }),
      task('e', 'pending', { depends_on: ['a', 'c'] }),
    ];
    expect(planNextSteps(tasks)).toEqual([{ action: 'enqueue', taskId: 'd' }]);
  });

  it('waits for a done dependency whose external effect (a post) has not happened yet', () => {
    const waiting = [
      task('a', 'done', { effect_pending: true }),
      task('b', 'pending', { depends_on: ['a'] }),
    ];
    expect(planNextSteps(waiting)).toEqual([]);
    const posted = [
      task('a', 'done', { effect_pending: false }),
      task('b', 'pending', { depends_on: ['a'] }),
    ];
    expect(planNextSteps(posted)).toEqual([{ action: 'enqueue', taskId: 'b' }]);
  });

  it.each([
    'pending',
    'queued',
    'running',
    'judging',
    'awaiting_review',
  ] as const)('leaves a pending task alone while its dependency is %s', (status) => {
    const tasks = [
      task('a', status, { depends_on: ['z'] }),
      task('z', 'running'),
      task('b', 'pending', { depends_on: ['a'] }),
    ];
    expect(planNextSteps(tasks).filter((step) => step.taskId === 'b')).toEqual([]);
  });

  it('leaves a pending task alone while its dependency is rejected but may still be retried', () => {
    const tasks = [task('a', 'rejected'), task('b', 'pending', { depends_on: ['a'] })];
    expect(planNextSteps(tasks)).toEqual([{ action: 'retry', taskId: 'a' }]);
  });

  it.each([
    'queued',
    'running',
    'judging',
    'awaiting_review',
    'approved',
    'done',
    'failed',
    'cancelled',
  ] as const)('plans nothing for a task that is %s', (status) => {
    expect(planNextSteps([task('a', status)])).toEqual([]);
  });
});

describe('planNextSteps: re-open the upstream producer (FR-PLAN-005)', () => {
  it('re-opens the producer of a rejected task’s content while both have attempts left', () => {
    const brief = task('brief', 'done', { attempt: 1 });
    const asset = task('asset', 'rejected', {
      attempt: 1,
      depends_on: ['brief'],
      content_producer: 'brief',
    });
    expect(planNextSteps([brief, asset])).toEqual([
      { action: 'reopen', taskId: 'brief', rejectedId: 'asset' },
    ]);
  });

  it('retries or fails the task itself once the producer has no attempts left', () => {
    const brief = task('brief', 'done', { attempt: 3, max_attempts: 3 });
    const asset = task('asset', 'rejected', {
      attempt: 1,
      depends_on: ['brief'],
      content_producer: 'brief',
    });
    expect(planNextSteps([brief, asset])).toEqual([{ action: 'retry', taskId: 'asset' }]);
  });
});

describe('planNextSteps: retry or fail (FR-PLAN-003)', () => {
  it('retries a rejected task that has attempts left and a retryable error', () => {
    const rejected = task('a', 'rejected', { attempt: 2, error_code: 'SKILL_TRANSIENT' });
    expect(canRetry(rejected)).toBe(true);
    expect(planNextSteps([rejected])).toEqual([{ action: 'retry', taskId: 'a' }]);
  });

  it('retries a task the Judge rejected (no error code)', () => {
    expect(planNextSteps([task('a', 'rejected', { attempt: 1, error_code: null })])).toEqual([
      { action: 'retry', taskId: 'a' },
    ]);
  });

  it('fails a rejected task whose attempts are used up', () => {
    const rejected = task('a', 'rejected', { attempt: 3, max_attempts: 3 });
    expect(canRetry(rejected)).toBe(false);
    expect(planNextSteps([rejected])).toEqual([{ action: 'fail', taskId: 'a' }]);
  });

  it.each([
    'SKILL_INPUT_INVALID',
    'SKILL_OUTPUT_INVALID',
    'SKILL_PERMANENT',
    'SKILL_UNKNOWN',
    'TASK_DEADLINE_EXCEEDED',
    'MCP_UNKNOWN_SERVER',
    'MCP_TOOL_DENIED',
    'MCP_TOOL_FAILED',
    'MCP_OUTPUT_INVALID',
  ])('fails a rejected task with the permanent error %s at its first attempt', (code) => {
    const rejected = task('a', 'rejected', { attempt: 1, max_attempts: 3, error_code: code });
    expect(canRetry(rejected)).toBe(false);
    expect(planNextSteps([rejected])).toEqual([{ action: 'fail', taskId: 'a' }]);
  });

  it.each([
    'SKILL_TRANSIENT',
    'SKILL_TIMEOUT',
    'TASK_LEASE_EXPIRED',
    'MODEL_OUTPUT_INVALID',
  ])('retries a rejected task with the error %s, which a new attempt may fix', (code) => {
    expect(canRetry(task('a', 'rejected', { attempt: 1, error_code: code }))).toBe(true);
  });
});

describe('planNextSteps: cancelling dependents (FR-PLAN-003)', () => {
  it.each([
    'failed',
    'cancelled',
  ] as const)('cancels a pending task whose dependency is %s', (s) => {
    const steps = planNextSteps([task('a', s), task('b', 'pending', { depends_on: ['a'] })]);
    expect(steps).toEqual([
      { action: 'cancel', taskId: 'b', reason: 'dependency a can no longer succeed' },
    ]);
  });

  it('cancels a pending task even when its other dependencies are approved', () => {
    const tasks = [
      task('a', 'approved'),
      task('f', 'failed'),
      task('b', 'pending', { depends_on: ['a', 'f'] }),
    ];
    expect(planNextSteps(tasks)).toEqual([
      { action: 'cancel', taskId: 'b', reason: 'dependency f can no longer succeed' },
    ]);
  });

  it('fails a rejected task and cancels its pending dependent in the same pass', () => {
    const tasks = [
      task('a', 'rejected', { attempt: 3, max_attempts: 3 }),
      task('b', 'pending', { depends_on: ['a'] }),
    ];
    const steps = planNextSteps(tasks);
    expect(steps).toContainEqual({ action: 'fail', taskId: 'a' });
    expect(steps.map((step) => `${step.action}:${step.taskId}`)).toEqual(['fail:a', 'cancel:b']);
  });

  it('cancels the whole chain of dependents pass by pass', () => {
    let tasks = [
      task('a', 'failed'),
      task('b', 'pending', { depends_on: ['a'] }),
      task('c', 'pending', { depends_on: ['b'] }),
    ];
    const apply = () => {
      const cancelled = new Set(planNextSteps(tasks).map((step) => step.taskId));
      tasks = tasks.map((t) => (cancelled.has(t.id) ? { ...t, status: 'cancelled' } : t));
      return [...cancelled];
    };
    expect(apply()).toEqual(['b']);
    expect(apply()).toEqual(['c']);
    expect(apply()).toEqual([]);
  });
});

describe('settledCampaignStatus (FR-PLAN-004)', () => {
  const of = (...statuses: TaskStatus[]) => statuses.map((status) => ({ status }));

  it('completes a campaign whose tasks are all done', () => {
    expect(settledCampaignStatus(of('done', 'done'))).toBe('completed');
  });

  it('fails a campaign whose tasks are all terminal and one failed', () => {
    expect(settledCampaignStatus(of('done', 'failed', 'cancelled'))).toBe('failed');
  });

  it.each([
    'pending',
    'queued',
    'running',
    'judging',
    'awaiting_review',
    'approved',
    'rejected',
  ] as const)('leaves a campaign active while one task is %s', (status) => {
    expect(settledCampaignStatus(of('done', 'failed', status))).toBeUndefined();
  });

  it('leaves a campaign without tasks active', () => {
    expect(settledCampaignStatus([])).toBeUndefined();
  });
});

describe('isQuiescent (FR-CLI-002)', () => {
  it('is quiescent when every task is terminal', () => {
    expect(isQuiescent([task('a', 'done'), task('b', 'failed'), task('c', 'cancelled')])).toBe(
      true,
    );
  });

  it('is quiescent when there are no tasks', () => {
    expect(isQuiescent([])).toBe(true);
  });

  it('is quiescent when the only unfinished task awaits review', () => {
    expect(isQuiescent([task('a', 'done'), task('b', 'awaiting_review')])).toBe(true);
  });

  it('is quiescent when pending tasks wait, directly or transitively, on a review', () => {
    const tasks = [
      task('a', 'awaiting_review'),
      task('b', 'pending', { depends_on: ['a'] }),
      task('c', 'pending', { depends_on: ['b'] }),
    ];
    expect(isQuiescent(tasks)).toBe(true);
  });

  it.each([
    'queued',
    'running',
    'judging',
    'approved',
    'rejected',
  ] as const)('is not quiescent while a task is %s', (status) => {
    expect(isQuiescent([task('a', 'awaiting_review'), task('b', status)])).toBe(false);
  });

  it('is not quiescent while a pending task is ready to be queued', () => {
    expect(isQuiescent([task('a', 'done'), task('b', 'pending', { depends_on: ['a'] })])).toBe(
      false,
    );
    expect(isQuiescent([task('a', 'pending')])).toBe(false);
  });

  it('is not quiescent while a pending task waits on a running task, not a review', () => {
    const tasks = [
      task('a', 'awaiting_review'),
      task('r', 'running'),
      task('b', 'pending', { depends_on: ['r'] }),
    ];
    expect(isQuiescent(tasks)).toBe(false);
  });
});
