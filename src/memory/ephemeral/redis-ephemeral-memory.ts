// Ephemeral memory shared by every process (REDIS_URL): one sorted set per agent, scored by each
// interaction's `at` in ms. The key is `ephemeral_memory:<tenant>:<agent>`, not the issue's
// `ephemeral_memory:<agent>`: agent ids are unique only within a tenant, so two tenants' "ava"
// must not share one memory. Tenant and agent ids are slugs without ':', so keys cannot collide.

import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { z } from 'zod';
import {
  EPHEMERAL_MEMORY_WINDOW_MS,
  type EphemeralMemory,
  EphemeralMemoryScope,
  Interaction,
  maxInteractionsOption,
  parseMemoryInput,
  RecentOptions,
} from './ephemeral-memory.js';

/** An interaction as a sorted-set member holds it: `at` as an ISO string, plus the member's id. */
const StoredInteraction = z.object({ ...Interaction.shape, at: z.coerce.date() });

/** Where a RedisEphemeralMemory keeps its keys, how it tells the time and how much it keeps. */
export interface RedisEphemeralMemoryOptions {
  /**
   * Put before `<tenant>:<agent>` in every key, e.g. to keep one test's keys apart.
   * @defaultValue 'ephemeral_memory:'
   */
  keyPrefix?: string;
  /**
   * The clock that decides which interactions are within the last hour. Every process sharing a
   * prefix should use the same clock. The key's own expiry runs on Redis' clock; it only tidies
   * up, since reads filter by this one.
   * @defaultValue the wall clock
   */
  now?: () => Date;
  /**
   * The most interactions kept per agent; each write drops the oldest beyond it.
   * @defaultValue 500 (DEFAULT_MAX_INTERACTIONS)
   */
  maxInteractions?: number;
}

export class RedisEphemeralMemory implements EphemeralMemory {
  private readonly redis: Redis;
  private readonly keyPrefix: string;
  private readonly now: () => Date;
  private readonly maxInteractions: number;

  constructor(url: string, options: RedisEphemeralMemoryOptions = {}) {
    this.redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
    this.keyPrefix = options.keyPrefix ?? 'ephemeral_memory:';
    this.now = options.now ?? (() => new Date());
    this.maxInteractions = maxInteractionsOption(options.maxInteractions);
  }

  /**
   * Adds the interaction, drops what is over an hour old or beyond the cap, and sets the key to
   * expire an hour after this write, all in one MULTI so concurrent writers never see a half.
   */
  async remember(scope: EphemeralMemoryScope, interaction: Interaction): Promise<void> {
    const key = this.key(parseMemoryInput(EphemeralMemoryScope, scope, 'memory scope'));
    const parsed = parseMemoryInput(Interaction, interaction, 'interaction');
    // A random id keeps two equal interactions two members.
    const member = JSON.stringify({ id: randomUUID(), ...parsed });
    const results = await this.redis
      .multi()
      .zadd(key, parsed.at.getTime(), member)
      .zremrangebyscore(key, '-inf', `(${this.cutoffMs()}`)
      .zremrangebyrank(key, 0, -(this.maxInteractions + 1))
      .pexpire(key, EPHEMERAL_MEMORY_WINDOW_MS)
      .exec();
    const failure = results?.find(([error]) => error)?.[0];
    if (failure) throw failure;
  }

  async recent(scope: EphemeralMemoryScope, options: RecentOptions = {}): Promise<Interaction[]> {
    const key = this.key(parseMemoryInput(EphemeralMemoryScope, scope, 'memory scope'));
    const { limit } = parseMemoryInput(RecentOptions, options, 'recent options');
    const members = await this.redis.zrevrangebyscore(
      key,
      '+inf',
      this.cutoffMs(),
      'LIMIT',
      0,
      limit ?? this.maxInteractions,
    );
    return members.map((member) => StoredInteraction.parse(JSON.parse(member)));
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private key(scope: EphemeralMemoryScope): string {
    return `${this.keyPrefix}${scope.tenantId}:${scope.agentId}`;
  }

  /** The oldest `at`, in ms, still within the last hour. */
  private cutoffMs(): number {
    return this.now().getTime() - EPHEMERAL_MEMORY_WINDOW_MS;
  }
}
