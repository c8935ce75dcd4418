// The rate limiter for many processes: the same fixed window per key as MemoryRateLimiter, kept
// in Redis (REDIS_URL) so every worker process spends from one budget. One Lua script counts and
// starts the window atomically, so concurrent takes from any number of processes never overspend.

import { Redis } from 'ioredis';
import type { RateLimiter } from './rate-limiter.js';

/**
 * KEYS[1] the window's counter; ARGV[1] max, ARGV[2] window in ms. Returns {allowed, retry ms}.
 * The first take of a window sets its expiry; a refused take does not extend it.
 */
const TAKE_SCRIPT = `
local used = redis.call('INCR', KEYS[1])
if used == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
if used > tonumber(ARGV[1]) then
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl < 0 then
    redis.call('PEXPIRE', KEYS[1], ARGV[2])
    ttl = tonumber(ARGV[2])
  end
  return {0, ttl}
end
return {1, 0}
`;

export class RedisRateLimiter implements RateLimiter {
  private readonly redis: Redis;

  /** `prefix` namespaces the keys, e.g. per deployment or per test. */
  constructor(
    url: string,
    private readonly prefix = 'chimera:rate:',
  ) {
    this.redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  }

  async take(key: string, limit: { max: number; windowMs: number }) {
    const [allowed, retryAfterMs] = (await this.redis.eval(
      TAKE_SCRIPT,
      1,
      `${this.prefix}${key}`,
      limit.max,
      limit.windowMs,
    )) as [number, number];
    return { allowed: allowed === 1, retryAfterMs };
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
