// A spend review's facts: the amount asked and what it is for, the agent's daily cap with what is
// spent and reserved today (from GET /api/v1/budgets), and the CFO's projected ROI and risk score.

import type { Budget } from '../api/money-endpoints';
import type { ReviewItem } from '../api/wire-types';
import { formatMinorUnits, formatUsd } from '../ui/format';

export function SpendFacts(props: {
  spend: NonNullable<ReviewItem['spend']>;
  /** The agent's daily budget line; undefined when none is recorded, null while loading. */
  daily: Budget | undefined | null;
}) {
  const { spend, daily } = props;
  const { roi, risk_score: risk } = spend.decision;
  return (
    <dl className="facts spend-facts">
      <dt>Amount</dt>
      <dd>{formatMinorUnits(spend.amount, spend.currency)}</dd>
      <dt>For</dt>
      <dd>{spend.request_type.replace(/_/g, ' ')}</dd>
      <dt>Daily cap</dt>
      <dd>{daily === null ? 'loading…' : daily ? formatUsd(daily.limit) : 'none recorded'}</dd>
      <dt>Spent today</dt>
      <dd>{daily ? formatUsd(daily.spent) : '–'}</dd>
      <dt>Reserved today</dt>
      <dd>
        {daily ? formatUsd(daily.reserved) : '–'}
        {daily && spend.status === 'reserved' && (
          <span className="muted"> (this request included)</span>
        )}
      </dd>
      <dt>ROI</dt>
      <dd>{roi === undefined ? 'no revenue projected' : `${roi.toFixed(2)}× projected`}</dd>
      <dt>Risk score</dt>
      <dd>
        {risk.toFixed(2)} <span className="muted">of 1</span>
      </dd>
    </dl>
  );
}
