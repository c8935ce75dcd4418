// Issue 12 §5: one ephemeral-memory contract, run in process and on the real Redis at REDIS_URL
// (or 127.0.0.1:6379), on a clock the test moves by hand. On Redis, each test keeps its keys under
// a prefix of its own, deleted afterwards, and the key also expires an hour after the last write.

import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type {
  EphemeralMemory,
  EphemeralMemoryScope,
  Interaction,
} from '../src/memory/ephemeral/ephemeral-memory.js';
import { InProcessEphemeralMemory } from '../src/memory/ephemeral/in-process-ephemeral-memory.js';
import { openEphemeralMemory } from '../src/memory/ephemeral/open-ephemeral-memory.js';
import { RedisEphemeralMemory } from '../src/memory/ephemeral/redis-ephemeral-memory.js';
import { ManualClock } from './support/manual-clock.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const HOUR_MS = 60 * 60 * 1000;
const AVA: EphemeralMemoryScope = { tenantId: 'acme', agentId: 'ava' };

const redis = new Redis(REDIS_URL);
const opened: EphemeralMemory[] = [];
const prefixes: string[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((memory) => memory.close()));
  for (const prefix of prefixes.splice(0)) {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  }
});
afterAll(() => redis.quit());

interface AdapterOptions {
  now: () => Date;
  maxInteractions?: number;
}

/** A fresh Redis prefix for this test, deleted after it. */
function testPrefix(): string {
  const prefix = `chimera-test:${randomUUID()}:ephemeral_memory:`;
  prefixes.push(prefix);
  return prefix;
}

function track<Memory extends EphemeralMemory>(memory: Memory): Memory {
  opened.push(memory);
  return memory;
}

const ADAPTERS: Array<[string, (options: AdapterOptions) => EphemeralMemory]> = [
  ['in-process', (options) => track(new InProcessEphemeralMemory(options))],
  [
    'Redis',
    (options) =>
      track(new RedisEphemeralMemory(REDIS_URL, { ...options, keyPrefix: testPrefix() })),
  ],
];

/** A reply `minutesAgo` before the clock's now. */
function reply(clock: ManualClock, minutesAgo: number, text: string): Interaction {
  return {
    at: new Date(clock.now().getTime() - minutesAgo * 60_000),
    kind: 'reply',
    counterpart: '@milo',
    text,
  };
}

