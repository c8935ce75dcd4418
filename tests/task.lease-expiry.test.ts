// FR-WORK-004, TR-QUEUE-002: a task whose worker died mid-run is re-queued once its lease
// expires and then completes; its late result would be discarded by the version check; a queued
// task whose job was lost with its process is dispatched again. Same suite on both adapters.

import { describe, expect, it } from 'vitest';
import { campaignOf, singleStep, useTestApp } from './support/test-app.js';
import { ADAPTERS } from './support/test-databases.js';

const LEASE_MS = 1_000;

describe.each(ADAPTERS)('lease expiry on %s', (kind) => {
  const suite = useTestApp(kind, { config: { leaseMs: LEASE_MS } });

  it('re-queues a task whose worker vanished and completes it on the next attempt', async () => {
    const campaign = await suite.app.planner.launch(
      campaignOf(singleStep('core.announce', { text: 'back after a restart' })),
    );
    const [queued] = await suite.app.store.tasks.listByCampaign(campaign.id);
    // A worker that claims the task and then dies: the claim commits, nothing else ever does.
    const orphan = await suite.app.store.tasks.transition(queued!, 'claim', {
      attempt: 1,
      assigned_worker_id: 'dead-worker',
      lease_expires_at: new Date(Date.now() + LEASE_MS),
    });

    await suite.app.runtime.runUntilQuiescent();

    const [task] = await suite.app.store.tasks.listByCampaign(campaign.id);
    expect(task?.status).toBe('done');
    expect(task?.attempt).toBe(2);
    expect(task?.assigned_worker_id).not.toBe('dead-worker');
    const trace = await suite.app.store.traces.listByTask(task!.id);
    expect(trace.some((event) => event.outcome === 'lease-expired')).toBe(true);
    expect(await suite.app.store.effects.listByTask(task!.id)).toHaveLength(1);
    // The dead worker's late write is refused: its state_version is long gone.
    await expect(suite.app.store.tasks.transition(orphan, 'submit')).rejects.toMatchObject({
      code: 'STORE_VERSION_CONFLICT',
    });
  });

  it('dispatches a queued task again when its job is lost', async () => {
    const campaign = await suite.app.planner.launch(campaignOf(singleStep('core.noop')));
    const [queued] = await suite.app.store.tasks.listByCampaign(campaign.id);
    // Simulate a job locked by a process that died: remove the waiting job outright.
    await suite.app.database.pool.query(`SELECT graphile_worker.remove_job('task:' || $1::text)`, [
      queued!.id,
    ]);
    await suite.app.runtime.runUntilQuiescent();
    const [task] = await suite.app.store.tasks.listByCampaign(campaign.id);
    expect(task?.status).toBe('done');
    const trace = await suite.app.store.traces.listByTask(task!.id);
    expect(trace.some((event) => event.outcome === 'redispatched')).toBe(true);
  });
});
