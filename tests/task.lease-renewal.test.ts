// FR-WORK-004: a running task renews its lease while its skill works, so a skill that outlasts the
// lease runs once and is charged once; a worker that stops renewing (stalled or killed) loses the
// task only once its lease has really expired, and its run is then aborted: its later tool call
// is refused before it reaches the tool or the CFO, and its result is dropped. Time is a manual
// clock; same suite on both adapters.

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { money } from '../src/domain/money.js';
import { defineSkill } from '../src/skills/skill.js';
import type { Clock } from '../src/swarm/clock.js';
import { Judge } from '../src/swarm/judge.js';
import { LeaseReaper } from '../src/swarm/lease-reaper.js';
import { TaskWorker } from '../src/swarm/task-worker.js';
import { ManualClock } from './support/manual-clock.js';
import { campaignOf, singleStep, useTestApp } from './support/test-app.js';
import { ADAPTERS } from './support/test-databases.js';

const LEASE_MS = 1_000;
const STEP_MS = 100;

/** The clock the current test moves; the skill sleeps on it. */
let time = new ManualClock();
/** Called when the skill starts a run. */
let onStart = () => {};

/** Works 3 s in all: 1.5 s, then one priced tool call, then 1.5 s more. */
const slowPricedSkill = defineSkill({
  name: 'test.slow-priced',
  specId: 'SK-CORE-004',
  description: 'outlasts its lease and calls a priced tool once, half way',
  inputSchema: z.object({}),
  outputSchema: z.object({ items: z.number().int() }),
  timeoutMs: 600_000,
  async run(_input, context) {
    onStart();
    await time.after(1_500);
    const answer = await context.tools.callTool(
      'trends',
      'fetch_trends',
      { keywords: ['denim'] },
      { outputSchema: z.object({ items: z.array(z.unknown()) }) },
    );
    await time.after(1_500);
    return { output: { items: answer?.items.length ?? 0 }, confidence: 0.95 };
  },
});

/** One cent a trends call, so every call goes through cfo.approve. */
const PRICED_TRENDS = {
  'trends.fetch_trends': {
    requestType: 'api_call' as const,
    estimate: () => ({ amount: money(10_000n, 'USDC') }),
  },
};

