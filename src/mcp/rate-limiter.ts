// Rate limits per agent and tool: a fixed window per key. The in-memory limiter serves one
// process; RedisRateLimiter (redis-rate-limiter.ts, same interface) serves many.

/** A rate limiter. `take` spends one unit of `key`'s budget if any is left. */
export interface RateLimiter {
  take(
    key: string,
    limit: { max: number; windowMs: number },
  ): Promise<{ allowed: boolean; retryAfterMs: number }>;
  /** Releases connections, if any. */
  close?(): Promise<void>;
}

/** One process's limiter. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { startedAt: number; used: number }>();

  /** `now` is the clock that starts and ends windows, in ms (default `Date.now`). */
  constructor(private readonly now: () => number = Date.now) {}

  async take(key: string, limit: { max: number; windowMs: number }) {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= limit.windowMs) {
      window = { startedAt: now, used: 0 };
      this.windows.set(key, window);
    }
    if (window.used >= limit.max) {
      return { allowed: false, retryAfterMs: window.startedAt + limit.windowMs - now };
    }
    window.used += 1;
    return { allowed: true, retryAfterMs: 0 };
  }
}
