// The network registry (migration 0016): each node's latest accepted heartbeat, written only
// forward in issued_at, and the live peers; the nonces accepted from each signer and the nodes asleep (0018). Deployment-wide, with no tenant. It checks no
// signature or timing: network/discovery/heartbeat-registry.ts does, before recording.

import type { Kysely, Selectable } from 'kysely';
import {
  expiresAt,
  type Heartbeat,
  type PeerStatus,
  type PublicJwk,
  type SignedHeartbeat,
} from '../../domain/network/heartbeat.js';

import type { ReputationEvidence } from '../../domain/network/reputation.js';
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
    const recorded = Number(written.numInsertedOrUpdatedRows ?? 0) > 0;
    if (recorded) {
      await this.db
        .insertInto('network_beats')
        .values({ node_id: heartbeat.node_id, issued_at: latest.issued_at })
        .onConflict((conflict) => conflict.doNothing())
        .execute();
    }
    return recorded;
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

  async claimNonce(signer: string, nonce: string, expiresAt: Date): Promise<boolean> {
    const inserted = await this.db
      .insertInto('network_nonces')
      .values({ signer, nonce, expires_at: expiresAt })
      .onConflict((conflict) => conflict.columns(['signer', 'nonce']).doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async setSleeping(nodeId: string, sleeping: boolean, actor: string, at: Date): Promise<boolean> {
    const changed = sleeping
      ? await this.db
          .insertInto('network_sleep')
          .values({ node_id: nodeId, since: at, actor })
          .onConflict((conflict) => conflict.column('node_id').doNothing())
          .executeTakeFirst()
          .then((result) => Number(result.numInsertedOrUpdatedRows ?? 0))
      : await this.db
          .deleteFrom('network_sleep')
          .where('node_id', '=', nodeId)
          .executeTakeFirst()
          .then((result) => Number(result.numDeletedRows));
    return changed > 0;
  }

  async sleepingSince(nodeId: string): Promise<Date | undefined> {
    const row = await this.db
      .selectFrom('network_sleep')
      .select('since')
      .where('node_id', '=', nodeId)
      .executeTakeFirst();
    return row?.since;
  }

  async reputationEvidence(nodeId: string, since: Date): Promise<ReputationEvidence> {
    const beats = await this.db
      .selectFrom('network_beats')
      .select((eb) => [eb.fn.countAll<string>().as('beats'), eb.fn.min('issued_at').as('first')])
      .where('node_id', '=', nodeId)
      .where('issued_at', '>=', since)
      .executeTakeFirstOrThrow();
    // The hires this deployment provided: its handshakes are its node's.
    const hires = await this.db
      .selectFrom('network_handshakes')
      .select(['phase', 'receipt'])
      .where('role', '=', 'provider')
      .where('phase', 'in', ['settled', 'refunded'])
      .where('updated_at', '>=', since)
      .execute();
    const settled = hires.flatMap((hire) =>
      hire.phase === 'settled' && hire.receipt ? [hire.receipt.receipt.extensions.chimera] : [],
    );
    return {
      beats: Number(beats.beats),
      firstBeatAt: beats.first ?? undefined,
      hires: hires.length,
      succeeded: settled.length,
      durationsMs: settled.map((run) => run.duration_ms),
      qualities: settled.map((run) => run.quality),
    };
  }

  async recordReputation(
    nodeId: string,
    at: Date,
    reputation: { score: number; inputs: object; components: Record<string, number> },
    forgetBefore: Date,
  ): Promise<void> {
    await this.db
      .insertInto('network_reputation')
      .values({
        node_id: nodeId,
        computed_at: at,
        score: reputation.score,
        inputs: JSON.stringify(reputation.inputs),
        components: JSON.stringify(reputation.components),
      })
      .onConflict((conflict) => conflict.doNothing())
      .execute();
    await this.db.deleteFrom('network_beats').where('issued_at', '<', forgetBefore).execute();
  }

  async latestReputation(nodeId: string): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('network_reputation')
      .select('score')
      .where('node_id', '=', nodeId)
      .orderBy('computed_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.score;
  }

  async purgeNonces(now: Date): Promise<number> {
    const deleted = await this.db
      .deleteFrom('network_nonces')
      .where('expires_at', '<', now)
      .executeTakeFirst();
    return Number(deleted.numDeletedRows);
  }
}

function peerOf(
  row: Pick<Selectable<NetworkPeersTable>, (typeof PEER_COLUMNS)[number]>,
): NetworkPeer {
  return { ...row, status: row.status as PeerStatus };
}
