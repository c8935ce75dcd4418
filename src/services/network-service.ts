// The agent network as this deployment sees it (viewer): the live peers, each with its
// capabilities, status and reputation as its latest heartbeat stated them. The registry is
// deployment-wide, not per tenant: every tenant's viewers see the same peers. Heartbeats are
// verified and recorded by network/discovery, never through here.

import type { Actor } from '../domain/actor.js';
import { InputError } from '../domain/errors.js';
import { Capability, type PeerStatus } from '../domain/network/heartbeat.js';
import { requireRole } from './access-check.js';
import type { ServiceDependencies } from './service-dependencies.js';

/** A live peer, as people and other surfaces read it. */
export interface PeerView {
  node_id: string;
  endpoint: string;
  /** Skill names it offers. */
  capabilities: string[];
  /** 0–100, as the node stated it. */
  reputation_score: number;
  status: PeerStatus;
  /** When its latest heartbeat was issued (its clock). */
  issued_at: Date;
  /** When it stops being listed unless it beats again. */
  expires_at: Date;
  /** When this deployment first and last heard from it. */
  first_seen: Date;
  last_seen: Date;
}

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
