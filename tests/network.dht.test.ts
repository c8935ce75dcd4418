// Discovery across organisations (issue 13 §2) on hyperdht, in process on a loopback testnet: each
// node stores its signed heartbeat under its own node key and announces itself on the network's
// topic. Five nodes find one another with their capabilities; a tampered record, a record stored
// under one key carrying another node's heartbeat, an announced key with no record and an
// expired heartbeat are all refused, with the reason. The clock is injected: nothing sleeps.

import { generateKeyPairSync } from 'node:crypto';
import type HyperDHT from 'hyperdht';
import createTestnet, { type Testnet } from 'hyperdht/testnet.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedHeartbeat } from '../src/domain/network/heartbeat.js';
import { dhtKeyPairOf } from '../src/network/dht/dht-key-pair.js';
import { DhtPeerDirectory } from '../src/network/dht/dht-peer-directory.js';
import { encodeDhtRecord } from '../src/network/dht/dht-record.js';
import { networkTopic } from '../src/network/dht/network-topic.js';
import { HeartbeatPublisher } from '../src/network/discovery/heartbeat-publisher.js';
import { identityOf, type NodeIdentity } from '../src/network/identity/node-identity.js';

/** Long past, so that nothing here could pass for live on the real clock. */
const T0 = new Date('2020-03-01T12:00:00.000Z');
const SECOND = 1_000;
const at = (ms: number) => new Date(T0.getTime() + ms);

/** Each DHT operation is a few loopback round trips; the margin is for a loaded machine. */
const DHT_TIMEOUT_MS = 60_000;

/** Five nodes and the skills each offers. */
const NODES = [
  { name: 'scout-a', capabilities: ['scout.analyze'] },
  { name: 'scout-b', capabilities: ['publisher.post', 'scout.analyze'] },
  { name: 'director', capabilities: ['director.create_brief'] },
  { name: 'artist', capabilities: ['artist.render'] },
  { name: 'all-round', capabilities: ['director.create_brief', 'scout.analyze'] },
] as const;

const newIdentity = () => identityOf(generateKeyPairSync('ed25519').privateKey);

/** `identity`'s heartbeat issued at `issuedAt`, signed by the node's own publisher. */
function heartbeatOf(
  identity: NodeIdentity,
  node: { name: string; capabilities: readonly string[] },
  issuedAt: Date,
): Promise<SignedHeartbeat> {
  return new HeartbeatPublisher({
    identity,
    endpoint: `https://${node.name}.org.example/a2a`,
    capabilities: () => node.capabilities,
    registry: {
      accept: () => {
        throw new Error('these heartbeats go to the DHT, not to a registry');
      },
    },
    now: () => issuedAt,
  }).heartbeat();
}

