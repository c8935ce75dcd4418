// The Judge's pure routing rule: schema problems and policy findings first, then confidence.
// Thresholds are inclusive at the bottom: exactly 0.90 approves, exactly 0.70 escalates.

import type { Verdict } from './verdict.js';

/** Confidence thresholds; `approveAt` ≥ `escalateAt`. */
export interface JudgeThresholds {
  /** Confidence at or above which a result is approved. Default 0.90. */
  approveAt: number;
  /** Confidence at or above which (and below approveAt) a result goes to a human. Default 0.70. */
  escalateAt: number;
}

export const DEFAULT_THRESHOLDS: JudgeThresholds = { approveAt: 0.9, escalateAt: 0.7 };

/** What a policy hook may demand, with the reason a person will read. */
export interface PolicyFinding {
  policy: string;
  action: 'escalate' | 'reject';
  reason: string;
}

/** Decides a verdict. Any schema problem or reject finding rejects; any escalate finding escalates. */
export function routeVerdict(input: {
  confidence: number;
  schemaProblems: readonly string[];
  findings: readonly PolicyFinding[];
  thresholds: JudgeThresholds;
  now: Date;
}): Verdict {
  const { confidence, thresholds } = input;
  const verdict = (decision: Verdict['decision'], reasons: string[]): Verdict => ({
    decision,
    confidence,
    reasons,
    judged_at: input.now,
  });
  if (input.schemaProblems.length > 0) {
    return verdict(
      'reject',
      input.schemaProblems.map((problem) => `output fails acceptance criteria: ${problem}`),
    );
  }
  const rejects = input.findings.filter((finding) => finding.action === 'reject');
  if (rejects.length > 0) return verdict('reject', rejects.map(describeFinding));
  const escalations = input.findings.filter((finding) => finding.action === 'escalate');
  if (escalations.length > 0) return verdict('escalate', escalations.map(describeFinding));
  if (confidence >= thresholds.approveAt) {
    return verdict('approve', [`confidence ${confidence} ≥ ${thresholds.approveAt}`]);
  }
  if (confidence >= thresholds.escalateAt) {
    return verdict('escalate', [
      `confidence ${confidence} is between ${thresholds.escalateAt} and ${thresholds.approveAt}: a human decides`,
    ]);
  }
  return verdict('reject', [`confidence ${confidence} < ${thresholds.escalateAt}`]);
}

function describeFinding(finding: PolicyFinding): string {
  return `${finding.policy}: ${finding.reason}`;
}

/**
 * What raised one reason of a verdict: the policy named at its start, 'confidence' for the
 * confidence band, 'schema' for acceptance criteria, or 'reviewer' for a person's rejection
 * (the inverse of how reasons are written here and by the review desk).
 */
export function reasonSource(reason: string): string {
  if (reason.startsWith('output fails acceptance criteria:')) return 'schema';
  if (reason.startsWith('reviewer ')) return 'reviewer';
  return /^([a-z][a-z0-9-]*): /.exec(reason)?.[1] ?? 'confidence';
}

/** Validates a thresholds pair, returning a problem description or undefined. */
export function thresholdsProblem(thresholds: JudgeThresholds): string | undefined {
  const { approveAt, escalateAt } = thresholds;
  if (!(approveAt >= 0 && approveAt <= 1)) return `approveAt must be in [0, 1], got ${approveAt}`;
  if (!(escalateAt >= 0 && escalateAt <= 1))
    return `escalateAt must be in [0, 1], got ${escalateAt}`;
  if (escalateAt > approveAt)
    return `escalateAt (${escalateAt}) must not exceed approveAt (${approveAt})`;
  return undefined;
}
