// The kill switch: freezing an agent stops its spending (the CFO rejects it) and its new tasks
// (queued ones are held back to pending when claimed; the Planner queues none) at once.
// Unfreezing lets the Planner queue its work again. Both are audited.

import { InputError } from '../domain/errors.js';
import type { Store } from '../store/store.js';
import { wakePlanner } from './dispatch.js';

/** Sets the agent's status; returns false when it already had it. */
export async function setAgentFrozen(
  store: Store,
  agentId: string,
  frozen: boolean,
  actor: string,
  tenantId?: string,
): Promise<boolean> {
  return store.transaction(async (tx) => {
    const agent = await tx.agents.get(agentId);
    if (!agent)
      throw new InputError(`no agent '${agentId}'; 'chimera agent list' shows the agents`);
    const status = frozen ? 'frozen' : 'active';
    if (agent.status === status) return false;
    await tx.agents.upsert({ ...agent, status });
    await tx.audit.write({
      actor,
      tenant_id: tenantId ?? agent.tenant_id ?? null,
      action: frozen ? 'agent.freeze' : 'agent.unfreeze',
      subject_type: 'agent',
      subject_id: agentId,
      detail: { before: { status: agent.status }, after: { status } },
    });
    if (!frozen) {
      for (const campaign of await tx.campaigns.list({ statuses: ['active'] })) {
        if (campaign.agent_ids.includes(agentId)) await wakePlanner(tx, campaign.id);
      }
    }
    return true;
  });
}
