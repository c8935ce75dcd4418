// Keeps a running task's lease alive while its skill works: it renews the lease at a fraction of
// its length, and when a renewal finds the task taken over (the lease ran out and another worker
// claimed it) it aborts the run, so the run's tool and model calls stop and its result is dropped.

import { ChimeraError } from '../domain/errors.js';
import type { Task } from '../domain/task.js';
import type { Store } from '../store/store.js';
import type { Clock } from './clock.js';

/** Renewals per lease length: a lease survives two missed renewals in a row. */
const RENEWALS_PER_LEASE = 3;

/** A held lease. */
export interface LeaseHold {
  /** Aborted, with a TASK_LEASE_LOST error as its reason, once the lease is lost. */
  readonly signal: AbortSignal;
  /** True once a renewal found the task no longer this worker's. */
  readonly lost: boolean;
  /** Stops renewing, after any renewal in flight; the lease itself stays until it expires. */
  release(): Promise<void>;
}

/** Starts renewing `task`'s lease for `workerId` every `leaseMs / 3`. */
export function keepLease(options: {
  store: Store;
  task: Task;
  workerId: string;
  /** The lease's length, in ms: each renewal extends it to now + leaseMs. */
  leaseMs: number;
  clock: Clock;
  /** Told when a renewal fails for another reason (the database is unreachable); it is retried. */
  onError?: (error: unknown) => void;
}): LeaseHold {
  const { store, task, workerId, leaseMs, clock } = options;
  const controller = new AbortController();
  let renewing: Promise<void> = Promise.resolve();
  let released = false;
  const renew = async () => {
    if (released || controller.signal.aborted) return;
    try {
      const held = await store.tasks.renewLease(task, {
        workerId,
        leaseExpiresAt: new Date(clock.now().getTime() + leaseMs),
      });
      if (!held) controller.abort(leaseLost(task));
    } catch (error) {
      options.onError?.(error);
    }
  };
  const stop = clock.every(Math.max(1, Math.floor(leaseMs / RENEWALS_PER_LEASE)), () => {
    renewing = renewing.then(renew);
    return renewing;
  });
  return {
    signal: controller.signal,
    get lost() {
      return controller.signal.aborted;
    },
    async release() {
      released = true;
      stop();
      await renewing;
    },
  };
}

function leaseLost(task: Task): ChimeraError {
  return new ChimeraError(
    'TASK_LEASE_LOST',
    `task ${task.id} attempt ${task.attempt} lost its lease: another worker took it over`,
    { context: { taskId: task.id } },
  );
}
