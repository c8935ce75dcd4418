// The fleet at a glance (viewer): each agent's state, its work in flight and today's spend, the
// queue depth and the reviews waiting. And the tenant-wide kill switch (operator): freeze every
// agent of the tenant at once, and unfreeze them.

import { type Actor, actorLabel } from '../domain/actor.js';
import { type FleetState, fleetState } from '../domain/fleet-state.js';
import { decimalText, money } from '../domain/money.js';
import { wakePlanner } from '../swarm/dispatch.js';
import { requireRole } from './access-check.js';
import type { ServiceDependencies } from './service-dependencies.js';

/** One agent in the fleet view. */
export interface FleetAgent {
  id: string;
  name: string;
  state: FleetState;
  /** Open tasks (pending to awaiting review) in active campaigns. */
  tasks_in_flight: number;
  /** Today's spend and daily cap in USD, when the agent has spent anything. */
  spent_today: string | null;
  daily_cap: string | null;
  last_post_at: Date | null;
}

export interface FleetStatus {
  agents: FleetAgent[];
  by_state: Record<FleetState, number>;
  /** Tasks queued for a worker. */
  queue_depth: number;
  reviews_waiting: number;
}

export class FleetService {
  constructor(private readonly deps: ServiceDependencies) {}

  async status(actor: Actor): Promise<FleetStatus> {
    const view = await this.deps.store.tenantViews.fleetView(actor.tenantId);
    const byState: Record<FleetState, number> = {
      frozen: 0,
      judging: 0,
      working: 0,
      planning: 0,
      sleeping: 0,
    };
    let queueDepth = 0;
    const fleet = view.agents.map(({ agent, open_tasks, last_post_at, daily }): FleetAgent => {
      queueDepth += open_tasks.queued ?? 0;
      const state = fleetState(agent.status === 'frozen', open_tasks);
      byState[state] += 1;
      return {
        id: agent.id,
        name: agent.name,
        state,
        tasks_in_flight: Object.values(open_tasks).reduce((sum, n) => sum + n, 0),
        spent_today: daily ? usd(daily.spent) : null,
        daily_cap: daily ? usd(daily.limit) : null,
        last_post_at,
      };
    });
    return {
      agents: fleet,
      by_state: byState,
      queue_depth: queueDepth,
      reviews_waiting: view.reviews_waiting,
    };
  }

  /**
   * The kill switch: freezes every agent of the tenant in one statement (their spending and new
   * work stop at once), or unfreezes them and wakes their campaigns. Returns the agents changed.
   */
  async setFrozen(actor: Actor, frozen: boolean): Promise<{ agents: string[] }> {
    requireRole(actor, 'operator', frozen ? 'freezing the fleet' : 'unfreezing the fleet');
    return this.deps.store.transaction(async (tx) => {
      const changed = await tx.tenantViews.freezeAll(actor.tenantId, frozen);
      await tx.audit.write({
        actor: actorLabel(actor),
        tenant_id: actor.tenantId,
        action: frozen ? 'fleet.freeze' : 'fleet.unfreeze',
        subject_type: 'tenant',
        subject_id: actor.tenantId,
        detail: {
          before: { [frozen ? 'active' : 'frozen']: changed },
          after: { [frozen ? 'frozen' : 'active']: changed },
        },
      });
      if (!frozen && changed.length > 0) {
        for (const campaign of await tx.tenantViews.listCampaigns(actor.tenantId, 10_000)) {
          if (campaign.status === 'active') await wakePlanner(tx, campaign.id);
        }
      }
      return { agents: changed };
    });
  }
}

/** Budget money (micro-USDC) as dollars. */
function usd(units: bigint): string {
  return decimalText(money(units, 'USDC'));
}
