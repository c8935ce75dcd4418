// Judge calibration: tallies per policy and band with the agreement rate (approved / decided), and
// per policy the lowest threshold on the 0.01 grid that keeps the recall of people's rejections,
// or why there is none (a platform rule, too few decisions, no threshold good enough).

import { describe, expect, it } from 'vitest';
import type { DecidedEscalation } from './judge-agreement.js';
import { judgeCalibration, thresholdOutcome } from './judge-calibration.js';
import { DEFAULT_THRESHOLDS } from './judge-routing.js';

const AT = new Date('2026-11-29T10:00:00Z');
const band = (confidence: number) =>
  `confidence ${confidence} is between 0.7 and 0.9: a human decides`;

/** A decision on an item the Judge escalated for its confidence. */
const own = (confidence: number, approved: boolean): DecidedEscalation => ({
  confidence,
  approved,
  reasons: [band(confidence)],
  decided_at: AT,
});

/** A decision on an item `policy` escalated. */
const by = (policy: string, confidence: number, approved: boolean): DecidedEscalation => ({
  confidence,
  approved,
  reasons: [`${policy}: flagged`],
  decided_at: AT,
});

/** `count` confidences evenly from `from` (inclusive) to `to` (exclusive), on a 0.001 grid. */
const spread = (count: number, from: number, to: number) =>
  Array.from({ length: count }, (_, index) =>
    Number((from + ((to - from) * index) / count).toFixed(3)),
  );