describe.each(ADAPTERS)('the %s ephemeral memory', (_name, open) => {
  it('recalls every field of what it remembered, newest first whatever the order of writes', async () => {
    const clock = new ManualClock();
    const memory = open({ now: () => clock.now() });
    const post: Interaction = {
      at: new Date(clock.now().getTime() - 30 * 60_000),
      kind: 'post',
      text: 'new drop: denim, done right',
      task_id: randomUUID(),
      post_id: 'post-1',
    };
    const thanks = reply(clock, 5, 'thanks!');
    const comment: Interaction = { ...reply(clock, 10, 'love it'), kind: 'comment' };

    await memory.remember(AVA, thanks);
    await memory.remember(AVA, post);
    await memory.remember(AVA, comment);

    expect(await memory.recent(AVA)).toEqual([thanks, comment, post]);
  });

  it('returns only the newest `limit` interactions', async () => {
    const clock = new ManualClock();
    const memory = open({ now: () => clock.now() });
    for (const minutesAgo of [4, 3, 2, 1]) {
      await memory.remember(AVA, reply(clock, minutesAgo, `${minutesAgo} min ago`));
    }

    const recalled = await memory.recent(AVA, { limit: 2 });

    expect(recalled.map((interaction) => interaction.text)).toEqual(['1 min ago', '2 min ago']);
  });

  it('keeps each tenant and agent to its own memory', async () => {
    const clock = new ManualClock();
    const memory = open({ now: () => clock.now() });
    const scopes: EphemeralMemoryScope[] = [
      AVA,
      { tenantId: 'acme', agentId: 'milo' },
      { tenantId: 'globex', agentId: 'ava' },
    ];
    for (const scope of scopes) {
      await memory.remember(scope, reply(clock, 1, `${scope.tenantId}/${scope.agentId}`));
    }

    for (const scope of scopes) {
      const recalled = await memory.recent(scope);
      expect(recalled.map((interaction) => interaction.text)).toEqual([
        `${scope.tenantId}/${scope.agentId}`,
      ]);
    }
    expect(await memory.recent({ tenantId: 'globex', agentId: 'milo' })).toEqual([]);
  });

  it('forgets an interaction once it is more than an hour old, not a millisecond before', async () => {
    const clock = new ManualClock();
    const memory = open({ now: () => clock.now() });
    const hello = reply(clock, 0, 'hello');
    await memory.remember(AVA, hello);

    await clock.advance(HOUR_MS);
    expect(await memory.recent(AVA)).toEqual([hello]);

    await clock.advance(1);
    expect(await memory.recent(AVA)).toEqual([]);

    const later = reply(clock, 0, 'later');
    await memory.remember(AVA, later);
    expect(await memory.recent(AVA)).toEqual([later]);
  });

  it('does not recall an interaction that happened over an hour before it was remembered', async () => {
    const clock = new ManualClock();
    const memory = open({ now: () => clock.now() });

    await memory.remember(AVA, reply(clock, 61, 'too late'));

    expect(await memory.recent(AVA)).toEqual([]);
  });

  it('keeps at most maxInteractions per agent, dropping the oldest', async () => {
    const clock = new ManualClock();
    const memory = open({ now: () => clock.now(), maxInteractions: 3 });
    for (const minutesAgo of [5, 4, 3, 2, 1]) {
      await memory.remember(AVA, reply(clock, minutesAgo, `${minutesAgo} min ago`));
    }
    await memory.remember({ tenantId: 'acme', agentId: 'milo' }, reply(clock, 1, 'milo'));

    const recalled = await memory.recent(AVA, { limit: 10 });

    expect(recalled.map((interaction) => interaction.text)).toEqual([
      '1 min ago',
      '2 min ago',
      '3 min ago',
    ]);
  });

  it('refuses invalid input with an INPUT_INVALID error naming the field, remembering nothing', async () => {
    const clock = new ManualClock();
    const memory = open({ now: () => clock.now() });
    const valid = reply(clock, 0, 'ok');
    const invalid: Array<[string, () => Promise<unknown>]> = [
      ['text', () => memory.remember(AVA, { ...valid, text: 'x'.repeat(4_001) })],
      ['kind', () => memory.remember(AVA, { ...valid, kind: 'shout' } as unknown as Interaction)],
      ['at', () => memory.remember(AVA, { ...valid, at: 'now' } as unknown as Interaction)],
      ['task_id', () => memory.remember(AVA, { ...valid, task_id: 'task-1' })],
      ['tenantId', () => memory.remember({ ...AVA, tenantId: 'acme:ava' }, valid)],
      ['limit', () => memory.recent(AVA, { limit: 0 })],
    ];

    for (const [field, call] of invalid) {
      await expect(call(), field).rejects.toMatchObject({
        code: 'INPUT_INVALID',
        context: { field },
        message: expect.stringContaining(`${field}:`),
      });
    }
    expect(await memory.recent(AVA)).toEqual([]);
  });
});

describe('the Redis ephemeral memory', () => {
  it('keeps an agent in one key that expires within an hour of the last write', async () => {
    const clock = new ManualClock();
    const keyPrefix = testPrefix();
    const memory = track(
      new RedisEphemeralMemory(REDIS_URL, { keyPrefix, now: () => clock.now() }),
    );

    await memory.remember(AVA, reply(clock, 0, 'hello'));

    const ttlMs = await redis.pttl(`${keyPrefix}acme:ava`);
    expect(ttlMs).toBeGreaterThan(0);
    expect(ttlMs).toBeLessThanOrEqual(HOUR_MS);
  });

  it('drops interactions over an hour old or beyond the cap from the key on each write', async () => {
    const clock = new ManualClock();
    const keyPrefix = testPrefix();
    const memory = track(
      new RedisEphemeralMemory(REDIS_URL, {
        keyPrefix,
        now: () => clock.now(),
        maxInteractions: 2,
      }),
    );
    await memory.remember(AVA, reply(clock, 0, 'old'));
    await clock.advance(HOUR_MS + 1);

    for (const text of ['one', 'two', 'three']) await memory.remember(AVA, reply(clock, 0, text));

    expect(await redis.zcard(`${keyPrefix}acme:ava`)).toBe(2);
  });
});

describe('openEphemeralMemory', () => {
  it('opens the Redis memory when given a URL, and the in-process one otherwise', () => {
    expect(track(openEphemeralMemory({ redisUrl: REDIS_URL }))).toBeInstanceOf(
      RedisEphemeralMemory,
    );
    expect(track(openEphemeralMemory())).toBeInstanceOf(InProcessEphemeralMemory);
  });
});
