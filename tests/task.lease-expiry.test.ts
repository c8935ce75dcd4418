// FR-WORK-004, TR-QUEUE-002: a task whose worker died mid-run is re-queued once its lease
// expires and then completes; its late result would be discarded by the version check; a queued
// task whose job was lost with its process is dispatched again. Same suite on both adapters.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChimeraApp } from '../src/app/chimera-app.js';
import { addAgent, campaignOf, openTestApp, singleStep } from './support/test-app.js';
import { ADAPTERS, createTestDatabase, type TestDatabase } from './support/test-databases.js';

const LEASE_MS = 400;

describe.each(ADAPTERS)('lease expiry on %s', (kind) => {
  let database: TestDatabase;
  let app: ChimeraApp;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    app = await openTestApp(database, { config: { leaseMs: LEASE_MS } });
    await addAgent(app);
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  it('re-queues a task whose worker vanished and completes it on the next attempt', async () => {
    const campaign = await app.planner.launch(
      campaignOf(singleStep('core.announce', { text: 'after a crash' })),
    );
    const [queued] = await app.store.tasks.listByCampaign(campaign.id);
    // A worker that claims the task and then dies: the claim commits, nothing else ever does.
    const orphan = await app.store.tasks.transition(queued!, 'claim', {
      attempt: 1,
      assigned_worker_id: 'dead-worker',
      lease_expires_at: new Date(Date.now() + LEASE_MS),
    });

    await app.runtime.runUntilQuiescent();

    const [task] = await app.store.tasks.listByCampaign(campaign.id);
    expect(task?.status).toBe('done');
    expect(task?.attempt).toBe(2);
    expect(task?.assigned_worker_id).not.toBe('dead-worker');
    const trace = await app.store.traces.listByTask(task!.id);
    expect(trace.some((event) => event.outcome === 'lease-expired')).toBe(true);
    expect(await app.store.effects.listByTask(task!.id)).toHaveLength(1);
    // The dead worker's late write is refused: its state_version is long gone.
    await expect(app.store.tasks.transition(orphan, 'submit')).rejects.toMatchObject({
      code: 'STORE_VERSION_CONFLICT',
    });
  });

  it('dispatches a queued task again when its job is lost', async () => {
    const campaign = await app.planner.launch(campaignOf(singleStep('core.noop')));
    const [queued] = await app.store.tasks.listByCampaign(campaign.id);
    // Simulate a job locked by a process that died: remove the waiting job outright.
    await app.database.pool.query(`SELECT graphile_worker.remove_job('task:' || $1::text)`, [
      queued!.id,
    ]);
    await app.runtime.runUntilQuiescent();
    const [task] = await app.store.tasks.listByCampaign(campaign.id);
    expect(task?.status).toBe('done');
    const trace = await app.store.traces.listByTask(task!.id);
    expect(trace.some((event) => event.outcome === 'redispatched')).toBe(true);
  });
});
