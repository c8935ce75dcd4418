// The heartbeat registry within one deployment: a heartbeat is verified (heartbeat-verifier.ts)
// against what the registry holds for its node, then recorded in PostgreSQL, where it keeps the
// node listed for its 90 s TTL. Deployment-wide, not per tenant. It does not gossip or reach other
// deployments (the cross-organisation DHT is not this), and it never deletes a node.

import type { SignedHeartbeat } from '../../domain/network/heartbeat.js';
import type { NetworkRepository } from '../../store/store.js';
import {
  type HeartbeatRejection,
  parseSignedHeartbeat,
  verifySignedHeartbeat,
} from './heartbeat-verifier.js';

/** A heartbeat the registry recorded. */
export interface HeartbeatAcceptance {
  accepted: true;
  signed: SignedHeartbeat;
}

export class HeartbeatRegistry {
  constructor(private readonly peers: NetworkRepository) {}

  /**
   * Verifies `input`, received at `now`, and records it: its node is then listed until the
   * heartbeat's TTL runs out. A refused heartbeat changes nothing and says why.
   */
  async accept(input: unknown, now: Date): Promise<HeartbeatAcceptance | HeartbeatRejection> {
    const parsed = parseSignedHeartbeat(input);
    if ('accepted' in parsed) return parsed;
    const registered = await this.peers.get(parsed.heartbeat.node_id);
    const verified = await verifySignedHeartbeat(parsed, now, registered);
    if (!verified.accepted) return verified;
    if (!(await this.peers.recordHeartbeat(verified.signed, now))) {
      // Another process recorded this node's heartbeat of the same or a later time in between.
      return {
        accepted: false,
        reason: 'replayed',
        message: `node ${parsed.heartbeat.node_id} already has a heartbeat issued at or after ${parsed.heartbeat.issued_at}`,
      };
    }
    return { accepted: true, signed: verified.signed };
  }
}
