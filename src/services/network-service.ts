// The agent network as this deployment sees it (viewer): the live peers, each with its
// capabilities, status and reputation as its latest heartbeat stated them. The registry is
// deployment-wide, not per tenant: every tenant's viewers see the same peers. Heartbeats are
// verified and recorded by network/discovery, never through here. Operators put the node to
// sleep for maintenance (its /a2a endpoint answers 503) and wake it, audited.

import { type Actor, actorLabel } from '../domain/actor.js';
import { InputError } from '../domain/errors.js';
import type { Receipt } from '../domain/network/handshake.js';
import { Capability } from '../domain/network/heartbeat.js';
import type { NetworkPeer } from '../store/store.js';
import { found, requireRole } from './access-check.js';
import type { ServiceDependencies } from './service-dependencies.js';

/** A hire as an operator asks for it. */
export interface HireRequestInput {
  agent_id: string;
  skill: string;
  input: Record<string, unknown>;
  /** The provider's base URL; without it, the live peers offering the skill are tried. */
  provider_url?: string | undefined;
}

/** How a hire ended, as people and other surfaces read it. */
export interface HireResult {
  status: 'settled' | 'refunded' | 'declined' | 'awaiting-approval';
  task_id: string;
  reason?: string;
  output?: Record<string, unknown>;
  receipt?: Receipt;
  /** The peers tried, in order, when no provider was named. */
  providers?: string[];
}

/** A live peer, as people and other surfaces read it: the registry's record without its key. */
export type PeerView = Omit<NetworkPeer, 'public_jwk'>;

export class NetworkService {
  constructor(private readonly deps: ServiceDependencies) {}

  /** The peers live now, with `capability` if given; highest reputation first. */
  async peers(actor: Actor, filter: { capability?: string | undefined } = {}): Promise<PeerView[]> {
    requireRole(actor, 'viewer', 'listing network peers');
    const { capability } = filter;
    if (capability !== undefined && !Capability.safeParse(capability).success) {
      throw new InputError(
        `capability: '${capability}' is not a skill name; give one such as scout.analyze`,
        { context: { field: 'capability' } },
      );
    }
    const now = this.deps.now?.() ?? new Date();
    const peers = await this.deps.store.network.listLive(now, { capability });
    return peers.map(({ public_jwk: _key, ...peer }) => peer);
  }

  /**
   * Has the caller's tenant's agent hire `skill` from another node: from `provider_url`, or from
   * the live peers offering it, highest reputation first, falling back when one fails. The CFO
   * approves the payment as any of the agent's spends (a person over $20: the hire then waits,
   * 'awaiting-approval'). Audited.
   */
  async hire(actor: Actor, order: HireRequestInput): Promise<HireResult> {
    requireRole(actor, 'operator', 'hiring another node');
    found(
      await this.deps.store.tenantViews.getAgent(actor.tenantId, order.agent_id),
      'agent',
      order.agent_id,
    );
    const hirer = await this.deps.hirer();
    const base = {
      tenantId: actor.tenantId,
      agentId: order.agent_id,
      skill: order.skill,
      input: order.input,
    };
    const outcome = order.provider_url
      ? { ...(await hirer.hire({ ...base, providerUrl: order.provider_url })), providers: [] }
      : await hirer.hireFromNetwork(base);
    await this.deps.store.audit.write({
      actor: actorLabel(actor),
      tenant_id: actor.tenantId,
      action: 'network.hire',
      subject_type: 'agent',
      subject_id: order.agent_id,
      detail: {
        skill: order.skill,
        a2a_task_id: outcome.taskId,
        after: { status: outcome.status },
      },
    });
    return {
      status: outcome.status,
      task_id: outcome.taskId,
      ...('reason' in outcome && { reason: outcome.reason }),
      ...('output' in outcome && { output: outcome.output, receipt: outcome.receipt.receipt }),
      ...(outcome.providers.length > 0 && { providers: outcome.providers }),
    };
  }

  /**
   * Puts this node to sleep (`sleeping` true) or wakes it. Other nodes' requests to it get 503
   * with Retry-After while it sleeps; hires already running finish.
   */
  async setSleeping(
    actor: Actor,
    sleeping: boolean,
  ): Promise<{ node_id: string; sleeping: boolean; changed: boolean }> {
    requireRole(actor, 'operator', sleeping ? 'putting the node to sleep' : 'waking the node');
    const { store } = this.deps;
    const nodeId = await this.deps.nodeId();
    const at = this.deps.now?.() ?? new Date();
    const changed = await store.transaction(async (tx) => {
      const moved = await tx.network.setSleeping(nodeId, sleeping, actorLabel(actor), at);
      if (moved) {
        await tx.audit.write({
          actor: actorLabel(actor),
          tenant_id: actor.tenantId,
          action: sleeping ? 'network.sleep' : 'network.wake',
          subject_type: 'node',
          subject_id: nodeId,
          detail: { before: { sleeping: !sleeping }, after: { sleeping } },
        });
      }
      return moved;
    });
    return { node_id: nodeId, sleeping, changed };
  }
}
