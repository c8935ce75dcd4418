// Budgets per agent: for each period and category, what is spent, reserved (approved spends not
// settled yet) and remaining against the limit, in words and as a meter.

import { useId } from 'react';
import type { Budget } from '../api/money-endpoints';
import { formatUsd } from '../ui/format';

export function BudgetCards(props: { budgets: Budget[] }) {
  const agents = [...new Set(props.budgets.map((budget) => budget.agent_id))].sort();
  if (agents.length === 0) return <p className="empty">No budget yet: no agent has spent.</p>;
  return (
    <ul className="cards budget-cards" aria-label="Budgets by agent">
      {agents.map((agent) => (
        <li key={agent}>
          <AgentBudgets
            agent={agent}
            lines={props.budgets.filter((budget) => budget.agent_id === agent)}
          />
        </li>
      ))}
    </ul>
  );
}

function AgentBudgets(props: { agent: string; lines: Budget[] }) {
  const titleId = useId();
  return (
    <article className="card budget-card" aria-labelledby={titleId}>
      <h3 id={titleId} className="card-title">
        {props.agent}
      </h3>
      {props.lines.map((line) => (
        <BudgetLine key={`${line.period}-${line.category}-${line.period_start}`} line={line} />
      ))}
    </article>
  );
}

function BudgetLine(props: { line: Budget }) {
  const { line } = props;
  const limit = Number(line.limit);
  const used = Number(line.spent) + Number(line.reserved);
  const title = `${line.period[0]?.toUpperCase()}${line.period.slice(1)}, ${line.category === 'all' ? 'all spending' : line.category}`;
  return (
    <section className="budget-line" aria-label={`${props.line.agent_id}: ${title}`}>
      <p className="budget-period">
        <strong>{title}</strong> <span className="muted">from {line.period_start}</span>
      </p>
      <dl className="budget-figures">
        <div>
          <dt>Spent</dt>
          <dd>{formatUsd(line.spent)}</dd>
        </div>
        <div>
          <dt>Reserved</dt>
          <dd>{formatUsd(line.reserved)}</dd>
        </div>
        <div>
          <dt>Remaining</dt>
          <dd>{formatUsd(line.remaining)}</dd>
        </div>
        <div>
          <dt>Limit</dt>
          <dd>{formatUsd(line.limit)}</dd>
        </div>
      </dl>
      {limit > 0 && (
        <meter
          min={0}
          max={limit}
          low={limit * 0.7}
          high={limit * 0.9}
          optimum={0}
          value={Math.min(used, limit)}
          aria-label={`${props.line.agent_id}'s ${line.period} spent and reserved against the limit`}
        />
      )}
    </section>
  );
}
