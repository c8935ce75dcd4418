// A clock a test moves by hand: time stands still until `advance`, which fires due timers in
// order and waits for what each tick returns, so no test sleeps on the wall clock.

import type { Clock } from '../../src/swarm/clock.js';

interface Timer {
  dueAt: number;
  intervalMs: number | undefined;
  fire: () => unknown;
}

export class ManualClock implements Clock {
  private time: number;
  private readonly timers = new Set<Timer>();

  constructor(start = new Date('2026-11-29T12:00:00Z')) {
    this.time = start.getTime();
  }

  now(): Date {
    return new Date(this.time);
  }

  every(intervalMs: number, tick: () => unknown): () => void {
    const timer: Timer = { dueAt: this.time + intervalMs, intervalMs, fire: tick };
    this.timers.add(timer);
    return () => this.timers.delete(timer);
  }

  /** Resolves once the clock has been advanced `ms` past now. */
  after(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer: Timer = {
        dueAt: this.time + ms,
        intervalMs: undefined,
        fire: () => resolve(),
      };
      this.timers.add(timer);
    });
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way, earliest first. */
  async advance(ms: number): Promise<void> {
    const until = this.time + ms;
    for (;;) {
      const due = [...this.timers]
        .filter((timer) => timer.dueAt <= until)
        .sort((a, b) => a.dueAt - b.dueAt)[0];
      if (!due) break;
      this.time = due.dueAt;
      if (due.intervalMs === undefined) this.timers.delete(due);
      else due.dueAt += due.intervalMs;
      await due.fire();
      // Let whatever the tick woke up (a sleeping skill) run before the next one fires.
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.time = until;
  }
}
