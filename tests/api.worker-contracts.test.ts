// FR-API-002: the seed's worker contracts. A worker outside the process claims a queued task with
// POST /assign_task and reports with POST /report_result; the report takes the same Judge and
// review paths as an in-process run: 0.95 is approved, 0.80 goes to a person (hitl_required),
// 0.50 is rejected, and a stale report (the task is no longer the worker's) is refused.
// POST /evaluate_task answers what the Judge would rule, and changes nothing.

import { describe, expect, it } from 'vitest';
import { buildHttpServer } from '../src/api/http-server.js';
import { localOperator } from './support/api-fixture.js';
import { campaignOf, singleStep, useTestApp } from './support/test-app.js';
import { ADAPTERS } from './support/test-databases.js';

describe.each(ADAPTERS)('the seed worker contracts on %s', (kind) => {
  const suite = useTestApp(kind);
  const operator = localOperator('default');

  async function setUp() {
    const services = suite.app.operator;
    const worker = await services.tokens.create(operator, { role: 'operator', name: 'worker' });
    const other = await services.tokens.create(operator, { role: 'operator', name: 'other' });
    const http = await buildHttpServer(suite.app);
    const post = (token: string, url: string, payload: object) =>
      http.inject({ method: 'POST', url, payload, headers: { authorization: `Bearer ${token}` } });
    return { services, worker: worker.secret, other: other.secret, post };
  }

  async function queuedTask() {
    const { campaign } = await suite.app.operator.campaigns.create(
      operator,
      campaignOf(singleStep('core.noop', {}, { max_attempts: 1 })),
    );
    const [task] = await suite.app.operator.tasks.list(operator, {
      campaignId: campaign.id,
      limit: 1,
    });
    expect(task?.status).toBe('queued');
    return task!;
  }

  it.each([
    [0.95, 'done', false],
    [0.8, 'awaiting_review', true],
    [0.5, 'rejected', false],
  ] as const)('routes a report at confidence %s to %s', async (confidence, status, hitl) => {
    const { post, worker } = await setUp();
    const task = await queuedTask();
    const assigned = await post(worker, '/assign_task', {
      task_id: task.id,
      spec: task.spec_id,
      priority: 'medium',
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({
      status: 'assigned',
      task: { id: task.id, type: 'core.noop', spec_id: task.spec_id, attempt: 1 },
    });
    expect(assigned.json().assigned_worker_id).toMatch(/^external:/);

    const reported = await post(worker, '/report_result', {
      task_id: task.id,
      result: { ok: true },
      confidence,
    });
    expect(reported.statusCode, reported.body).toBe(200);
    expect(reported.json()).toEqual({ status, hitl_required: hitl });
    const result = await suite.app.store.results.latest(task.id);
    expect(result?.confidence).toBe(confidence);
  });

  it('refuses a stale report, and a report from a worker that never claimed the task', async () => {
    const { post, worker, other } = await setUp();
    const task = await queuedTask();
    expect((await post(worker, '/assign_task', { task_id: task.id })).statusCode).toBe(200);
    const intruder = await post(other, '/report_result', {
      task_id: task.id,
      result: { ok: true },
      confidence: 0.99,
    });
    expect(intruder.statusCode).toBe(409);
    const first = await post(worker, '/report_result', {
      task_id: task.id,
      result: { ok: true },
      confidence: 0.95,
    });
    expect(first.json().status).toBe('done');
    const again = await post(worker, '/report_result', {
      task_id: task.id,
      result: { ok: true },
      confidence: 0.95,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'STORE_VERSION_CONFLICT', field: 'id' });
    // One result, one approval: the stale reports wrote nothing.
    const trace = await suite.app.store.traces.listByTask(task.id);
    expect(trace.filter((event) => event.kind === 'task-judge')).toHaveLength(1);
  });

  it('refuses to assign a task that is not queued, or whose spec differs', async () => {
    const { post, worker } = await setUp();
    const task = await queuedTask();
    const wrongSpec = await post(worker, '/assign_task', { task_id: task.id, spec: 'SK-OTHER' });
    expect(wrongSpec.statusCode).toBe(422);
    expect(wrongSpec.json().field).toBe('spec');
    expect((await post(worker, '/assign_task', { task_id: task.id })).statusCode).toBe(200);
    const twice = await post(worker, '/assign_task', { task_id: task.id });
    expect(twice.statusCode).toBe(409);
  });

  it('evaluates without changing anything', async () => {
    const { post, worker } = await setUp();
    const task = await queuedTask();
    const at = async (confidence: number) =>
      (await post(worker, '/evaluate_task', { task_id: task.id, confidence })).json();
    expect(await at(0.95)).toMatchObject({ approved: true, escalation: false });
    expect(await at(0.8)).toMatchObject({ approved: false, escalation: true });
    expect(await at(0.5)).toMatchObject({ approved: false, escalation: false });
    const [after] = await suite.app.operator.tasks.list(operator, {
      campaignId: task.campaign_id,
      limit: 1,
    });
    expect(after?.state_version).toBe(task.state_version);
  });
});
