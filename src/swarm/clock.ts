// Time as the swarm reads it: the current instant and a repeating timer. Injected, so a test moves
// time by hand (tests/support/manual-clock.ts) instead of sleeping; production uses the system's.

/** A source of time and repeating timers. */
export interface Clock {
  /** The current instant. */
  now(): Date;
  /**
   * Calls `tick` every `intervalMs` milliseconds until the returned function is called. A tick
   * may return a promise; the system clock does not wait for it, a manual clock does.
   */
  every(intervalMs: number, tick: () => unknown): () => void;
}

/** The wall clock and Node's timers; the timers never keep the process alive on their own. */
export const SYSTEM_CLOCK: Clock = {
  now: () => new Date(),
  every(intervalMs, tick) {
    const timer = setInterval(tick, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  },
};
