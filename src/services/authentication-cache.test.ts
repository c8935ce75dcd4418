// The authentication cache on an injected clock: it answers from memory until its TTL or the
// token's expiry, drops a tenant's entries when the feed reports that tenant, and does not keep
// a lookup that raced such a drop.

import { describe, expect, it } from 'vitest';
import type { Actor } from '../domain/actor.js';
import type { EventFeed } from '../store/store.js';
import { AUTHENTICATION_CACHE_TTL_MS, AuthenticationCache } from './authentication-cache.js';

/** A feed that only delivers what the test announces. */
function announcingFeed() {
  const listeners: Array<(tenantId: string) => void> = [];
  const feed: EventFeed = {
    since: async () => [],
    latestId: async () => 0,
    subscribe: async (listener) => {
      listeners.push(listener);
      return () => undefined;
    },
    close: async () => undefined,
  };
  const announce = (tenantId: string) => {
    for (const listener of listeners) listener(tenantId);
  };
  return { feed, announce };
}

const actor = (tenantId: string, id = 'token-1'): Actor => ({
  kind: 'token',
  id,
  tenantId,
  role: 'viewer',
  agentId: null,
});

describe('AuthenticationCache', () => {
  const setup = () => {
    let now = Date.parse('2026-11-29T12:00:00Z');
    const { feed, announce } = announcingFeed();
    const cache = new AuthenticationCache(feed, () => new Date(now));
    let lookups = 0;
    const lookup =
      (tenantId: string, expiresAt: Date | null = null) =>
      async () => {
        lookups += 1;
        return { actor: actor(tenantId), csrfToken: null, expiresAt };
      };
    return {
      cache,
      announce,
      lookup,
      lookups: () => lookups,
      advance: (ms: number) => {
        now += ms;
      },
      at: (ms: number) => new Date(now + ms),
    };
  };

  it('answers from memory until the TTL has passed', async () => {
    const t = setup();
    await t.cache.get('a', t.lookup('acme'));
    await t.cache.get('a', t.lookup('acme'));
    t.advance(AUTHENTICATION_CACHE_TTL_MS - 1);
    await t.cache.get('a', t.lookup('acme'));
    expect(t.lookups()).toBe(1);
    t.advance(2);
    await t.cache.get('a', t.lookup('acme'));
    expect(t.lookups()).toBe(2);
  });

  it('never keeps a token past its expiry', async () => {
    const t = setup();
    await t.cache.get('a', t.lookup('acme', t.at(1_000)));
    t.advance(999);
    await t.cache.get('a', t.lookup('acme', t.at(1)));
    expect(t.lookups()).toBe(1);
    t.advance(1);
    await t.cache.get('a', t.lookup('acme', t.at(-1)));
    expect(t.lookups()).toBe(2);
  });

  it("drops a tenant's entries when the feed reports that tenant, and only those", async () => {
    const t = setup();
    await t.cache.get('a', t.lookup('acme'));
    await t.cache.get('b', t.lookup('globex'));
    t.announce('acme');
    await t.cache.get('a', t.lookup('acme'));
    await t.cache.get('b', t.lookup('globex'));
    expect(t.lookups()).toBe(3);
  });

  it('does not remember a lookup that a drop overtook', async () => {
    const t = setup();
    await t.cache.get('a', async () => {
      t.announce('acme');
      return { actor: actor('acme'), csrfToken: null, expiresAt: null };
    });
    await t.cache.get('a', t.lookup('acme'));
    expect(t.lookups()).toBe(1);
    await t.cache.get('a', t.lookup('acme'));
    expect(t.lookups()).toBe(1);
  });

  it('remembers nothing for an unknown secret', async () => {
    const t = setup();
    expect(await t.cache.get('x', async () => undefined)).toBeUndefined();
    await t.cache.get('x', t.lookup('acme'));
    expect(t.lookups()).toBe(1);
  });
});