describe('cross-organisation discovery on hyperdht', () => {
  let testnet: Testnet;
  /** One DHT node per Chimera node, as each organisation runs its own. */
  let dhtNodes: HyperDHT[];
  let identities: NodeIdentity[];

  /** Node `index`'s directory on the network named `network` (one topic per test). */
  const directoryOf = (index: number, network: string) =>
    new DhtPeerDirectory({
      identity: identities[index] as NodeIdentity,
      dht: dhtNodes[index] as HyperDHT,
      network,
    });

  beforeAll(async () => {
    // Three DHT nodes hold the records and announcements; the Chimera nodes join as clients.
    testnet = await createTestnet(3);
    identities = await Promise.all(Array.from({ length: 7 }, newIdentity));
    dhtNodes = identities.map(() => testnet.createNode());
  }, DHT_TIMEOUT_MS);
  afterAll(async () => {
    await testnet?.destroy();
  }, DHT_TIMEOUT_MS);

  it("puts a node's records under its own node key", () => {
    const identity = identities[0] as NodeIdentity;
    const directory = directoryOf(0, 'keys');
    expect(directory.dhtKey).toBe(identity.publicJwk.x);
    expect(dhtKeyPairOf(identity).publicKey.toString('base64url')).toBe(identity.publicJwk.x);
    expect(networkTopic('chimera-network/v1')).toHaveLength(32);
    expect(networkTopic('a')).not.toEqual(networkTopic('b'));
  });

  it(
    'has each of five nodes discover the other four, with their capabilities',
    async () => {
      const directories = NODES.map((_, index) => directoryOf(index, 'five'));
      await Promise.all(
        NODES.map(async (node, index) =>
          directories[index]?.publish(
            await heartbeatOf(identities[index] as NodeIdentity, node, T0),
          ),
        ),
      );
      for (const [index, directory] of directories.entries()) {
        const found = await directory.discover(at(5 * SECOND));
        expect(found.rejections).toEqual([]);
        const others = NODES.flatMap((node, other) =>
          other === index ? [] : [{ nodeId: (identities[other] as NodeIdentity).nodeId, node }],
        );
        expect(found.heartbeats.map((signed) => signed.heartbeat.node_id)).toEqual(
          others.map(({ nodeId }) => nodeId).sort(),
        );
        for (const { nodeId, node } of others) {
          const signed = found.heartbeats.find((each) => each.heartbeat.node_id === nodeId);
          expect(signed?.heartbeat).toMatchObject({
            capabilities: [...node.capabilities].sort(),
            endpoint: `https://${node.name}.org.example/a2a`,
            issued_at: T0.toISOString(),
          });
        }
      }
    },
    DHT_TIMEOUT_MS,
  );

  it(
    'keeps a heartbeat live for its 90 s TTL, then reports it expired',
    async () => {
      const reader = directoryOf(0, 'five');
      // A minute old: past the registry's 30 s bound for a pushed heartbeat, still live here.
      expect((await reader.discover(at(60 * SECOND))).heartbeats).toHaveLength(4);
      const expired = await reader.discover(at(90 * SECOND));
      expect(expired.heartbeats).toEqual([]);
      expect(expired.rejections.map((rejection) => rejection.reason)).toEqual(
        Array(4).fill('expired'),
      );
      expect(new Set(expired.rejections.map((rejection) => rejection.nodeId))).toEqual(
        new Set(identities.slice(1, 5).map((identity) => identity.nodeId)),
      );
    },
    DHT_TIMEOUT_MS,
  );

  it(
    'refuses a record whose heartbeat was changed after it was signed',
    async () => {
      const identity = identities[1] as NodeIdentity;
      await directoryOf(1, 'tamper').publish(await heartbeatOf(identity, NODES[1], T0));
      const reader = directoryOf(2, 'tamper');
      expect((await reader.discover(at(SECOND))).heartbeats).toHaveLength(1);

      // The node itself re-puts its heartbeat with one more capability under the old signature:
      // the DHT takes it (its own key signed the record), the heartbeat's signature does not.
      const signed = await heartbeatOf(identity, NODES[1], T0);
      const tampered: SignedHeartbeat = {
        ...signed,
        heartbeat: {
          ...signed.heartbeat,
          capabilities: [...signed.heartbeat.capabilities, 'wallet.pay'],
        },
      };
      await (dhtNodes[1] as HyperDHT).mutablePut(
        dhtKeyPairOf(identity),
        encodeDhtRecord(tampered),
        { seq: T0.getTime() + 1 },
      );

      const found = await reader.discover(at(SECOND));
      expect(found.heartbeats).toEqual([]);
      expect(found.rejections).toEqual([
        expect.objectContaining({
          nodeId: identity.nodeId,
          dhtKey: identity.publicJwk.x,
          reason: 'bad-signature',
        }),
      ]);
    },
    DHT_TIMEOUT_MS,
  );

  it(
    "refuses a record stored under one node's key that carries another node's heartbeat",
    async () => {
      const victim = identities[3] as NodeIdentity;
      const impostor = identities[5] as NodeIdentity;
      await directoryOf(3, 'impostor').publish(await heartbeatOf(victim, NODES[3], T0));
      // The impostor stores the victim's true heartbeat under its own key and announces itself.
      const impostorKeys = dhtKeyPairOf(impostor);
      const impostorDht = dhtNodes[5] as HyperDHT;
      await impostorDht.mutablePut(
        impostorKeys,
        encodeDhtRecord(await heartbeatOf(victim, NODES[3], T0)),
        { seq: T0.getTime() },
      );
      await impostorDht.announce(networkTopic('impostor'), impostorKeys).finished();

      const found = await directoryOf(0, 'impostor').discover(at(SECOND));
      expect(found.heartbeats.map((signed) => signed.heartbeat.node_id)).toEqual([victim.nodeId]);
      expect(found.rejections).toEqual([
        expect.objectContaining({ nodeId: impostor.nodeId, reason: 'key-mismatch' }),
      ]);
    },
    DHT_TIMEOUT_MS,
  );

  it(
    'reports a node announced on the topic without a record',
    async () => {
      const silent = identities[6] as NodeIdentity;
      await (dhtNodes[6] as HyperDHT)
        .announce(networkTopic('silent'), dhtKeyPairOf(silent))
        .finished();
      const found = await directoryOf(0, 'silent').discover(at(SECOND));
      expect(found.heartbeats).toEqual([]);
      expect(found.rejections).toEqual([
        expect.objectContaining({ nodeId: silent.nodeId, reason: 'record-missing' }),
      ]);
    },
    DHT_TIMEOUT_MS,
  );

  it(
    "publishes only the node's own, truly signed heartbeats, each later than the last",
    async () => {
      const directory = directoryOf(4, 'own');
      const identity = identities[4] as NodeIdentity;
      await expect(
        directory.publish(await heartbeatOf(identities[0] as NodeIdentity, NODES[0], T0)),
      ).rejects.toThrow(/publishes node .* only/);
      const signed = await heartbeatOf(identity, NODES[4], at(60 * SECOND));
      await expect(
        directory.publish({
          ...signed,
          heartbeat: { ...signed.heartbeat, status: 'sleeping' },
        }),
      ).rejects.toThrow(/would be refused \(bad-signature\)/);
      await directory.publish(signed);
      await expect(directory.publish(await heartbeatOf(identity, NODES[4], T0))).rejects.toThrow(
        /not later than the last heartbeat published/,
      );
      const tooMany = Array.from({ length: 40 }, (_, index) => `skill.number_${index}`);
      await expect(
        directory.publish(
          await heartbeatOf(identity, { name: 'big', capabilities: tooMany }, at(120 * SECOND)),
        ),
      ).rejects.toThrow(/a DHT record holds at most 1000/);
    },
    DHT_TIMEOUT_MS,
  );

  it(
    'joins through a bootstrap list of its own, and leaves the topic when closed',
    async () => {
      const bootstrap = testnet.bootstrap.map(({ host, port }) => `${host}:${port}`);
      const identity = await newIdentity();
      const directory = await DhtPeerDirectory.open({
        identity,
        bootstrap,
        host: '127.0.0.1',
        network: 'open',
      });
      const reader = directoryOf(0, 'open');
      try {
        await directory.publish(await heartbeatOf(identity, NODES[2], T0));
        const found = await reader.discover(at(SECOND));
        expect(found.heartbeats.map((signed) => signed.heartbeat.node_id)).toEqual([
          identity.nodeId,
        ]);
      } finally {
        await directory.close();
      }
      expect(await reader.discover(at(SECOND))).toEqual({ heartbeats: [], rejections: [] });
    },
    DHT_TIMEOUT_MS,
  );
});
