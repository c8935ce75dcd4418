// FR-WORK-001, FR-WORK-002, FR-WORK-003: a skill run reports every failure as a typed outcome
// that says whether a retry may help, without touching storage.

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Task } from '../domain/task.js';
import { defineSkill } from '../skills/skill.js';
import { unavailableServices } from '../skills/unavailable-services.js';
import { runSkill } from './skill-runner.js';

const services = unavailableServices();

const task: Task = {
  id: '00000000-0000-4000-8000-000000000001',
  campaign_id: '00000000-0000-4000-8000-000000000002',
  campaign_run_id: '00000000-0000-4000-8000-000000000003',
  agent_id: 'ava',
  step_key: 'only',
  type: 'test.slow',
  spec_id: 'SK-CORE-004',
  priority: 'medium',
  deadline: null,
  depends_on: [],
  has_dependents: false,
  input: {},
  output: null,
  feedback: [],
  status: 'running',
  attempt: 1,
  max_attempts: 3,
  idempotency_key: 'c:ava:only',
  state_version: 2,
  assigned_worker_id: 'w',
  lease_expires_at: null,
  run_at: null,
  dispatched_at: null,
  error_code: null,
  created_at: new Date(),
  updated_at: new Date(),
};

const slowSkill = defineSkill({
  name: 'test.slow',
  specId: 'SK-CORE-004',
  description: 'never finishes in time',
  timeoutMs: 20,
  inputSchema: z.object({}),
  outputSchema: z.object({ ok: z.boolean() }),
  // Settles never, and sets no timer: only the runner's time limit or its signal can end the run,
  // so the outcome does not hang on how long anything takes.
  run: () => new Promise<never>(() => {}),
});

describe('runSkill', () => {
  it('reports a timeout as a retryable SKILL_TIMEOUT', async () => {
    const outcome = await runSkill(slowSkill, task, { now: new Date(), services });
    expect(outcome.kind).toBe('error');
    if (outcome.kind !== 'error') return;
    expect(outcome.error.code).toBe('SKILL_TIMEOUT');
    expect(outcome.error.retryable).toBe(true);
    expect(outcome.error.message).toBe('test.slow did not finish within 20 ms');
  });

  it('reports a worker shutdown as a retryable SKILL_TRANSIENT', async () => {
    const controller = new AbortController();
    const running = runSkill({ ...slowSkill, timeoutMs: 5_000 }, task, {
      now: new Date(),
      services,
      signal: controller.signal,
    });
    controller.abort();
    const outcome = await running;
    expect(outcome.kind === 'error' && outcome.error.code).toBe('SKILL_TRANSIENT');
  });

  it('refuses an unknown skill and a passed deadline as permanent errors', async () => {
    const unknown = await runSkill(undefined, task, { now: new Date(), services });
    expect(unknown.kind === 'error' && [unknown.error.code, unknown.error.retryable]).toEqual([
      'SKILL_UNKNOWN',
      false,
    ]);
    const late = await runSkill(
      slowSkill,
      { ...task, deadline: new Date(0) },
      { now: new Date(), services },
    );
    expect(late.kind === 'error' && late.error.code).toBe('TASK_DEADLINE_EXCEEDED');
  });
});
