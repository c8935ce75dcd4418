// The agent network as this deployment sees it (viewer): the live peers, each with its
// capabilities, status and reputation as its latest heartbeat stated them. The registry is
// deployment-wide, not per tenant: every tenant's viewers see the same peers. Heartbeats are
// verified and recorded by network/discovery, never through here. Operators put the node to
// sleep for maintenance (its /a2a endpoint answers 503) and wake it, audited.

import { type Actor, actorLabel } from '../domain/actor.js';
import { InputError } from '../domain/errors.js';
import { Capability } from '../domain/network/heartbeat.js';
import type { NetworkPeer } from '../store/store.js';
import { requireRole } from './access-check.js';
import type { ServiceDependencies } from './service-dependencies.js';

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
