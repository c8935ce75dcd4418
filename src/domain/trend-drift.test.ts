// FR-PLAN-008: the drift rule names the measure and the limit, and its reasons read back.

import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TREND_DRIFT_LIMITS,
  driftedTrendIds,
  type TrendObservation,
  trendDrift,
} from './trend-drift.js';

const HOUR = 3_600_000;
const NOW = new Date('2026-11-30T12:00:00Z');

function observed(hoursAgo: number, velocity = 1): TrendObservation {
  return {
    trend_id: 'trend-abc',
    topic: 'upcycled denim jackets',
    rising_velocity: velocity,
    observed_at: new Date(NOW.getTime() - hoursAgo * HOUR),
  };
}

describe('trendDrift', () => {
  it('holds a trend seen within the age limit and rising fast enough', () => {
    expect(trendDrift(observed(0), NOW, DEFAULT_TREND_DRIFT_LIMITS)).toBeUndefined();
    expect(trendDrift(observed(23.9, 0.75), NOW, DEFAULT_TREND_DRIFT_LIMITS)).toBeUndefined();
  });

  it('names the age and the limit of a trend last seen too long ago', () => {
    expect(trendDrift(observed(30), NOW, DEFAULT_TREND_DRIFT_LIMITS)).toBe(
      "trend-drift: trend 'trend-abc' (upcycled denim jackets) was last seen 30 h ago, more than the 24 h limit",
    );
  });

  it('names the velocity and the threshold of a decayed trend', () => {
    expect(trendDrift(observed(1, 0.1), NOW, DEFAULT_TREND_DRIFT_LIMITS)).toBe(
      "trend-drift: trend 'trend-abc' (upcycled denim jackets) has decayed: rising velocity 0.10 is below 0.50",
    );
  });

  it('counts the limits themselves as holding', () => {
    expect(trendDrift(observed(24, 0.5), NOW, DEFAULT_TREND_DRIFT_LIMITS)).toBeUndefined();
  });

  it('reports age before velocity, and short limits in minutes', () => {
    const limits = { minVelocity: 1, maxAgeMs: 30 * 60_000 };
    expect(trendDrift(observed(1.5, 0.2), NOW, limits)).toMatch(
      /was last seen 1\.5 h ago, more than the 30 min limit$/,
    );
  });

  it('takes an observation stamped after now as just seen', () => {
    expect(trendDrift(observed(-2), NOW, DEFAULT_TREND_DRIFT_LIMITS)).toBeUndefined();
  });
});

describe('driftedTrendIds', () => {
  it('reads the trend ids of drift reasons, once each, and nothing else', () => {
    const reason = trendDrift(observed(30), NOW, DEFAULT_TREND_DRIFT_LIMITS) as string;
    const other = trendDrift(
      { ...observed(1, 0.1), trend_id: 'trend-def' },
      NOW,
      DEFAULT_TREND_DRIFT_LIMITS,
    ) as string;
    expect(
      driftedTrendIds([
        reason,
        'own-repeats: repeats your post of 2026-11-29',
        `  ${other}`,
        reason,
        "reviewer rita: not trend 'trend-xyz'",
      ]),
    ).toEqual(['trend-abc', 'trend-def']);
  });
});
