// Judge–human agreement: tallies by policy (a reason's "policy:" prefix, else the Judge's own),
// by confidence band (edges belong to the band above) and by UTC day.

import { describe, expect, it } from 'vitest';
import { type DecidedEscalation, judgeAgreement, reasonPolicy } from './judge-agreement.js';

const decided = (
  confidence: number,
  approved: boolean,
  reasons: string[],
  at = '2026-11-29T10:00:00Z',
): DecidedEscalation => ({ confidence, approved, reasons, decided_at: new Date(at) });

describe('judgeAgreement', () => {
  it('names the policy of a reason, or the Judge for its own', () => {
    expect(reasonPolicy('sensitive-topics: sensitive topic (health): mentions "cures"')).toBe(
      'sensitive-topics',
    );
    expect(reasonPolicy('confidence 0.75 is between 0.7 and 0.9: a human decides')).toBe('judge');
  });

  it('tallies overall, per policy, per band and per day', () => {
    const agreement = judgeAgreement([
      decided(0.93, true, ['sensitive-topics: health']),
      decided(0.95, false, ['sensitive-topics: politics'], '2026-11-28T23:59:59Z'),
      decided(0.75, true, ['confidence 0.75 is between 0.7 and 0.9: a human decides']),
      decided(0.8, false, ['confidence 0.8 is low', 'persona-directives: off voice']),
      decided(0.7, true, []),
    ]);
    expect(agreement.overall).toEqual({ decided: 5, approved: 3, approval_rate: 0.6 });
    expect(agreement.by_policy).toEqual([
      { policy: 'judge', decided: 3, approved: 2, approval_rate: 2 / 3 },
      { policy: 'sensitive-topics', decided: 2, approved: 1, approval_rate: 0.5 },
      { policy: 'persona-directives', decided: 1, approved: 0, approval_rate: 0 },
    ]);
    expect(agreement.by_band.map((band) => [band.band, band.decided, band.approved])).toEqual([
      ['< 0.70', 0, 0],
      ['0.70–0.75', 1, 1],
      ['0.75–0.80', 1, 1],
      ['0.80–0.85', 1, 0],
      ['0.85–0.90', 0, 0],
      ['≥ 0.90', 2, 1],
    ]);
    expect(agreement.by_band[0]?.approval_rate).toBeNull();
    expect(agreement.by_band.at(-1)?.to).toBeNull();
    expect(agreement.by_day).toEqual([
      { day: '2026-11-28', decided: 1, approved: 0, approval_rate: 0 },
      { day: '2026-11-29', decided: 4, approved: 3, approval_rate: 0.75 },
    ]);
  });

  it('gives rates of null, not NaN, when nothing was decided', () => {
    const agreement = judgeAgreement([]);
    expect(agreement.overall).toEqual({ decided: 0, approved: 0, approval_rate: null });
    expect(agreement.by_policy).toEqual([]);
    expect(agreement.by_day).toEqual([]);
    expect(agreement.by_band).toHaveLength(6);
  });
});