describe.each(ADAPTERS)('lease renewal on %s', (kind) => {
  const suite = useTestApp(kind, {
    skills: [slowPricedSkill],
    toolPrices: PRICED_TRENDS,
    config: { leaseMs: LEASE_MS },
  });

  function worker(workerId: string, clock: Clock) {
    const { store, skills, services } = suite.app;
    return new TaskWorker({
      store,
      skills,
      services,
      judge: new Judge(),
      workerId,
      leaseMs: LEASE_MS,
      clock,
    });
  }

  async function launch() {
    const campaign = await suite.app.planner.launch(campaignOf(singleStep('test.slow-priced')));
    const [task] = await suite.app.store.tasks.listByCampaign(campaign.id);
    return task!;
  }

  /** Starts `run` and waits until its skill is running, so its manual time starts at zero. */
  async function startRun<T>(
    run: () => Promise<T>,
  ): Promise<{ settled: () => boolean; result: Promise<T> }> {
    const running = new Promise<void>((resolve) => {
      onStart = resolve;
    });
    let settled = false;
    const result = run().finally(() => {
      settled = true;
    });
    await Promise.race([running, result]);
    return { settled: () => settled, result };
  }

  async function toolCalls(taskId: string) {
    const trace = await suite.app.store.traces.listByTask(taskId);
    return trace
      .filter((event) => event.kind === 'tool-call')
      .map((event) => [event.attempt, event.outcome]);
  }

  async function spendRequests(taskId: string) {
    const { rows } = await suite.app.database.pool.query(
      'SELECT request_id, status FROM spend_requests WHERE task_id = $1 ORDER BY request_id',
      [taskId],
    );
    return rows as Array<{ request_id: string; status: string }>;
  }

  it('keeps the lease of a skill that runs 3 s under a 1 s lease: one tool call, one charge', async () => {
    time = new ManualClock(new Date());
    const reaper = new LeaseReaper({
      store: suite.app.store,
      leaseMs: LEASE_MS,
      now: () => time.now(),
    });
    const task = await launch();
    const running = await startRun(() => worker('worker-a', time).runTask(task.id));
    const rival = worker('worker-b', time);
    let elapsed = 0;
    for (; !running.settled() && elapsed < 60_000; elapsed += STEP_MS) {
      await time.advance(STEP_MS);
      await reaper.reap();
      // A second delivery of the job finds the task still running, held by worker-a.
      expect(await rival.runTask(task.id)).toBeUndefined();
    }
    expect(elapsed).toBeGreaterThanOrEqual(3_000);
    const done = await running.result;
    expect(done).toMatchObject({ status: 'done', attempt: 1, output: { items: 2 } });
    expect(await toolCalls(task.id)).toEqual([[1, 'ok']]);
    expect(await spendRequests(task.id)).toEqual([expect.objectContaining({ status: 'settled' })]);
  });

  it('hands a stalled worker’s task over only after its lease expires, and aborts the stalled run', async () => {
    time = new ManualClock(new Date());
    // worker-a's timers stand still, as in a process that stalled or died: it renews nothing.
    const stalled = new ManualClock();
    const reaper = new LeaseReaper({
      store: suite.app.store,
      leaseMs: LEASE_MS,
      now: () => time.now(),
      backoff: { baseMs: 0, maxMs: 0 },
    });
    const task = await launch();
    const abandoned = await startRun(() =>
      worker('worker-a', {
        now: () => time.now(),
        every: (ms, tick) => stalled.every(ms, tick),
      }).runTask(task.id),
    );
    const successor = worker('worker-b', time);

    let succeeded: Promise<unknown> | undefined;
    for (let elapsed = STEP_MS; !succeeded; elapsed += STEP_MS) {
      await time.advance(STEP_MS);
      await reaper.reap();
      const current = await suite.app.store.tasks.get(task.id);
      if (current?.status === 'running') {
        // Nobody takes the task while worker-a's lease holds.
        expect(current.assigned_worker_id).toBe('worker-a');
        expect(elapsed).toBeLessThanOrEqual(LEASE_MS);
        expect(await successor.runTask(task.id)).toBeUndefined();
      } else {
        expect(elapsed).toBeGreaterThan(LEASE_MS);
        succeeded = successor.runTask(task.id);
      }
    }
    // worker-a wakes up: its renewal finds the task gone, so its run is aborted and dropped.
    await stalled.advance(LEASE_MS);
    expect(await abandoned.result).toBeUndefined();
    // Its skill sleeps on; when it wakes, its tool call is refused before the tool or the CFO.
    for (
      let elapsed = 0;
      elapsed < 60_000 && (await suite.app.store.tasks.get(task.id))?.status !== 'done';
      elapsed += STEP_MS
    ) {
      await time.advance(STEP_MS);
    }
    expect(await succeeded).toMatchObject({
      status: 'done',
      attempt: 2,
      assigned_worker_id: 'worker-b',
    });
    const calls = await toolCalls(task.id);
    expect(calls).toContainEqual([1, 'TASK_LEASE_LOST']);
    expect(calls.filter(([, outcome]) => outcome === 'ok')).toEqual([[2, 'ok']]);
    expect(await spendRequests(task.id)).toEqual([expect.objectContaining({ status: 'settled' })]);
    const { rows: results } = await suite.app.database.pool.query(
      'SELECT attempt FROM task_results WHERE task_id = $1',
      [task.id],
    );
    expect(results).toEqual([{ attempt: 2 }]);
    const trace = await suite.app.store.traces.listByTask(task.id);
    expect(trace).toContainEqual(
      expect.objectContaining({ kind: 'task-end', outcome: 'lease-lost', attempt: 1 }),
    );
  });
});
