// FR-NET-002, discovery within one deployment: nodes beat signed heartbeats (every 60 s, TTL
// 90 s) into the registry in PostgreSQL, on PGlite and on the server, with an injected clock.
// Five nodes are listed live, by capability; a node that stops beating is gone once its TTL has
// passed; forged, replayed and stale heartbeats are refused and change nothing. Then the same
// peers through the service, `chimera network peers` and GET /api/v1/network/peers.

import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpServer } from '../src/api/http-server.js';
import type { SignedHeartbeat } from '../src/domain/network/heartbeat.js';
import { HeartbeatPublisher } from '../src/network/discovery/heartbeat-publisher.js';
import { HeartbeatRegistry } from '../src/network/discovery/heartbeat-registry.js';
import { identityOf, type NodeIdentity } from '../src/network/identity/node-identity.js';
import { signJson } from '../src/network/identity/signed-json.js';
import { NetworkService } from '../src/services/network-service.js';
import type { ServiceDependencies } from '../src/services/service-dependencies.js';
import type { Database } from '../src/store/database.js';
import type { PostgresStore } from '../src/store/postgres/postgres-store.js';
import { localOperator } from './support/api-fixture.js';
import { openMigratedStore } from './support/migrated-store.js';
import { runChimera } from './support/run-chimera.js';
import { useTestApp } from './support/test-app.js';
import { ADAPTERS, createTestDatabase, type TestDatabase } from './support/test-databases.js';

/** Long past, so that nothing beaten on this clock is live by the real one. */
const T0 = new Date('2020-03-01T12:00:00.000Z');
const SECOND = 1_000;

/** Five nodes and the skills each offers. */
const NODES = [
  { name: 'scout-a', capabilities: ['scout.analyze'], reputation: 91 },
  { name: 'scout-b', capabilities: ['scout.analyze', 'publisher.post'], reputation: 74.5 },
  { name: 'director', capabilities: ['director.create_brief'], reputation: 88 },
  { name: 'artist', capabilities: ['artist.render'], reputation: 50 },
  { name: 'all-round', capabilities: ['director.create_brief', 'scout.analyze'], reputation: 62 },
] as const;

const newIdentity = () => identityOf(generateKeyPairSync('ed25519').privateKey);

/** A clock tests move by hand. */
function manualClock(start: Date) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    set: (at: Date) => {
      now = at.getTime();
    },
  };
}

const at = (ms: number) => new Date(T0.getTime() + ms);

/** A publisher for `node` beating into `registry` on `now`. */
function publisherOf(
  identity: NodeIdentity,
  node: (typeof NODES)[number],
  registry: HeartbeatRegistry,
  now: () => Date,
) {
  return new HeartbeatPublisher({
    identity,
    endpoint: `http://${node.name}.chimera.internal:8080/a2a`,
    capabilities: () => node.capabilities,
    reputation: () => node.reputation,
    status: () => 'ready',
    registry,
    now,
  });
}

