// Trace retention: delete trace events and live-feed events older than the retention period, and
// audit that it did.

import type { Store } from '../store/store.js';

const DAY_MS = 86_400_000;

/** Deletes trace and live-feed events older than `days`; returns how many of each. */
export async function pruneTraces(
  store: Store,
  days: number,
  actor: string,
): Promise<{ traceEvents: number; liveEvents: number }> {
  const before = new Date(Date.now() - days * DAY_MS);
  const deleted = await store.traces.prune(before);
  await store.audit.write({
    actor,
    action: 'trace.prune',
    subject_type: 'trace_events',
    subject_id: '*',
    detail: { before: before.toISOString(), deleted },
  });
  return deleted;
}

/** Runs `pruneTraces` now and then once a day; returns a function that stops it. */
export function schedulePruning(
  prune: (days: number) => Promise<unknown>,
  days: number,
  onError: (error: unknown) => void,
) {
  const run = () => prune(days).catch(onError);
  void run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
