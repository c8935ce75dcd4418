// FR-JUDGE-001 (schema problems reject), FR-JUDGE-002 (confidence routes the verdict) and
// FR-JUDGE-003 (policy findings force escalate or reject, with reasons).

import { describe, expect, it } from 'vitest';
import {
  DEFAULT_THRESHOLDS,
  type JudgeThresholds,
  type PolicyFinding,
  routeVerdict,
  thresholdsProblem,
} from './judge-routing.js';

const NOW = new Date('2025-01-02T03:04:05.000Z');

function route(
  confidence: number,
  options: {
    schemaProblems?: string[];
    findings?: PolicyFinding[];
    thresholds?: JudgeThresholds;
  } = {},
) {
  return routeVerdict({
    confidence,
    schemaProblems: options.schemaProblems ?? [],
    findings: options.findings ?? [],
    thresholds: options.thresholds ?? DEFAULT_THRESHOLDS,
    now: NOW,
  });
}

const escalateFinding: PolicyFinding = {
  policy: 'tone',
  action: 'escalate',
  reason: 'sarcasm detected',
};
const rejectFinding: PolicyFinding = {
  policy: 'brand-safety',
  action: 'reject',
  reason: 'mentions a competitor',
};

describe('confidence routing with the default thresholds (FR-JUDGE-002)', () => {
  it('uses 0.90 to approve and 0.70 to escalate by default', () => {
    expect(DEFAULT_THRESHOLDS).toEqual({ approveAt: 0.9, escalateAt: 0.7 });
  });

  it.each([
    [1, 'approve'],
    [0.95, 'approve'],
    [0.9, 'approve'],
    [0.8999, 'escalate'],
    [0.8, 'escalate'],
    [0.7, 'escalate'],
    [0.6999, 'reject'],
    [0.3, 'reject'],
    [0, 'reject'],
  ] as const)('routes confidence %s to %s', (confidence, decision) => {
    expect(route(confidence).decision).toBe(decision);
  });

  it('keeps the confidence and the judging time on the verdict', () => {
    const verdict = route(0.91);
    expect(verdict.confidence).toBe(0.91);
    expect(verdict.judged_at).toBe(NOW);
  });

  it('explains each decision with the threshold that decided it', () => {
    expect(route(0.9).reasons).toEqual(['confidence 0.9 ≥ 0.9']);
    expect(route(0.75).reasons).toEqual([
      'confidence 0.75 is between 0.7 and 0.9: a human decides',
    ]);
    expect(route(0.5).reasons).toEqual(['confidence 0.5 < 0.7']);
  });
});

describe('confidence routing with custom thresholds (FR-JUDGE-002)', () => {
  const thresholds = { approveAt: 0.6, escalateAt: 0.4 };

  it.each([
    [0.6, 'approve'],
    [0.5999, 'escalate'],
    [0.4, 'escalate'],
    [0.3999, 'reject'],
  ] as const)('routes confidence %s to %s with approveAt 0.6 and escalateAt 0.4', (c, decision) => {
    expect(route(c, { thresholds }).decision).toBe(decision);
  });

  it('never escalates when both thresholds are equal', () => {
    const equal = { approveAt: 0.8, escalateAt: 0.8 };
    expect(route(0.8, { thresholds: equal }).decision).toBe('approve');
    expect(route(0.7999, { thresholds: equal }).decision).toBe('reject');
  });

  it('approves everything, even confidence 0, when both thresholds are 0', () => {
    expect(route(0, { thresholds: { approveAt: 0, escalateAt: 0 } }).decision).toBe('approve');
  });
});

describe('schema problems (FR-JUDGE-001)', () => {
  it('rejects a result with a schema problem even at confidence 1', () => {
    const verdict = route(1, { schemaProblems: ['points[0]: expected string, received number'] });
    expect(verdict.decision).toBe('reject');
    expect(verdict.reasons).toEqual([
      'output fails acceptance criteria: points[0]: expected string, received number',
    ]);
  });

  it('lists every schema problem as its own reason', () => {
    const verdict = route(0.95, { schemaProblems: ['a: required', 'b.c: too long'] });
    expect(verdict.reasons).toHaveLength(2);
    expect(verdict.reasons[0]).toContain('a: required');
    expect(verdict.reasons[1]).toContain('b.c: too long');
  });

  it('rejects on schema problems before looking at policy findings', () => {
    const verdict = route(0.95, { schemaProblems: ['a: required'], findings: [escalateFinding] });
    expect(verdict.decision).toBe('reject');
    expect(verdict.reasons.join(' ')).not.toContain('sarcasm');
  });
});

describe('policy findings (FR-JUDGE-003)', () => {
  it('rejects on a reject finding even at confidence 1, giving the policy and its reason', () => {
    const verdict = route(1, { findings: [rejectFinding] });
    expect(verdict.decision).toBe('reject');
    expect(verdict.reasons).toEqual(['brand-safety: mentions a competitor']);
  });

  it('escalates on an escalate finding even at confidence 1', () => {
    const verdict = route(1, { findings: [escalateFinding] });
    expect(verdict.decision).toBe('escalate');
    expect(verdict.reasons).toEqual(['tone: sarcasm detected']);
  });

  it('lets a reject finding win over an escalate finding whatever their order', () => {
    for (const findings of [
      [escalateFinding, rejectFinding],
      [rejectFinding, escalateFinding],
    ]) {
      const verdict = route(0.95, { findings });
      expect(verdict.decision).toBe('reject');
      expect(verdict.reasons).toEqual(['brand-safety: mentions a competitor']);
    }
  });

  it('carries the reasons of every finding of the winning kind in order', () => {
    const second: PolicyFinding = { policy: 'length', action: 'escalate', reason: 'too long' };
    const verdict = route(0.95, { findings: [escalateFinding, second] });
    expect(verdict.reasons).toEqual(['tone: sarcasm detected', 'length: too long']);
  });
});

describe('thresholdsProblem (FR-JUDGE-002)', () => {
  it('accepts the defaults, equal thresholds and the [0, 1] edges', () => {
    expect(thresholdsProblem(DEFAULT_THRESHOLDS)).toBeUndefined();
    expect(thresholdsProblem({ approveAt: 0.5, escalateAt: 0.5 })).toBeUndefined();
    expect(thresholdsProblem({ approveAt: 1, escalateAt: 0 })).toBeUndefined();
  });

  it('refuses escalateAt above approveAt and names both values', () => {
    expect(thresholdsProblem({ approveAt: 0.7, escalateAt: 0.9 })).toBe(
      'escalateAt (0.9) must not exceed approveAt (0.7)',
    );
  });

  it.each([
    [{ approveAt: 1.1, escalateAt: 0.7 }, 'approveAt must be in [0, 1], got 1.1'],
    [{ approveAt: -0.1, escalateAt: -0.2 }, 'approveAt must be in [0, 1], got -0.1'],
    [{ approveAt: Number.NaN, escalateAt: 0.7 }, 'approveAt must be in [0, 1], got NaN'],
    [{ approveAt: 0.9, escalateAt: -0.01 }, 'escalateAt must be in [0, 1], got -0.01'],
    [{ approveAt: 0.9, escalateAt: Number.NaN }, 'escalateAt must be in [0, 1], got NaN'],
  ])('refuses out-of-range thresholds %o', (thresholds, problem) => {
    expect(thresholdsProblem(thresholds)).toBe(problem);
  });
});