describe.each(ADAPTERS)('heartbeat discovery on %s', (kind) => {
  let testDatabase: TestDatabase;
  let database: Database;
  let closed = false;
  let store: PostgresStore;
  let registry: HeartbeatRegistry;
  const clock = manualClock(T0);
  let identities: NodeIdentity[];
  let publishers: HeartbeatPublisher[];

  const liveIds = async (capability?: string) =>
    (await store.network.listLive(clock.now(), { capability })).map((peer) => peer.node_id);
  const nodeIdOf = (name: (typeof NODES)[number]['name']) =>
    identities[NODES.findIndex((node) => node.name === name)]?.nodeId;
  const rows = async () =>
    (await database.pool.query('SELECT * FROM network_peers ORDER BY node_id')).rows;

  beforeAll(async () => {
    testDatabase = await createTestDatabase(kind);
    ({ database, store } = await openMigratedStore(testDatabase));
    registry = new HeartbeatRegistry(store.network);
    identities = await Promise.all(NODES.map(() => newIdentity()));
    publishers = NODES.map((node, index) =>
      publisherOf(identities[index] as NodeIdentity, node, registry, clock.now),
    );
  });
  afterAll(async () => {
    if (!closed) await database?.close();
    await testDatabase?.dispose();
  });

  it('lists the five nodes that beat, with their capabilities, status and reputation', async () => {
    for (const publisher of publishers) {
      expect(await publisher.beat()).toMatchObject({ accepted: true });
    }
    const peers = await store.network.listLive(clock.now());
    expect(peers.map((peer) => peer.reputation_score)).toEqual([91, 88, 74.5, 62, 50]);
    expect(peers[0]).toMatchObject({
      node_id: nodeIdOf('scout-a'),
      endpoint: 'http://scout-a.chimera.internal:8080/a2a',
      capabilities: ['scout.analyze'],
      status: 'ready',
      issued_at: T0,
      expires_at: at(90 * SECOND),
      first_seen: T0,
      last_seen: T0,
    });
    expect(new Set(await liveIds('scout.analyze'))).toEqual(
      new Set([nodeIdOf('scout-a'), nodeIdOf('scout-b'), nodeIdOf('all-round')]),
    );
    expect(await liveIds('director.create_brief')).toEqual([
      nodeIdOf('director'),
      nodeIdOf('all-round'),
    ]);
    expect(await liveIds('wallet.pay')).toEqual([]);
  });

  it('keeps a node that stops beating until its 90 s TTL has passed, then drops it', async () => {
    const [scoutA, ...others] = publishers;
    clock.set(at(60 * SECOND));
    for (const publisher of others) expect((await publisher.beat()).accepted).toBe(true);
    clock.set(at(89 * SECOND));
    expect(await liveIds()).toHaveLength(5);
    clock.set(at(91 * SECOND));
    const live = await liveIds();
    expect(live).toHaveLength(4);
    expect(live).not.toContain(nodeIdOf('scout-a'));
    expect(await liveIds('scout.analyze')).not.toContain(nodeIdOf('scout-a'));
    // Still registered, key and all: it comes back with its next heartbeat.
    const registered = await store.network.get(nodeIdOf('scout-a') as string);
    expect(registered).toMatchObject({ expires_at: at(90 * SECOND), first_seen: T0 });
    expect(registered?.signed.public_jwk).toEqual({
      kty: 'OKP',
      crv: 'Ed25519',
      x: identities[0]?.publicJwk.x,
    });
    clock.set(at(100 * SECOND));
    expect((await scoutA?.beat())?.accepted).toBe(true);
    expect(await store.network.get(nodeIdOf('scout-a') as string)).toMatchObject({
      first_seen: T0,
      last_seen: at(100 * SECOND),
      expires_at: at(190 * SECOND),
    });
    expect(await liveIds()).toHaveLength(5);
  });

  it('refuses forged, replayed, stale and impostor heartbeats and leaves the registry as it was', async () => {
    // 15 s after the director's last heartbeat: a copy of it is still fresh, but a replay.
    clock.set(at(75 * SECOND));
    const before = await rows();
    const director = identities[2] as NodeIdentity;
    const current = (await store.network.get(director.nodeId))?.signed as SignedHeartbeat;
    const fresh = { ...current.heartbeat, issued_at: clock.now().toISOString() };
    const impostor = await newIdentity();
    const attempts: Array<[string, unknown]> = [
      // The stored heartbeat's signature over a better reputation.
      ['bad-signature', { ...current, heartbeat: { ...fresh, reputation_score: 100 } }],
      // The same heartbeat again.
      ['replayed', current],
      // Signed by the node, but 31 s old.
      ['stale', await signedBy(director, { ...fresh, issued_at: at(44 * SECOND).toISOString() })],
      // Another key claiming the director's node id.
      ['node-id-mismatch', await signedBy(impostor, fresh, impostor)],
      // The director's key, another node's signature.
      [
        'wrong-signer',
        { ...(await signedBy(director, fresh)), signature: await signJson(impostor, fresh) },
      ],
      ['malformed', { heartbeat: fresh }],
    ];
    for (const [reason, input] of attempts) {
      expect(await registry.accept(input, clock.now()), reason).toMatchObject({
        accepted: false,
        reason,
      });
    }
    expect(await rows()).toEqual(before);
  });

  it('records only one of two copies of a new heartbeat arriving at once', async () => {
    const director = identities[2] as NodeIdentity;
    clock.set(at(110 * SECOND));
    const signed = await publishers[2]?.heartbeat();
    const answers = await Promise.all([
      registry.accept(signed, clock.now()),
      registry.accept(signed, clock.now()),
    ]);
    expect(answers.map((answer) => answer.accepted).sort()).toEqual([false, true]);
    expect(answers.find((answer) => !answer.accepted)).toMatchObject({ reason: 'replayed' });
    expect((await store.network.get(director.nodeId))?.issued_at).toEqual(at(110 * SECOND));
  });

  it('lists live peers to a viewer of any tenant through the service', async () => {
    const service = new NetworkService({ store, now: clock.now } as unknown as ServiceDependencies);
    const viewer = { ...localOperator('rival'), role: 'viewer' as const };
    const peers = await service.peers(viewer, { capability: 'director.create_brief' });
    expect(peers.map((peer) => peer.node_id)).toEqual([
      nodeIdOf('director'),
      nodeIdOf('all-round'),
    ]);
    expect(peers[0]).not.toHaveProperty('public_jwk');
    await expect(service.peers(viewer, { capability: 'Not A Skill' })).rejects.toMatchObject({
      code: 'INPUT_INVALID',
    });
  });

  it('prints live peers with `chimera network peers`', async () => {
    const cliClock = manualClock(new Date());
    const cliRegistry = new HeartbeatRegistry(store.network);
    const [scout, director] = [await newIdentity(), await newIdentity()];
    await publisherOf(scout, NODES[0], cliRegistry, cliClock.now).beat();
    await publisherOf(director, NODES[2], cliRegistry, cliClock.now).beat();
    const environment =
      kind === 'postgres'
        ? { DATABASE_URL: testDatabase.databaseUrl }
        : { CHIMERA_DATA_DIR: testDatabase.dataDir };
    if (kind === 'pglite') {
      // The embedded database is one process's at a time.
      await database.close();
      closed = true;
    }
    const listed = await runChimera(
      ['network', 'peers', '--capability', 'scout.analyze'],
      environment,
    );
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^${scout.nodeId.slice(0, 12)}  ready       91\\.0  scout\\.analyze  http://scout-a\\.chimera\\.internal:8080/a2a  seen \\d+s ago$`,
      ),
    );
    const json = await runChimera(['network', 'peers', '--json'], environment);
    expect(JSON.parse(json.stdout).map((peer: { node_id: string }) => peer.node_id)).toEqual([
      scout.nodeId,
      director.nodeId,
    ]);
    const none = await runChimera(['network', 'peers', '--capability', 'wallet.pay'], environment);
    expect(none.stdout).toBe('no live peers offering wallet.pay\n');
  });
});

