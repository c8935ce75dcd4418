// A process's memory of the bearer tokens and browser sessions it has authenticated, so a request
// costs no token query. An entry lives AUTHENTICATION_CACHE_TTL_MS at most, never past its
// token's expiry, and all of a tenant's entries are dropped whenever the live feed reports an
// event of that tenant. A token revocation is such an event (migration 0010), sent at commit by
// whichever process revoked it, so a revoked token stops authenticating everywhere at once; the
// TTL bounds the damage should a notification be lost while the feed reconnects.

import { LRUCache } from 'lru-cache';
import type { Actor } from '../domain/actor.js';
import type { EventFeed } from '../store/store.js';

/** The longest a process trusts a lookup it made. */
export const AUTHENTICATION_CACHE_TTL_MS = 5_000;
/** Distinct secrets remembered; the least recently used go first. */
const MAX_ENTRIES = 10_000;

/** What a secret stood for when it was looked up. */
export interface CachedCaller {
  actor: Actor;
  /** A browser session's CSRF token; null for a bearer token. */
  csrfToken: string | null;
  /** When the token (or session) expires; null: never. */
  expiresAt: Date | null;
}

export class AuthenticationCache {
  private readonly entries: LRUCache<string, CachedCaller>;
  /** Counts drops, so that a lookup which raced one is not remembered. */
  private drops = 0;
  private listening: Promise<unknown> | undefined;

  constructor(
    private readonly events: EventFeed,
    private readonly now: () => Date,
  ) {
    this.entries = new LRUCache({
      max: MAX_ENTRIES,
      ttl: AUTHENTICATION_CACHE_TTL_MS,
      // Read the (injected) clock on every check rather than once per millisecond of real time.
      ttlResolution: 0,
      perf: { now: () => this.now().getTime() },
    });
  }

  /**
   * The caller `key` stands for: from memory, or from `lookup`, which is remembered unless one
   * of its tenant's events arrived while it ran.
   */
  async get(
    key: string,
    lookup: () => Promise<CachedCaller | undefined>,
  ): Promise<CachedCaller | undefined> {
    // Listen before the first lookup, so no drop can be missed in between.
    this.listening ??= this.events.subscribe((tenantId) => this.forgetTenant(tenantId));
    await this.listening;
    const now = this.now().getTime();
    const cached = this.entries.get(key);
    if (cached && (cached.expiresAt === null || cached.expiresAt.getTime() > now)) return cached;
    const dropsBefore = this.drops;
    const found = await lookup();
    if (found && this.drops === dropsBefore) {
      const left = found.expiresAt ? found.expiresAt.getTime() - now : AUTHENTICATION_CACHE_TTL_MS;
      if (left > 0) {
        this.entries.set(key, found, { ttl: Math.min(left, AUTHENTICATION_CACHE_TTL_MS) });
      }
    }
    return found;
  }

  /** Drops every entry of `tenantId`: one of its tokens may have been revoked. */
  forgetTenant(tenantId: string): void {
    this.drops += 1;
    for (const [key, entry] of this.entries.entries()) {
      if (entry.actor.tenantId === tenantId) this.entries.delete(key);
    }
  }
}
