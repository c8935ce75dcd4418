import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SignedHeartbeat } from '../../domain/network/heartbeat.js';
import { identityOf } from '../identity/node-identity.js';
import { HeartbeatPublisher } from './heartbeat-publisher.js';
import { verifySignedHeartbeat } from './heartbeat-verifier.js';

const T0 = new Date('2026-11-29T09:00:00.000Z');

/** A registry that keeps what it is given, verified as the real one verifies it. */
function recordingRegistry() {
  const received: SignedHeartbeat[] = [];
  return {
    received,
    accept: async (input: unknown, now: Date) => {
      const last = received.at(-1);
      const registered = last && {
        public_jwk: last.public_jwk,
        issued_at: new Date(last.heartbeat.issued_at),
      };
      const verified = await verifySignedHeartbeat(input, now, registered);
      if (verified.accepted) received.push(verified.signed);
      return verified;
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('HeartbeatPublisher', () => {
  it("signs the node's heartbeat from its providers, as the registry checks it", async () => {
    const identity = await identityOf(generateKeyPairSync('ed25519').privateKey);
    const registry = recordingRegistry();
    const publisher = new HeartbeatPublisher({
      identity,
      endpoint: 'https://node.example/a2a',
      capabilities: () => ['scout.analyze', 'director.create_brief', 'scout.analyze'],
      reputation: async () => 71,
      status: () => 'saturated',
      registry,
      now: () => T0,
    });
    expect(await publisher.beat()).toMatchObject({ accepted: true });
    expect(registry.received[0]).toEqual({
      heartbeat: {
        node_id: identity.nodeId,
        capabilities: ['director.create_brief', 'scout.analyze'],
        reputation_score: 71,
        endpoint: 'https://node.example/a2a',
        status: 'saturated',
        issued_at: T0.toISOString(),
        ttl_s: 90,
      },
      signature: expect.objectContaining({ signature: expect.any(String) }),
      public_jwk: { kty: 'OKP', crv: 'Ed25519', x: identity.publicJwk.x },
    });
    // The same instant again is a replay.
    expect(await publisher.beat()).toMatchObject({ accepted: false, reason: 'replayed' });
  });

  it('beats at start and every 60 s until stopped, reporting a refused beat', async () => {
    vi.useFakeTimers({ now: T0, toFake: ['setInterval', 'clearInterval', 'Date'] });
    const identity = await identityOf(generateKeyPairSync('ed25519').privateKey);
    const registry = recordingRegistry();
    // Signing is asynchronous work of its own: each beat is awaited through the registry's
    // answer, and a beat is counted when it starts (it asks for the capabilities first).
    let started = 0;
    const answered: Array<() => void> = [];
    const answers = () => new Promise<void>((resolve) => answered.push(resolve));
    // Once answered, the beat's own bookkeeping finishes within the same turn of the event loop.
    const settled = () => new Promise((resolve) => setImmediate(resolve));
    const errors: unknown[] = [];
    const publisher = new HeartbeatPublisher({
      identity,
      endpoint: 'http://localhost:8080/a2a',
      capabilities: () => {
        started += 1;
        return [];
      },
      registry: {
        accept: async (input, now) => {
          const answer = await registry.accept(input, now);
          answered.shift()?.();
          return answer;
        },
      },
      onError: (error) => errors.push(error),
    });
    let answer = answers();
    await publisher.start();
    await answer;
    await settled();
    expect(registry.received.map((signed) => signed.heartbeat)).toEqual([
      expect.objectContaining({
        issued_at: T0.toISOString(),
        reputation_score: 50,
        status: 'ready',
      }),
    ]);
    vi.advanceTimersByTime(59_999);
    expect(started).toBe(1);
    answer = answers();
    vi.advanceTimersByTime(1);
    await answer;
    await settled();
    expect(started).toBe(2);
    expect(registry.received).toHaveLength(2);
    // The clock goes back a minute: the next beat is not newer than the last, and is reported.
    vi.setSystemTime(T0);
    answer = answers();
    vi.advanceTimersByTime(60_000);
    await answer;
    await settled();
    await publisher.stop();
    expect(registry.received).toHaveLength(2);
    expect(String(errors[0])).toMatch(/heartbeat was refused \(replayed\)/);
    vi.advanceTimersByTime(180_000);
    expect(started).toBe(3);
  });
});