/** `heartbeat` signed by `signer`, carrying `carried`'s public key (default: the signer's). */
async function signedBy(
  signer: NodeIdentity,
  heartbeat: SignedHeartbeat['heartbeat'],
  carried: NodeIdentity = signer,
): Promise<SignedHeartbeat> {
  const { kty, crv, x } = carried.publicJwk as SignedHeartbeat['public_jwk'];
  return { heartbeat, signature: await signJson(signer, heartbeat), public_jwk: { kty, crv, x } };
}

describe('GET /api/v1/network/peers', () => {
  const clock = manualClock(T0);
  const suite = useTestApp('pglite', { now: clock.now });

  it("answers any tenant's viewer with the deployment's live peers, by capability", async () => {
    const registry = new HeartbeatRegistry(suite.app.store.network);
    const identities = await Promise.all(NODES.map(() => newIdentity()));
    for (const [index, node] of NODES.entries()) {
      await publisherOf(identities[index] as NodeIdentity, node, registry, clock.now).beat();
    }
    const http = await buildHttpServer(suite.app);
    try {
      const rival = await suite.app.localActor({ user: 'test', tenantId: 'rival' });
      const { secret } = await suite.app.operator.tokens.create(rival, { role: 'viewer' });
      const get = (query: string) =>
        http.inject({
          method: 'GET',
          url: `/api/v1/network/peers${query}`,
          headers: { authorization: `Bearer ${secret}` },
        });
      const answer = await get('?capability=scout.analyze');
      expect(answer.statusCode, answer.body).toBe(200);
      const ids = answer.json().peers.map((peer: { node_id: string }) => peer.node_id);
      for (const index of [0, 1, 4]) expect(ids).toContain(identities[index]?.nodeId);
      for (const index of [2, 3]) expect(ids).not.toContain(identities[index]?.nodeId);
      expect(answer.json().peers[0]).toMatchObject({
        reputation_score: expect.any(Number),
        status: 'ready',
        expires_at: at(90 * SECOND).toISOString(),
      });
      const bad = await get('?capability=Not%20A%20Skill');
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'INPUT_INVALID', field: 'query.capability' });
      clock.set(at(91 * SECOND));
      const later = (await get('')).json().peers.map((peer: { node_id: string }) => peer.node_id);
      for (const identity of identities) expect(later).not.toContain(identity.nodeId);
    } finally {
      await http.close();
    }
  });
});