describe('judgeCalibration', () => {
  it('tallies each policy by band, with the agreement rate as approved / decided', () => {
    const calibration = judgeCalibration(
      [
        own(0.72, false),
        own(0.74, true),
        own(0.86, true),
        by('sensitive-topics', 0.95, true),
        {
          ...by('character-consistency', 0.78, false),
          reasons: ['character-consistency: x', band(0.78)],
        },
      ],
      DEFAULT_THRESHOLDS,
    );
    const judge = calibration.by_policy.find((policy) => policy.policy === 'judge');
    expect(judge).toMatchObject({ decided: 4, approved: 2, rejected: 2, approval_rate: 0.5 });
    expect(
      judge?.by_band.map((row) => [row.band, row.decided, row.rejected, row.approval_rate]),
    ).toEqual([
      ['< 0.70', 0, 0, null],
      ['0.70–0.75', 2, 1, 0.5],
      ['0.75–0.80', 1, 1, 0],
      ['0.80–0.85', 0, 0, null],
      ['0.85–0.90', 1, 0, 1],
      ['≥ 0.90', 0, 0, null],
    ]);
    expect(calibration.by_policy.map((policy) => policy.policy)).toEqual([
      'judge',
      'character-consistency',
      'sensitive-topics',
    ]);
    expect(calibration).toMatchObject({
      thresholds: { approveAt: 0.9, escalateAt: 0.7 },
      target_rejection_recall: 0.99,
      min_decisions: 30,
      min_rejections: 5,
    });
  });

  it('recommends the lowest approveAt above every rejection when all must be caught', () => {
    const decisions = [
      ...spread(20, 0.7, 0.82).map((confidence) => own(confidence, false)),
      ...spread(40, 0.7, 0.9).map((confidence) => own(confidence, true)),
    ];
    const [judge] = judgeCalibration(decisions, DEFAULT_THRESHOLDS).by_policy;
    expect(Math.max(...spread(20, 0.7, 0.82))).toBe(0.814);
    const approvedBelow = spread(40, 0.7, 0.9).filter((confidence) => confidence < 0.82).length;
    expect(judge?.recommendation).toEqual({
      status: 'threshold',
      setting: 'approveAt',
      current: 0.9,
      outcome: {
        threshold: 0.82,
        reviews_needed: 20 + approvedBelow,
        reviews_taken: 60,
        rejections_missed: 0,
        rejection_recall: 1,
      },
      explanation: expect.stringMatching(/^lower approveAt from 0\.90 to 0\.82: skipping review/),
    });
  });

  it('lets a threshold miss rejections as long as the recall stays at the target', () => {
    // 10 rejections: a target of 0.9 tolerates missing the one at 0.88.
    const decisions = [
      ...spread(9, 0.7, 0.76).map((confidence) => own(confidence, false)),
      own(0.88, false),
      ...spread(30, 0.7, 0.9).map((confidence) => own(confidence, true)),
    ];
    const strict = judgeCalibration(decisions, DEFAULT_THRESHOLDS).by_policy[0]?.recommendation;
    expect(strict?.outcome?.threshold).toBe(0.89);
    const loose = judgeCalibration(decisions, DEFAULT_THRESHOLDS, { targetRejectionRecall: 0.9 })
      .by_policy[0]?.recommendation;
    expect(loose?.outcome).toMatchObject({
      threshold: 0.76,
      rejections_missed: 1,
      rejection_recall: 0.9,
    });
  });

  it('says keep when the lowest good threshold is the current approveAt', () => {
    const decisions = [
      ...spread(10, 0.7, 0.9).map((confidence) => own(confidence, false)),
      own(0.899, false),
      ...spread(30, 0.7, 0.9).map((confidence) => own(confidence, true)),
    ];
    const recommendation = judgeCalibration(decisions, DEFAULT_THRESHOLDS).by_policy[0]
      ?.recommendation;
    expect(recommendation?.outcome?.threshold).toBe(0.9);
    expect(recommendation?.explanation).toMatch(/^keep approveAt at 0\.90: /);
  });

  it('starts the grid at escalateAt: rejections far below it do not lower the threshold under it', () => {
    const decisions = [
      ...spread(10, 0.3, 0.4).map((confidence) => by('brand-safety', confidence, false)),
      ...spread(30, 0.5, 1).map((confidence) => by('brand-safety', confidence, true)),
    ];
    const [policy] = judgeCalibration(decisions, { approveAt: 0.95, escalateAt: 0.75 }).by_policy;
    expect(policy?.recommendation).toMatchObject({
      status: 'threshold',
      setting: null,
      current: null,
      outcome: { threshold: 0.75, rejections_missed: 0 },
      explanation: expect.stringMatching(/no setting holds a policy's threshold/),
    });
  });

  it('never recommends a threshold for sensitive topics, but reports their figures', () => {
    const decisions = [
      ...spread(10, 0.7, 0.8).map((confidence) => by('sensitive-topics', confidence, false)),
      ...spread(40, 0.8, 1).map((confidence) => by('sensitive-topics', confidence, true)),
    ];
    const [policy] = judgeCalibration(decisions, DEFAULT_THRESHOLDS).by_policy;
    expect(policy).toMatchObject({ policy: 'sensitive-topics', decided: 50, rejected: 10 });
    expect(policy?.recommendation).toEqual({
      status: 'always-review',
      outcome: null,
      setting: null,
      current: null,
      explanation:
        'always review: sensitive topics always go to a person, whatever the confidence (FR-POLICY-001)',
    });
  });

  it('recommends nothing on too few decisions or too few rejections', () => {
    const few = judgeCalibration(
      spread(12, 0.7, 0.9).map((confidence, index) => own(confidence, index % 2 === 0)),
      DEFAULT_THRESHOLDS,
    ).by_policy[0]?.recommendation;
    expect(few).toMatchObject({
      status: 'not-enough-decisions',
      outcome: null,
      explanation: 'not enough decisions (12 of 30 needed)',
    });
    const approvedAll = judgeCalibration(
      spread(40, 0.7, 0.9).map((confidence, index) => own(confidence, index > 1)),
      DEFAULT_THRESHOLDS,
    ).by_policy[0]?.recommendation;
    expect(approvedAll?.explanation).toBe('not enough rejections (2 of 5 needed)');
    const lowered = judgeCalibration(
      spread(12, 0.7, 0.9).map((confidence, index) => own(confidence, index % 2 === 0)),
      DEFAULT_THRESHOLDS,
      { minDecisions: 10 },
    ).by_policy[0]?.recommendation;
    expect(lowered?.status).toBe('threshold');
  });

  it('recommends nothing when even 1.00 would miss too many rejections', () => {
    const decisions = [
      ...Array.from({ length: 5 }, () => by('brand-safety', 1, false)),
      ...spread(30, 0.7, 1).map((confidence) => by('brand-safety', confidence, true)),
    ];
    const recommendation = judgeCalibration(decisions, DEFAULT_THRESHOLDS).by_policy[0]
      ?.recommendation;
    expect(recommendation).toMatchObject({
      status: 'no-threshold',
      outcome: null,
      explanation:
        'no threshold from 0.70 to 1.00 keeps the rejection recall at 0.99 or more: keep reviewing',
    });
  });

  it('rounds escalateAt up onto the grid without floating-point drift', () => {
    const decisions = [
      ...spread(5, 0.1, 0.2).map((confidence) => by('brand-safety', confidence, false)),
      ...spread(30, 0.3, 1).map((confidence) => by('brand-safety', confidence, true)),
    ];
    const at = (escalateAt: number) =>
      judgeCalibration(decisions, { approveAt: 0.9, escalateAt }).by_policy[0]?.recommendation
        .outcome?.threshold;
    expect(at(0.29)).toBe(0.29);
    expect(at(0.285)).toBe(0.29);
    expect(at(0.7)).toBe(0.7);
  });
});

describe('thresholdOutcome', () => {
  it('counts the reviews still needed below the threshold and the rejections at or above it', () => {
    expect(
      thresholdOutcome([own(0.75, false), own(0.8, false), own(0.8, true), own(0.85, true)], 0.8),
    ).toEqual({
      threshold: 0.8,
      reviews_needed: 1,
      reviews_taken: 4,
      rejections_missed: 1,
      rejection_recall: 0.5,
    });
    expect(thresholdOutcome([own(0.75, true)], 0.8).rejection_recall).toBeNull();
  });
});
