// The fleet: every agent with its state, today's spend against its cap, its tasks in flight and
// its last post, kept live; operators freeze and unfreeze one agent, or all of them at once
// behind a confirmation (the tenant's kill switch).

import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/client';
import { api } from '../api/endpoints';
import type { Fleet } from '../api/wire-types';
import { useLiveRefresh } from '../live/use-live-refresh';
import { mayAct, useSession } from '../session/session';
import { useAnnounce } from '../ui/announcer';
import { PageHeading } from '../ui/PageHeading';
import { AgentCard } from './AgentCard';
import { KillSwitch } from './KillSwitch';

export function FleetPage() {
  const session = useSession();
  const canOperate = mayAct(session.role, 'operator');
  const announce = useAnnounce();
  const [fleet, setFleet] = useState<Fleet | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const refresh = useCallback(() => {
    api.fleet().then(
      (answer) => {
        setFleet(answer);
        setError(null);
      },
      (failure: unknown) => setError(errorMessage(failure)),
    );
  }, []);
  useEffect(() => refresh(), [refresh]);
  useLiveRefresh(
    ['connected', 'task-state', 'spend', 'post-published', 'review-opened', 'review-decided'],
    refresh,
  );

  const change = async (key: string, work: () => Promise<string>) => {
    setBusy(key);
    try {
      announce(await work());
      setError(null);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(null);
      refresh();
    }
  };

  const setAgentFrozen = (agentId: string, name: string, frozen: boolean) =>
    change(agentId, async () => {
      await api.setAgentFrozen(agentId, frozen);
      return `${name} is ${frozen ? 'frozen' : 'active again'}.`;
    });

  const setFleetFrozen = (frozen: boolean) =>
    change('fleet', async () => {
      const { agents } = await api.setFleetFrozen(frozen);
      const count = `${agents.length} ${agents.length === 1 ? 'agent' : 'agents'}`;
      return frozen ? `Froze ${count}.` : `Unfroze ${count}.`;
    });

  return (
    <>
      <PageHeading title="Fleet" />
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {!fleet && !error && <p className="muted">Loading the fleet…</p>}
      {fleet && (
        <>
          <dl className="summary" aria-label="Fleet summary">
            {Object.entries(fleet.by_state).map(([state, count]) => (
              <div key={state}>
                <dt>{state}</dt>
                <dd>{count}</dd>
              </div>
            ))}
            <div>
              <dt>queued tasks</dt>
              <dd>{fleet.queue_depth}</dd>
            </div>
            <div>
              <dt>reviews waiting</dt>
              <dd>{fleet.reviews_waiting}</dd>
            </div>
          </dl>
          {canOperate && (
            <KillSwitch
              agentCount={fleet.agents.length}
              tenant={session.tenant_id}
              busy={busy === 'fleet'}
              onFreezeAll={() => setFleetFrozen(true)}
              onUnfreezeAll={() => setFleetFrozen(false)}
            />
          )}
          {fleet.agents.length === 0 ? (
            <p className="empty">No agents yet. Add one with `chimera agent add`.</p>
          ) : (
            <ul className="cards agent-cards" aria-label="Agents">
              {fleet.agents.map((agent) => (
                <li key={agent.id}>
                  <AgentCard
                    agent={agent}
                    canOperate={canOperate}
                    busy={busy === agent.id}
                    onSetFrozen={(frozen) => setAgentFrozen(agent.id, agent.name, frozen)}
                  />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}
