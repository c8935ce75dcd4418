import { describe, expect, it } from 'vitest';
import { MAX_CLOCK_SKEW_MS } from './clock-skew.js';
import {
  expiresAt,
  HEARTBEAT_INTERVAL_MS,
  HEARTBEAT_TTL_MS,
  Heartbeat,
  heartbeatProblem,
} from './heartbeat.js';

const NOW = new Date('2026-11-29T09:00:00.000Z');
const beat = (issuedAt: Date): Heartbeat => ({
  node_id: 'pZ7tS8c2q1mYc0e8m7fS2nQ0g6yXq3wJ4d9Kx1vB5aE',
  capabilities: ['scout.analyze', 'director.create_brief'],
  reputation_score: 87.5,
  endpoint: 'https://node-a.example/a2a',
  status: 'ready',
  issued_at: issuedAt.toISOString(),
  ttl_s: 90,
});
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);

describe('heartbeats (the seed: every 60 s, TTL 90 s, 30 s of clock skew)', () => {
  it('keeps the seed timing', () => {
    expect([HEARTBEAT_INTERVAL_MS, HEARTBEAT_TTL_MS, MAX_CLOCK_SKEW_MS]).toEqual([
      60_000, 90_000, 30_000,
    ]);
    expect(expiresAt(beat(NOW))).toEqual(at(90_000));
  });

  it('accepts the payload and refuses a field more, another TTL, a bad URL or status', () => {
    expect(Heartbeat.safeParse(beat(NOW)).success).toBe(true);
    for (const bad of [
      { ...beat(NOW), extra: 1 },
      { ...beat(NOW), ttl_s: 600 },
      { ...beat(NOW), endpoint: 'ftp://node-a.example' },
      { ...beat(NOW), endpoint: 'https://node\u0000.example' },
      { ...beat(NOW), status: 'busy' },
      { ...beat(NOW), reputation_score: 101 },
      { ...beat(NOW), capabilities: ['Scout Analyze'] },
      { ...beat(NOW), node_id: 'short' },
      { ...beat(NOW), issued_at: 'yesterday' },
    ]) {
      expect(Heartbeat.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('accepts up to 30 s of skew either way and refuses more as stale or future', () => {
    expect(heartbeatProblem(beat(at(-30_000)), NOW)).toBeUndefined();
    expect(heartbeatProblem(beat(at(30_000)), NOW)).toBeUndefined();
    expect(heartbeatProblem(beat(at(-30_001)), NOW)).toMatchObject({
      reason: 'stale',
      message: expect.stringMatching(/30 s old; at most 30 s/),
    });
    expect(heartbeatProblem(beat(at(45_000)), NOW)).toMatchObject({
      reason: 'future',
      message: expect.stringMatching(/45 s ahead/),
    });
  });

  it('refuses a heartbeat not later than the last one accepted as a replay', () => {
    expect(heartbeatProblem(beat(NOW), NOW, at(-60_000))).toBeUndefined();
    expect(heartbeatProblem(beat(NOW), NOW, NOW)?.reason).toBe('replayed');
    expect(heartbeatProblem(beat(at(-1)), NOW, NOW)?.reason).toBe('replayed');
  });
});
