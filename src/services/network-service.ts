// The agent network as this deployment sees it (viewer): the live peers, each with its
// capabilities, status and reputation as its latest heartbeat stated them. The registry is
// deployment-wide, not per tenant: every tenant's viewers see the same peers. Heartbeats are
// verified and recorded by network/discovery, never through here.

import type { Actor } from '../domain/actor.js';
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
}
