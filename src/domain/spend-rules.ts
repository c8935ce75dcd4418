// The CFO's decision rules for one spend request, in order: (1) reject when spent + reserved +
// amount would exceed any cap; (2) reject when a projected ROI is below 1.5; (3) escalate to a
// person when the amount is over $20 or the risk is over 0.7; (4) otherwise approve. Pure: the
// caller brings the budgets and the signals. Budget money is micro-USD (USDC's 6 decimals).

import { formatMoney, type Money, money } from './money.js';

/** What an agent may spend on. */
export const SPEND_TYPES = [
  'api_call',
  'compute',
  'storage',
  'blockchain',
  'ads',
  'agent_payment',
] as const;
export type SpendType = (typeof SPEND_TYPES)[number];

/** One cap the request counts against: e.g. the daily cap across categories, or weekly ads. */
export interface BudgetCap {
  period: 'daily' | 'weekly' | 'monthly';
  /** The category the cap covers, or 'all'. */
  category: SpendType | 'all';
  limit: Money;
  spent: Money;
  reserved: Money;
}

/** Risk signals, each documented with its weight in `riskScore`. */
export interface RiskSignals {
  /** The agent has never paid this counterparty before (agent payments, transfers). */
  newCounterparty: boolean;
  /**
   * The agent's spend requests of the same category in the last hour, this one excluded: a burst
   * of ad buys is a signal; the many small model calls of a busy day are not ads.
   */
  requestsLastHour: number;
}

/** A request as the rules see it: amount in USD-equivalent micro units. */
export interface SpendCase {
  type: SpendType;
  amount: Money;
  projectedRevenue?: Money | undefined;
  caps: readonly BudgetCap[];
  signals: RiskSignals;
}

export type SpendVerdict = 'approve' | 'escalate' | 'reject';

/** The rules' answer: the verdict, every reason that led to it, the risk and the ROI. */
export interface SpendDecision {
  decision: SpendVerdict;
  reasons: string[];
  /** 0..1 in steps of 0.0001 (computed in basis points, so boundaries are exact). */
  risk_score: number;
  /** (revenue − cost) / cost, rounded to 4 decimals; absent without projected revenue. */
  roi?: number;
}

/** The thresholds of the rules, from the spec. */
export const SPEND_RULES = {
  minRoi: { numerator: 3n, denominator: 2n },
  /** A single amount over this goes to a person. */
  escalateAbove: money(20_000_000n, 'USDC'),
  /** A risk over this (in basis points) goes to a person. */
  escalateRiskAboveBp: 7_000,
} as const;

/** Base risk of each category, in basis points: money that leaves for good weighs more. */
export const CATEGORY_RISK_BP: Record<SpendType, number> = {
  api_call: 500,
  storage: 500,
  compute: 1_000,
  ads: 2_500,
  agent_payment: 3_000,
  blockchain: 3_500,
};

/**
 * Risk in basis points (0..10 000), the sum of four documented signals, capped at 10 000:
 * - amount relative to the tightest daily cap: up to 4 000 (the whole cap);
 * - a new counterparty: 2 000;
 * - velocity: 400 per request of the same category in the last hour beyond 5, up to 2 000;
 * - the category's base risk (`CATEGORY_RISK_BP`).
 */
export function riskScoreBp(spend: SpendCase): number {
  const daily = spend.caps.filter((cap) => cap.period === 'daily');
  const tightest = daily.reduce<bigint | undefined>(
    (smallest, cap) =>
      smallest === undefined || cap.limit.units < smallest ? cap.limit.units : smallest,
    undefined,
  );
  const share =
    tightest === undefined || tightest <= 0n
      ? 4_000
      : Number((spend.amount.units * 4_000n) / tightest);
  const amountBp = Math.min(4_000, Math.max(0, share));
  const counterpartyBp = spend.signals.newCounterparty ? 2_000 : 0;
  const velocityBp = Math.min(2_000, Math.max(0, spend.signals.requestsLastHour - 5) * 400);
  return Math.min(10_000, amountBp + counterpartyBp + velocityBp + CATEGORY_RISK_BP[spend.type]);
}

/** Applies the rules in order to one spend. */
export function decideSpend(spend: SpendCase): SpendDecision {
  const riskBp = riskScoreBp(spend);
  const base = { risk_score: riskBp / 10_000 };
  const roi = spend.projectedRevenue && roiOf(spend.projectedRevenue, spend.amount);
  const withRoi = roi === undefined ? base : { ...base, roi };

  const breaches = spend.caps.flatMap((cap) => {
    if (cap.category !== 'all' && cap.category !== spend.type) return [];
    const total = cap.spent.units + cap.reserved.units + spend.amount.units;
    if (total <= cap.limit.units) return [];
    const scope = cap.category === 'all' ? '' : ` ${cap.category}`;
    return [
      `exceeds ${cap.period}${scope} limit: ${formatMoney(cap.spent)} spent + ${formatMoney(cap.reserved)} reserved + ${formatMoney(spend.amount)} requested > ${formatMoney(cap.limit)}`,
    ];
  });
  if (breaches.length > 0) return { decision: 'reject', reasons: breaches, ...withRoi };

  if (spend.projectedRevenue && !roiReaches(spend.projectedRevenue, spend.amount)) {
    return {
      decision: 'reject',
      reasons: [`ROI ${roi} is below the minimum of 1.5`],
      ...withRoi,
    };
  }

  const escalations: string[] = [];
  if (spend.amount.units > SPEND_RULES.escalateAbove.units) {
    escalations.push(
      `${formatMoney(spend.amount)} is over the ${formatMoney(SPEND_RULES.escalateAbove)} a person must approve`,
    );
  }
  if (riskBp > SPEND_RULES.escalateRiskAboveBp) {
    escalations.push(`risk ${riskBp / 10_000} is over 0.7`);
  }
  if (escalations.length > 0) return { decision: 'escalate', reasons: escalations, ...withRoi };
  return { decision: 'approve', reasons: ['within every cap and threshold'], ...withRoi };
}

/** True when (revenue − cost) / cost ≥ 1.5, compared exactly in integers. */
function roiReaches(revenue: Money, cost: Money): boolean {
  const { numerator, denominator } = SPEND_RULES.minRoi;
  return (revenue.units - cost.units) * denominator >= numerator * cost.units;
}

function roiOf(revenue: Money, cost: Money): number {
  if (cost.units === 0n) return Number.POSITIVE_INFINITY;
  const tenThousandths = ((revenue.units - cost.units) * 10_000n) / cost.units;
  return Number(tenThousandths) / 10_000;
}
