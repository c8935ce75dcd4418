// The network registry (migration 0016): each node's latest accepted heartbeat, written only
// forward in issued_at, and the live peers. Deployment-wide, with no tenant. It checks no
// signature or timing: network/discovery/heartbeat-registry.ts does, before recording.

import type { Kysely, Selectable } from 'kysely';
import {
  expiresAt,
  type Heartbeat,
  type PeerStatus,
  type PublicJwk,
  type SignedHeartbeat,
} from '../../domain/network/heartbeat.js';
import type { NetworkPeer, NetworkRepository, StoredPeer } from '../store.js';
import type { ChimeraSchema, NetworkPeersTable } from './schema.js';

const PEER_COLUMNS = [
  'node_id',
  'public_jwk',
  'endpoint',
  'capabilities',
  'reputation_score',
  'status',
  'issued_at',
  'expires_at',
  'first_seen',
  'last_seen',
] as const;

export class PostgresNetworkRepository implements NetworkRepository {
  constructor(private readonly db: Kysely<ChimeraSchema>) {}

  async recordHeartbeat(signed: SignedHeartbeat, receivedAt: Date): Promise<boolean> {
    const { heartbeat, signature, public_jwk } = signed;
    const latest = {
      public_jwk: JSON.stringify(public_jwk),
      endpoint: heartbeat.endpoint,
      capabilities: [...heartbeat.capabilities],
      reputation_score: heartbeat.reputation_score,
      status: heartbeat.status,
      issued_at: new Date(heartbeat.issued_at),
      expires_at: expiresAt(heartbeat),
      heartbeat: JSON.stringify(heartbeat),
      signature: JSON.stringify(signature),
      last_seen: receivedAt,
    };
    // Optimistic: the row only moves to a later heartbeat, so of two racing writers (or a replay
    // that slipped past the registry's check) the older heartbeat writes nothing.
    const written = await this.db
      .insertInto('network_peers')
      .values({ node_id: heartbeat.node_id, ...latest, first_seen: receivedAt })
      .onConflict((conflict) =>
        conflict
          .column('node_id')
          .doUpdateSet((eb) => ({
            public_jwk: eb.ref('excluded.public_jwk'),
            endpoint: eb.ref('excluded.endpoint'),
            capabilities: eb.ref('excluded.capabilities'),
            reputation_score: eb.ref('excluded.reputation_score'),
            status: eb.ref('excluded.status'),
            issued_at: eb.ref('excluded.issued_at'),
            expires_at: eb.ref('excluded.expires_at'),
            heartbeat: eb.ref('excluded.heartbeat'),
            signature: eb.ref('excluded.signature'),
            last_seen: eb.ref('excluded.last_seen'),
          }))
          .whereRef('network_peers.issued_at', '<', 'excluded.issued_at'),
      )
      .executeTakeFirst();
    return Number(written.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async listLive(
    now: Date,
    filter: { capability?: string | undefined } = {},
  ): Promise<NetworkPeer[]> {
    const { capability } = filter;
    const rows = await this.db
      .selectFrom('network_peers')
      .select(PEER_COLUMNS)
      .where('expires_at', '>', now)
      .$if(capability !== undefined, (query) =>
        query.where((eb) => eb(eb.val(capability as string), '=', eb.fn.any('capabilities'))),
      )
      .orderBy('reputation_score', 'desc')
      .orderBy('node_id')
      .execute();
    return rows.map(peerOf);
  }

  async get(nodeId: string): Promise<StoredPeer | undefined> {
    const row = await this.db
      .selectFrom('network_peers')
      .select([...PEER_COLUMNS, 'heartbeat', 'signature'])
      .where('node_id', '=', nodeId)
      .executeTakeFirst();
    if (!row) return undefined;
    const peer = peerOf(row);
    return {
      ...peer,
      signed: {
        heartbeat: row.heartbeat as Heartbeat,
        signature: row.signature,
        public_jwk: peer.public_jwk as PublicJwk,
      },
    };
  }
}

function peerOf(
  row: Pick<Selectable<NetworkPeersTable>, (typeof PEER_COLUMNS)[number]>,
): NetworkPeer {
  return { ...row, status: row.status as PeerStatus };
}
