// FR-CFO-001, FR-CFO-002: every rule boundary of the CFO's decision, in order: caps
// ($50.00 total passes, $50.01 is rejected), ROI (1.5 passes, 1.49 is rejected), the single
// amount ($20.00 approves, $20.01 escalates) and risk (0.7 approves, 0.71 escalates).

import { describe, expect, it } from 'vitest';
import { type Money, parseMoney } from './money.js';
import { type BudgetCap, decideSpend, riskScoreBp, type SpendCase } from './spend-rules.js';

const usd = (amount: string): Money => parseMoney(amount, 'USDC');

function daily(spent: string, reserved = '0', limit = '50'): BudgetCap {
  return {
    period: 'daily',
    category: 'all',
    limit: usd(limit),
    spent: usd(spent),
    reserved: usd(reserved),
  };
}

function spend(amount: string, overrides: Partial<SpendCase> = {}): SpendCase {
  return {
    type: 'api_call',
    amount: usd(amount),
    caps: [daily('0')],
    signals: { newCounterparty: false, requestsLastHour: 0 },
    ...overrides,
  };
}

describe('rule 1: caps', () => {
  it('passes a request that brings spent + reserved + amount to exactly $50.00', () => {
    const decision = decideSpend(spend('5', { caps: [daily('30', '15')] }));
    expect(decision.decision).toBe('approve');
  });

  it('rejects $50.01 in total, naming the cap and the sums', () => {
    const decision = decideSpend(spend('5.01', { caps: [daily('30', '15')] }));
    expect(decision).toMatchObject({
      decision: 'reject',
      reasons: [
        'exceeds daily limit: 30.00 USDC spent + 15.00 USDC reserved + 5.01 USDC requested > 50.00 USDC',
      ],
    });
  });

  it('rejects $52.50 against an untouched $50 cap', () => {
    expect(decideSpend(spend('52.50')).decision).toBe('reject');
  });

  it('checks weekly and category caps too, and ignores caps of other categories', () => {
    const caps: BudgetCap[] = [
      daily('0'),
      {
        period: 'weekly',
        category: 'ads',
        limit: usd('100'),
        spent: usd('99'),
        reserved: usd('0'),
      },
    ];
    expect(decideSpend(spend('2', { caps })).decision).toBe('approve');
    expect(decideSpend(spend('2', { caps, type: 'ads' }))).toMatchObject({
      decision: 'reject',
      reasons: [expect.stringMatching(/^exceeds weekly ads limit: 99\.00 USDC spent/)],
    });
  });
});

describe('rule 2: ROI when revenue is projected', () => {
  it('passes ROI exactly 1.5 (25 on 10)', () => {
    const decision = decideSpend(spend('10', { projectedRevenue: usd('25') }));
    expect(decision).toMatchObject({ decision: 'approve', roi: 1.5 });
  });

  it('rejects ROI 1.49 (24.90 on 10)', () => {
    const decision = decideSpend(spend('10', { projectedRevenue: usd('24.90') }));
    expect(decision).toMatchObject({
      decision: 'reject',
      roi: 1.49,
      reasons: ['ROI 1.49 is below the minimum of 1.5'],
    });
  });

  it('does not apply without projected revenue', () => {
    expect(decideSpend(spend('10')).roi).toBeUndefined();
  });

  it('applies after the caps: a capped request is rejected for the cap', () => {
    const decision = decideSpend(spend('60', { projectedRevenue: usd('1') }));
    expect(decision.reasons[0]).toMatch(/^exceeds daily limit/);
  });
});

describe('rule 3: escalation', () => {
  it('approves $20.00 and escalates $20.01', () => {
    expect(decideSpend(spend('20')).decision).toBe('approve');
    expect(decideSpend(spend('20.01'))).toMatchObject({
      decision: 'escalate',
      reasons: ['20.01 USDC is over the 20.00 USDC a person must approve'],
    });
  });

  it('approves risk exactly 0.7 and escalates 0.71', () => {
    // blockchain 0.35 + a new counterparty 0.20 + the amount's share of the $50 cap × 0.4.
    const seventy = spend('18.75', {
      type: 'blockchain',
      signals: { newCounterparty: true, requestsLastHour: 5 },
    }); // 0.35 + 0.20 + 18.75/50 × 0.4 = 0.15 → 0.70
    expect(decideSpend(seventy)).toMatchObject({ decision: 'approve', risk_score: 0.7 });
    const seventyOne = spend('20', {
      type: 'blockchain',
      signals: { newCounterparty: true, requestsLastHour: 5 },
    }); // 0.35 + 0.20 + 0.16 = 0.71
    expect(decideSpend(seventyOne)).toMatchObject({
      decision: 'escalate',
      risk_score: 0.71,
      reasons: ['risk 0.71 is over 0.7'],
    });
  });
});

describe('the risk score (FR-CFO-002)', () => {
  it('adds the documented signals and caps at 1', () => {
    expect(riskScoreBp(spend('0.01'))).toBe(500); // api_call base, a tiny share of the cap
    expect(riskScoreBp(spend('25'))).toBe(500 + 2_000); // half the cap → 0.20
    expect(
      riskScoreBp(spend('1', { signals: { newCounterparty: false, requestsLastHour: 7 } })),
    ).toBe(500 + 80 + 800);
    expect(
      riskScoreBp(
        spend('50', {
          type: 'blockchain',
          signals: { newCounterparty: true, requestsLastHour: 50 },
        }),
      ),
    ).toBe(10_000);
  });

  it('treats a request with no daily cap as taking the whole cap', () => {
    expect(riskScoreBp(spend('1', { caps: [] }))).toBe(500 + 4_000);
  });
});
