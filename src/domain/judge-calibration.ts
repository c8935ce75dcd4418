// Judge calibration: from the escalations people decided, per policy and confidence band how often
// they approved, and per policy the lowest confidence from which its results could have skipped
// review while people's rejections would still have been caught. Pure, and it only recommends: it
// never changes a threshold (the caller names the setting a person may change).

import {
  CONFIDENCE_BANDS,
  confidenceBandIndex,
  type DecidedEscalation,
  JUDGE_OWN_POLICY,
  reasonPolicy,
} from './judge-agreement.js';
import type { JudgeThresholds } from './judge-routing.js';

/** What a recommendation must satisfy, and the evidence it needs. */
export interface CalibrationOptions {
  /**
   * The share of people's rejections a recommended threshold must still send to a person
   * (rejection recall), 0..1.
   * @defaultValue 0.99
   */
  targetRejectionRecall?: number;
  /**
   * Fewest decided escalations of a policy before it gets a recommendation.
   * @defaultValue 30
   */
  minDecisions?: number;
  /**
   * Fewest rejections among them: with none, every threshold keeps the rejection recall.
   * @defaultValue 5
   */
  minRejections?: number;
}

export const DEFAULT_CALIBRATION_OPTIONS: Required<CalibrationOptions> = {
  targetRejectionRecall: 0.99,
  minDecisions: 30,
  minRejections: 5,
};

/**
 * Policies whose escalations always go to a person by platform rule, with the reason a person
 * reads: they are reported but never get a threshold.
 */
export const ALWAYS_REVIEWED_POLICIES: Readonly<Record<string, string>> = {
  'sensitive-topics':
    'sensitive topics always go to a person, whatever the confidence (FR-POLICY-001)',
};

/**
 * Decided escalations counted. `approval_rate` is the agreement rate, as in judge-agreement.ts:
 * approved / decided, the share of the escalations the person approved (null when none). A rate
 * near 1 in a band says people wave those results through; a low one says the review caught
 * something.
 */
export interface CalibrationTally {
  decided: number;
  approved: number;
  rejected: number;
  approval_rate: number | null;
}

/**
 * What a policy's threshold would have done to the decided escalations of the window, had its
 * results at or above it skipped review (been approved without a person).
 */
export interface ThresholdOutcome {
  /** The threshold, on the 0.01 grid. */
  threshold: number;
  /** Escalations below the threshold: those a person would still have decided. */
  reviews_needed: number;
  /** Escalations people actually decided (all of them). */
  reviews_taken: number;
  /** Rejections at or above the threshold, which would have gone out unreviewed. */
  rejections_missed: number;
  /**
   * The rejection recall: of the escalations people rejected, the share below the threshold (so
   * still sent to a person); null when there were none. (Not an agent's memory recall.)
   */
  rejection_recall: number | null;
}

/**
 * A policy's recommendation. `threshold`: the lowest threshold whose rejection recall reaches the
 * target; `always-review`: a platform rule forbids one; `not-enough-decisions`: too few decisions
 * or rejections; `no-threshold`: no threshold on the grid reaches the target, keep reviewing.
 */
export interface PolicyRecommendation {
  status: 'threshold' | 'always-review' | 'not-enough-decisions' | 'no-threshold';
  /** The recommended threshold's outcome; null unless `status` is 'threshold'. */
  outcome: ThresholdOutcome | null;
  /**
   * The Judge setting the threshold is for: 'approveAt' for the Judge's own band rule; null for a
   * policy, whose threshold no setting holds yet (it escalates whatever the confidence).
   */
  setting: keyof JudgeThresholds | null;
  /** The setting's current value; null when there is no setting. */
  current: number | null;
  /** One sentence on why this, or why nothing. */
  explanation: string;
}

export interface PolicyCalibration extends CalibrationTally {
  /** The policy named in a reason ("sensitive-topics: …"), or `judge` for the band rule. */
  policy: string;
  /** Every band of `CONFIDENCE_BANDS`, in order, empty ones included. */
  by_band: Array<CalibrationTally & { band: string; from: number; to: number | null }>;
  recommendation: PolicyRecommendation;
}

export interface JudgeCalibration {
  /** The thresholds in force, which the recommendations start from. */
  thresholds: JudgeThresholds;
  /** `CalibrationOptions.targetRejectionRecall` as applied. */
  target_rejection_recall: number;
  /** `CalibrationOptions.minDecisions` as applied. */
  min_decisions: number;
  /** `CalibrationOptions.minRejections` as applied. */
  min_rejections: number;
  /** Each policy that escalated at least one decided item, most decided first. */
  by_policy: PolicyCalibration[];
}

/**
 * Calibrates the Judge on `decisions`. Each policy is weighed alone, as if it were the only reason
 * its items were escalated: an item two policies escalated counts for both. The threshold grid
 * runs in steps of 0.01 from `thresholds.escalateAt` (rounded up) to 1.00; the rejection recall
 * only grows along it, so the first threshold that reaches the target is the lowest.
 */
