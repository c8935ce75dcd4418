// FR-MCP-002: the same rate-limit contract holds for the in-memory limiter and the Redis one
// (real Redis at REDIS_URL or 127.0.0.1:6379), on a clock the test moves by hand; Redis also
// shares one budget across processes, and an app opened with REDIS_URL limits its tool calls there.

import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryRateLimiter, type RateLimiter } from '../src/mcp/rate-limiter.js';
import { RedisRateLimiter } from '../src/mcp/redis-rate-limiter.js';
import { openTestApp } from './support/test-app.js';
import { createTestDatabase } from './support/test-databases.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const opened: RateLimiter[] = [];
afterAll(() => Promise.all(opened.map((limiter) => limiter.close?.())));

/** A Redis limiter on `prefix`, on `now` if given (else on Redis' own clock). */
function redisLimiter(prefix: string, now?: () => number): RateLimiter {
  const limiter = new RedisRateLimiter(REDIS_URL, prefix, now ? { now } : {});
  opened.push(limiter);
  return limiter;
}

/** A clock the test moves by hand, in ms: windows end when it says so, never by waiting. */
function manualClock() {
  let time = 1_000_000;
  return {
    now: () => time,
    advance: (ms: number) => {
      time += ms;
    },
  };
}

const LIMITERS: Array<[string, (now: () => number) => RateLimiter]> = [
  ['memory', (now) => new MemoryRateLimiter(now)],
  ['redis', (now) => redisLimiter(`chimera-test:${randomUUID()}:`, now)],
];

describe.each(LIMITERS)('the %s rate limiter', (_name, create) => {
  it('allows max takes per window, then refuses with the time left in the window', async () => {
    const clock = manualClock();
    const limiter = create(clock.now);
    const limit = { max: 3, windowMs: 60_000 };
    const answers = [];
    for (let index = 0; index < 3; index++) answers.push(await limiter.take('ava:trends.x', limit));
    clock.advance(1_000);
    for (let index = 0; index < 2; index++) answers.push(await limiter.take('ava:trends.x', limit));
    expect(answers.map((answer) => answer.allowed)).toEqual([true, true, true, false, false]);
    expect(answers.map((answer) => answer.retryAfterMs)).toEqual([0, 0, 0, 59_000, 59_000]);
  });

  it('keeps separate budgets per key', async () => {
    const limiter = create(manualClock().now);
    const limit = { max: 1, windowMs: 60_000 };
    expect((await limiter.take('ava:trends.x', limit)).allowed).toBe(true);
    expect((await limiter.take('ava:media.y', limit)).allowed).toBe(true);
    expect((await limiter.take('milo:trends.x', limit)).allowed).toBe(true);
    expect((await limiter.take('ava:trends.x', limit)).allowed).toBe(false);
  });

  it('opens a new window once the old one has passed, not a millisecond before', async () => {
    const clock = manualClock();
    const limiter = create(clock.now);
    const limit = { max: 1, windowMs: 60_000 };
    expect(await limiter.take('k', limit)).toEqual({ allowed: true, retryAfterMs: 0 });
    clock.advance(59_999);
    expect(await limiter.take('k', limit)).toEqual({ allowed: false, retryAfterMs: 1 });
    clock.advance(1);
    expect(await limiter.take('k', limit)).toEqual({ allowed: true, retryAfterMs: 0 });
    expect(await limiter.take('k', limit)).toEqual({ allowed: false, retryAfterMs: 60_000 });
  });
});

describe('the Redis rate limiter across processes', () => {
  it('spends one budget from several clients taking at once, never more', async () => {
    const prefix = `chimera-test:${randomUUID()}:`;
    const clients = [redisLimiter(prefix), redisLimiter(prefix), redisLimiter(prefix)];
    const limit = { max: 7, windowMs: 60_000 };
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, index) => clients[index % 3]!.take('ava:trends.x', limit)),
    );
    expect(answers.filter((answer) => answer.allowed)).toHaveLength(7);
    // On Redis' own clock, every refusal names a wait within the window.
    for (const answer of answers.filter((answer) => !answer.allowed)) {
      expect(answer.retryAfterMs).toBeGreaterThan(0);
      expect(answer.retryAfterMs).toBeLessThanOrEqual(60_000);
    }
  });

  it('limits the tool calls of an app opened with REDIS_URL', async () => {
    const database = await createTestDatabase('pglite');
    const app = await openTestApp(database, { config: { redisUrl: REDIS_URL } });
    const redis = new Redis(REDIS_URL);
    const key = `chimera:rate:${randomUUID()}:trends.fetch_trends`;
    try {
      const agentId = key.split(':')[2]!;
      await app.hub.callTool({
        agentId,
        specId: 'FR-MCP-002',
        server: 'trends',
        tool: 'fetch_trends',
        arguments: { keywords: ['denim'] },
      });
      expect(await redis.hget(key, 'used')).toBe('1');
      expect(await redis.pttl(key)).toBeGreaterThan(0);
    } finally {
      await redis.del(key);
      redis.disconnect();
      await app.close();
      await database.dispose();
    }
  });
});
