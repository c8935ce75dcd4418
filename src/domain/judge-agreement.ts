// Judge–human agreement: of the results the Judge escalated and a person then decided, how often
// the person approved, by the policy that escalated, by the Judge's confidence band, and by day.
// A high approval rate in a band says the Judge sends people work they wave through (its
// threshold may be too cautious there); a low one says it was right to ask. Pure: the decisions
// come from the store.

/** One escalated result a person decided. */
export interface DecidedEscalation {
  /** The Judge's reasons for escalating; "policy: message", or a bare message for its own. */
  reasons: readonly string[];
  /** The confidence of the result under review. */
  confidence: number;
  approved: boolean;
  decided_at: Date;
}

/** How many were decided, how many approved, and the share approved (null when none). */
export interface Tally {
  decided: number;
  approved: number;
  approval_rate: number | null;
}

/** A confidence band, [from, to). */
export interface ConfidenceBand {
  label: string;
  from: number;
  to: number;
}

/**
 * The bands: below the reject line, the escalation zone in steps of 0.05, and the approve zone
 * (where only a policy escalates).
 */
export const CONFIDENCE_BANDS: readonly ConfidenceBand[] = [
  { label: '< 0.70', from: 0, to: 0.7 },
  { label: '0.70–0.75', from: 0.7, to: 0.75 },
  { label: '0.75–0.80', from: 0.75, to: 0.8 },
  { label: '0.80–0.85', from: 0.8, to: 0.85 },
  { label: '0.85–0.90', from: 0.85, to: 0.9 },
  { label: '≥ 0.90', from: 0.9, to: Number.POSITIVE_INFINITY },
];

/** The Judge's own checks, when a reason names no policy. */
export const JUDGE_OWN_POLICY = 'judge';

export interface JudgeAgreement {
  overall: Tally;
  /** Each policy that escalated at least one decided item, most decided first. */
  by_policy: Array<Tally & { policy: string }>;
  /** Every band, in order, empty ones included. */
  by_band: Array<Tally & { band: string; from: number; to: number | null }>;
  /** Each UTC day with a decision, oldest first. */
  by_day: Array<Tally & { day: string }>;
}

/** The policy a reason names: "sensitive-topics: …" → "sensitive-topics"; else the Judge's. */
export function reasonPolicy(reason: string): string {
  return /^([a-z][a-z0-9-]*[a-z0-9]): /.exec(reason)?.[1] ?? JUDGE_OWN_POLICY;
}

/** The index in `CONFIDENCE_BANDS` of the band holding `confidence` (the lowest when none). */
export function confidenceBandIndex(confidence: number): number {
  const band = CONFIDENCE_BANDS.findIndex(
    (each) => confidence >= each.from && confidence < each.to,
  );
  return Math.max(0, band);
}

export function judgeAgreement(decisions: readonly DecidedEscalation[]): JudgeAgreement {
  const overall = counter();
  const byPolicy = new Map<string, ReturnType<typeof counter>>();
  const byBand = CONFIDENCE_BANDS.map(() => counter());
  const byDay = new Map<string, ReturnType<typeof counter>>();
  for (const decision of decisions) {
    overall.add(decision.approved);
    const policies = new Set(decision.reasons.map(reasonPolicy));
    if (policies.size === 0) policies.add(JUDGE_OWN_POLICY);
    for (const policy of policies) entry(byPolicy, policy).add(decision.approved);
    byBand[confidenceBandIndex(decision.confidence)]?.add(decision.approved);
    entry(byDay, decision.decided_at.toISOString().slice(0, 10)).add(decision.approved);
  }
  return {
    overall: overall.tally(),
    by_policy: [...byPolicy]
      .map(([policy, count]) => ({ policy, ...count.tally() }))
      .sort((a, b) => b.decided - a.decided || a.policy.localeCompare(b.policy)),
    by_band: CONFIDENCE_BANDS.map((band, index) => ({
      band: band.label,
      from: band.from,
      to: Number.isFinite(band.to) ? band.to : null,
      ...(byBand[index] ?? counter()).tally(),
    })),
    by_day: [...byDay]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([day, count]) => ({ day, ...count.tally() })),
  };
}

function counter() {
  let decided = 0;
  let approved = 0;
  return {
    add(wasApproved: boolean) {
      decided += 1;
      if (wasApproved) approved += 1;
    },
    tally: (): Tally => ({
      decided,
      approved,
      approval_rate: decided === 0 ? null : approved / decided,
    }),
  };
}

function entry<K>(map: Map<K, ReturnType<typeof counter>>, key: K) {
  let found = map.get(key);
  if (!found) {
    found = counter();
    map.set(key, found);
  }
  return found;
}
