import { describe, expect, it } from 'vitest';
import { REPUTATION_WEIGHTS, reputationOf } from './reputation.js';

const PERFECT = {
  hires: 10,
  succeeded: 10,
  medianResponseMs: 300,
  heartbeatsExpected: 60,
  heartbeatsSeen: 60,
  meanQuality: 1,
};

describe('reputationOf (the seed formula, 0–100)', () => {
  it('weighs success 40 %, response time 30 %, uptime 20 %, satisfaction 10 %', () => {
    expect(REPUTATION_WEIGHTS).toEqual({
      successRate: 0.4,
      responseTime: 0.3,
      uptime: 0.2,
      satisfaction: 0.1,
    });
    expect(reputationOf(PERFECT).score).toBe(100);
    // Each component alone at zero costs exactly its weight.
    expect(reputationOf({ ...PERFECT, succeeded: 0 }).score).toBe(60);
    expect(reputationOf({ ...PERFECT, medianResponseMs: 2_000 }).score).toBe(70);
    expect(reputationOf({ ...PERFECT, heartbeatsSeen: 0 }).score).toBe(80);
    expect(reputationOf({ ...PERFECT, meanQuality: 0 }).score).toBe(90);
  });

  it('takes uptime as the fraction of expected heartbeats seen, and response time against the SLA', () => {
    const reputation = reputationOf({
      hires: 4,
      succeeded: 3,
      medianResponseMs: 1_250,
      heartbeatsExpected: 100,
      heartbeatsSeen: 90,
      meanQuality: 0.8,
    });
    expect(reputation.components).toEqual({
      successRate: 0.75,
      responseTime: 0.5,
      uptime: 0.9,
      satisfaction: 0.8,
    });
    // 100 × (0.4·0.75 + 0.3·0.5 + 0.2·0.9 + 0.1·0.8) = 71
    expect(reputation.score).toBe(71);
  });

  it('counts a component without evidence as one half, and clamps out-of-range inputs', () => {
    expect(
      reputationOf({
        hires: 0,
        succeeded: 0,
        medianResponseMs: undefined,
        heartbeatsExpected: 0,
        heartbeatsSeen: 0,
        meanQuality: undefined,
      }).score,
    ).toBe(50);
    expect(
      reputationOf({ ...PERFECT, medianResponseMs: 10, heartbeatsSeen: 75, meanQuality: 1.4 })
        .score,
    ).toBe(100);
  });
});
