// The visibility timeout: a task whose worker died mid-run keeps a lease that runs out. The
// reaper re-queues such tasks with backoff, or gives them back to the Planner when their attempts
// are spent. It also re-dispatches queued tasks whose job may sit locked by a dead process, and
// runs the sweeps it is given (expired spend reservations).
// Rows are locked SKIP LOCKED, so many reapers in many processes never collide.

import { type BackoffOptions, backoffDelayMs, DEFAULT_BACKOFF } from '../domain/backoff.js';
import type { TraceEvent } from '../domain/trace-event.js';
import type { Store } from '../store/store.js';
import { dispatchTask, wakePlanner } from './dispatch.js';
import { taskEvent } from './trace.js';

const BATCH_SIZE = 100;

export class LeaseReaper {
  constructor(
    private readonly options: {
      store: Store;
      /** The visibility timeout, in ms: how stale a dispatch must be before it is repeated. */
      leaseMs: number;
      backoff?: BackoffOptions;
      now?: () => Date;
      /** More sweeps of things that expire (the CFO's reservations); each returns its count. */
      sweeps?: ReadonlyArray<() => Promise<number>>;
    },
  ) {}

  /** Re-queues expired leases and re-dispatches stale queued tasks; returns how many it touched. */
  async reap(): Promise<number> {
    return (
      (await this.expireLeases()) +
      (await this.redispatch()) +
      (await this.wakeStalled()) +
      (await this.redispatchEffects()) +
      (await this.runSweeps())
    );
  }

  private async runSweeps(): Promise<number> {
    let touched = 0;
    for (const sweep of this.options.sweeps ?? []) touched += await sweep();
    return touched;
  }

  /** Queues again external effects still unperformed after a lease: their job died with a process. */
  private async redispatchEffects(): Promise<number> {
    const { store } = this.options;
    const now = this.options.now?.() ?? new Date();
    const ids = await store.effects.listUnperformed(
      new Date(now.getTime() - this.options.leaseMs),
      BATCH_SIZE,
    );
    for (const effectId of ids) {
      await store.jobs.add({
        name: 'perform_effect',
        payload: { effectId },
        jobKey: `effect:${effectId}`,
      });
    }
    return ids.length;
  }

  /** Wakes the Planner for campaigns whose last wake-up was lost with a dead process. */
  private async wakeStalled(): Promise<number> {
    const { store } = this.options;
    const now = this.options.now?.() ?? new Date();
    const before = new Date(now.getTime() - this.options.leaseMs);
    const campaignIds = await store.tasks.campaignsAwaitingPlanner(before, BATCH_SIZE);
    for (const campaignId of campaignIds) await wakePlanner(store, campaignId);
    return campaignIds.length;
  }

  private async redispatch(): Promise<number> {
    let moved = 0;
    for (;;) {
      const count = await this.options.store.transaction(async (tx) => {
        const now = this.options.now?.() ?? new Date();
        const dueBefore = new Date(now.getTime() - this.options.leaseMs);
        const stale = await tx.tasks.claimStaleDispatches(dueBefore, now, BATCH_SIZE);
        for (const task of stale) await dispatchTask(tx, task);
        await tx.traces.write(stale.map((task) => taskEvent(task, 'task-enqueue', 'redispatched')));
        return stale.length;
      });
      moved += count;
      if (count < BATCH_SIZE) return moved;
    }
  }

  private async expireLeases(): Promise<number> {
    let moved = 0;
    for (;;) {
      const count = await this.options.store.transaction(async (tx) => {
        const now = this.options.now?.() ?? new Date();
        const expired = await tx.tasks.claimExpiredLeases(now, BATCH_SIZE);
        const events: TraceEvent[] = [];
        for (const task of expired) {
          const patch = { assigned_worker_id: null, lease_expires_at: null };
          if (task.attempt < task.max_attempts) {
            const delay = backoffDelayMs(task.attempt, this.options.backoff ?? DEFAULT_BACKOFF);
            const runAt = new Date(now.getTime() + delay);
            const next = await tx.tasks.transition(task, 'requeue', {
              ...patch,
              run_at: runAt,
              error_code: 'TASK_LEASE_EXPIRED',
            });
            await dispatchTask(tx, next, runAt);
            events.push(taskEvent(next, 'task-retry', 'lease-expired'));
          } else {
            const next = await tx.tasks.transition(task, 'abort', {
              ...patch,
              error_code: 'TASK_LEASE_EXPIRED',
              feedback: ['the worker running this task stopped before finishing'],
            });
            await wakePlanner(tx, task.campaign_id);
            events.push(taskEvent(next, 'task-end', 'lease-expired'));
          }
        }
        await tx.traces.write(events);
        return expired.length;
      });
      moved += count;
      if (count < BATCH_SIZE) return moved;
    }
  }
}
