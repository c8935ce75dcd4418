// One agent of the fleet: state, today's spend against the daily cap, wallet balance, tasks in
// flight, last post, and (for operators) freeze or unfreeze.

import { useId } from 'react';
import type { FleetAgent } from '../api/wire-types';
import { formatUsd } from '../ui/format';
import { TimeAgo } from '../ui/TimeAgo';
import { WalletBalance } from './WalletBalance';

export function AgentCard(props: {
  agent: FleetAgent;
  canOperate: boolean;
  busy: boolean;
  onSetFrozen: (frozen: boolean) => void;
}) {
  const { agent } = props;
  const titleId = useId();
  const frozen = agent.state === 'frozen';
  const spent = Number(agent.spent_today ?? 0);
  const cap = agent.daily_cap === null ? null : Number(agent.daily_cap);
  return (
    <article className="card agent-card" aria-labelledby={titleId} data-state={agent.state}>
      <header className="card-head">
        <h2 id={titleId} className="card-title">
          {agent.name} <span className="muted">({agent.id})</span>
        </h2>
        <span className={`chip chip-${agent.state}`}>{agent.state}</span>
      </header>
      <dl className="facts">
        <dt>Spent today</dt>
        <dd>
          {agent.spent_today === null
            ? 'nothing yet'
            : `${formatUsd(agent.spent_today)}${cap === null ? '' : ` of ${formatUsd(agent.daily_cap ?? '0')}`}`}
          {cap !== null && cap > 0 && (
            <meter
              min={0}
              max={cap}
              low={cap * 0.7}
              high={cap * 0.9}
              optimum={0}
              value={Math.min(spent, cap)}
              aria-label={`${agent.name}'s spend against the daily cap`}
            />
          )}
        </dd>
        <dt>Wallet</dt>
        <dd>
          <WalletBalance agentId={agent.id} />
        </dd>
        <dt>Tasks in flight</dt>
        <dd>{agent.tasks_in_flight}</dd>
        <dt>Last post</dt>
        <dd>{agent.last_post_at ? <TimeAgo iso={agent.last_post_at} /> : 'none yet'}</dd>
      </dl>
      {props.canOperate && (
        <div className="actions">
          <button
            type="button"
            className="button"
            disabled={props.busy}
            onClick={() => props.onSetFrozen(!frozen)}
          >
            {frozen ? `Unfreeze ${agent.name}` : `Freeze ${agent.name}`}
          </button>
        </div>
      )}
    </article>
  );
}