export function judgeCalibration(
  decisions: readonly DecidedEscalation[],
  thresholds: JudgeThresholds,
  options: CalibrationOptions = {},
): JudgeCalibration {
  const settings = { ...DEFAULT_CALIBRATION_OPTIONS, ...options };
  const byPolicy = new Map<string, DecidedEscalation[]>();
  for (const decision of decisions) {
    const policies = new Set(decision.reasons.map(reasonPolicy));
    if (policies.size === 0) policies.add(JUDGE_OWN_POLICY);
    for (const policy of policies) {
      const items = byPolicy.get(policy) ?? [];
      items.push(decision);
      byPolicy.set(policy, items);
    }
  }
  return {
    thresholds: { ...thresholds },
    target_rejection_recall: settings.targetRejectionRecall,
    min_decisions: settings.minDecisions,
    min_rejections: settings.minRejections,
    by_policy: [...byPolicy]
      .map(([policy, items]) => ({
        policy,
        ...tally(items),
        by_band: CONFIDENCE_BANDS.map((band, index) => ({
          band: band.label,
          from: band.from,
          to: Number.isFinite(band.to) ? band.to : null,
          ...tally(items.filter((item) => confidenceBandIndex(item.confidence) === index)),
        })),
        recommendation: recommend(policy, items, thresholds, settings),
      }))
      .sort((a, b) => b.decided - a.decided || a.policy.localeCompare(b.policy)),
  };
}

/** The outcome of skipping review for `items` at or above `threshold`. */
export function thresholdOutcome(
  items: readonly DecidedEscalation[],
  threshold: number,
): ThresholdOutcome {
  const rejected = items.filter((item) => !item.approved).length;
  const missed = items.filter((item) => !item.approved && item.confidence >= threshold).length;
  return {
    threshold,
    reviews_needed: items.filter((item) => item.confidence < threshold).length,
    reviews_taken: items.length,
    rejections_missed: missed,
    rejection_recall: rejected === 0 ? null : (rejected - missed) / rejected,
  };
}

function recommend(
  policy: string,
  items: readonly DecidedEscalation[],
  thresholds: JudgeThresholds,
  settings: Required<CalibrationOptions>,
): PolicyRecommendation {
  const own = policy === JUDGE_OWN_POLICY;
  const setting: PolicyRecommendation['setting'] = own ? 'approveAt' : null;
  const current = own ? thresholds.approveAt : null;
  const none = (
    status: PolicyRecommendation['status'],
    explanation: string,
  ): PolicyRecommendation => ({
    status,
    outcome: null,
    setting,
    current,
    explanation,
  });
  const rule = ALWAYS_REVIEWED_POLICIES[policy];
  if (rule) return none('always-review', `always review: ${rule}`);
  const rejected = items.filter((item) => !item.approved).length;
  if (items.length < settings.minDecisions) {
    return none(
      'not-enough-decisions',
      `not enough decisions (${items.length} of ${settings.minDecisions} needed)`,
    );
  }
  if (rejected < settings.minRejections) {
    return none(
      'not-enough-decisions',
      `not enough rejections (${rejected} of ${settings.minRejections} needed)`,
    );
  }
  const start = Math.ceil(Number((thresholds.escalateAt * 100).toFixed(6)));
  for (let cents = start; cents <= 100; cents += 1) {
    const outcome = thresholdOutcome(items, cents / 100);
    if ((outcome.rejection_recall ?? 0) >= settings.targetRejectionRecall) {
      return {
        status: 'threshold',
        outcome,
        setting,
        current,
        explanation: explain(outcome, current),
      };
    }
  }
  return none(
    'no-threshold',
    `no threshold from ${(start / 100).toFixed(2)} to 1.00 keeps the rejection recall at ${settings.targetRejectionRecall} or more: keep reviewing`,
  );
}

/** `current` is the Judge's approveAt for its own rule, null for a policy (no setting). */
function explain(outcome: ThresholdOutcome, current: number | null): string {
  const recall = outcome.rejection_recall === null ? 'n/a' : outcome.rejection_recall.toFixed(3);
  const effect =
    `skipping review at ${outcome.threshold.toFixed(2)} or above would have needed ` +
    `${outcome.reviews_needed} of the ${outcome.reviews_taken} reviews taken and missed ` +
    `${outcome.rejections_missed} rejection(s) (recall ${recall})`;
  if (current === null) {
    return `${effect}; no setting holds a policy's threshold (it escalates whatever the confidence), so this is evidence, not a setting`;
  }
  const change =
    outcome.threshold < current ? 'lower' : outcome.threshold > current ? 'raise' : 'keep';
  return change === 'keep'
    ? `keep approveAt at ${current.toFixed(2)}: ${effect}`
    : `${change} approveAt from ${current.toFixed(2)} to ${outcome.threshold.toFixed(2)}: ${effect}`;
}

function tally(items: readonly DecidedEscalation[]): CalibrationTally {
  const approved = items.filter((item) => item.approved).length;
  return {
    decided: items.length,
    approved,
    rejected: items.length - approved,
    approval_rate: items.length === 0 ? null : approved / items.length,
  };
}
