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
    const views = this.deps.store.tenantViews;
    const [agents, open, lastPosts, pending, budgets] = await Promise.all([
      views.listAgents(actor.tenantId),
      views.countOpenTasksByAgent(actor.tenantId),
      views.lastPostAt(actor.tenantId),
      views.listReviews(actor.tenantId, { status: 'pending', limit: 10_000 }),
      this.deps.store.cfo.listCurrentBudgets(undefined, actor.tenantId),
    ]);
    const byState: Record<FleetState, number> = {
      frozen: 0,
      judging: 0,
      working: 0,
      planning: 0,
      sleeping: 0,
    };
    let queueDepth = 0;
    const fleet = agents.map((agent): FleetAgent => {
      const counts: Record<string, number> = {};
      for (const row of open.filter((item) => item.agent_id === agent.id)) {
        counts[row.status] = row.count;
        if (row.status === 'queued') queueDepth += row.count;
      }
      const state = fleetState(agent.status === 'frozen', counts);
      byState[state] += 1;
      const daily = budgets.find(
        (row) => row.agent_id === agent.id && row.period === 'daily' && row.category === 'all',
      );
      return {
        id: agent.id,
        name: agent.name,
        state,
        tasks_in_flight: Object.values(counts).reduce((sum, n) => sum + n, 0),
        spent_today: daily ? usd(daily.spent) : null,
        daily_cap: daily ? usd(daily.limit) : null,
        last_post_at: lastPosts.get(agent.id) ?? null,
      };
    });
    return {
      agents: fleet,
      by_state: byState,
      queue_depth: queueDepth,
      reviews_waiting: pending.length,
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
