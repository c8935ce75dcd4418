// The rate limiter for many processes: the same fixed window per key as MemoryRateLimiter, kept
// in Redis (REDIS_URL) so every worker process spends from one budget. One Lua script reads the
// clock, counts and starts the window atomically, so concurrent takes from any number of
// processes never overspend.

import { Redis } from 'ioredis';
import type { RateLimiter } from './rate-limiter.js';

/**
 * KEYS[1] the window's hash {started, used}; ARGV[1] max, ARGV[2] window in ms, ARGV[3] now in ms
 * ('' reads Redis' own clock). Returns {allowed, retry ms}. Like MemoryRateLimiter, a window
 * starts at the first take after the last one ended, and a refused take spends nothing. The key
 * expires `window` ms (Redis time) after its window starts; that only tidies up, since the window
 * end is decided by `now`.
 */
const TAKE_SCRIPT = `
local max = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
if not now then
  local time = redis.call('TIME')
  now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
end
local started = tonumber(redis.call('HGET', KEYS[1], 'started'))
if not started or now - started >= window then
  started = now
  redis.call('HSET', KEYS[1], 'started', string.format('%d', now), 'used', 0)
  redis.call('PEXPIRE', KEYS[1], window)
end
if tonumber(redis.call('HGET', KEYS[1], 'used')) >= max then
  return {0, started + window - now}
end
redis.call('HINCRBY', KEYS[1], 'used', 1)
return {1, 0}
`;

/** How a RedisRateLimiter tells the time. */
export interface RedisRateLimiterOptions {
  /**
   * The clock that starts and ends windows, in whole ms. Every client sharing a prefix must use
   * the same clock. Redis still drops a window's key `windowMs` of its own time after the window
   * starts, so an injected clock must not run slower than the real one by a whole window (tests
   * use long windows and move the clock by hand).
   * @defaultValue Redis' own clock (TIME): one clock for every process, whatever their skew
   */
  now?: () => number;
}

export class RedisRateLimiter implements RateLimiter {
  private readonly redis: Redis;

  /** `prefix` namespaces the keys, e.g. per deployment or per test. */
  constructor(
    url: string,
    private readonly prefix = 'chimera:rate:',
    private readonly options: RedisRateLimiterOptions = {},
  ) {
    this.redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  }

  async take(key: string, limit: { max: number; windowMs: number }) {
    const now = this.options.now ? String(Math.floor(this.options.now())) : '';
    const [allowed, retryAfterMs] = (await this.redis.eval(
      TAKE_SCRIPT,
      1,
      `${this.prefix}${key}`,
      limit.max,
      limit.windowMs,
      now,
    )) as [number, number];
    return { allowed: allowed === 1, retryAfterMs };
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
