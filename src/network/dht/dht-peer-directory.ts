// Discovery across organisations on hyperdht: a node stores its latest signed heartbeat as a
// mutable record under its own node key and announces that key on its network's topic; a node
// discovering looks the topic up, reads each announced key's record and keeps only the heartbeats
// that check out (dht-record.ts). It does not beat on a timer, keep peers or write the registry:
// the caller publishes each beat and feeds what `discover` accepts to the registry.

import HyperDHT, { type KeyPair } from 'hyperdht';
import { InputError } from '../../domain/errors.js';
import type { SignedHeartbeat } from '../../domain/network/heartbeat.js';
import type { NodeIdentity } from '../identity/node-identity.js';
import { dhtKeyPairOf, jwkXOf, nodeIdOfDhtKey } from './dht-key-pair.js';
import {
  type DhtRecordReading,
  type DhtRejectionReason,
  encodeDhtRecord,
  readDhtRecord,
} from './dht-record.js';
import { DEFAULT_NETWORK_NAME, networkTopic } from './network-topic.js';

/** What the directory needs of a hyperdht node (a `HyperDHT`, or a fake of these members). */
export type DhtNode = Pick<
  HyperDHT,
  | 'fullyBootstrapped'
  | 'mutablePut'
  | 'mutableGet'
  | 'lookup'
  | 'announce'
  | 'unannounce'
  | 'destroy'
>;

/** What a directory is built from. */
export interface DhtPeerDirectoryOptions {
  /** This node's key and id (node-identity.ts): its records are stored and signed under them. */
  identity: NodeIdentity;
  /** The hyperdht node to work through; the caller owns it (see `DhtPeerDirectory.open`). */
  dht: DhtNode;
  /**
   * The network's name: nodes find each other when they share it (network-topic.ts).
   * @defaultValue DEFAULT_NETWORK_NAME ('chimera-network/v1')
   */
  network?: string;
}

/** What `open` adds: where the DHT is joined. */
export interface OpenDhtPeerDirectoryOptions extends Omit<DhtPeerDirectoryOptions, 'dht'> {
  /**
   * DHT nodes to join through, 'host:port' (or 'suggested-ip@host:port').
   * @defaultValue hyperdht's public bootstrap nodes
   */
  bootstrap?: readonly string[];
  /** The local address the node's UDP socket binds. @defaultValue '0.0.0.0' */
  host?: string;
}

/** A record found on the topic and not taken, and why. */
export interface DhtRejection {
  /** The node the record's key names (its thumbprint), whatever the record says. */
  nodeId: string;
  /** The record's DHT key, base64url (a public JWK's `x`). */
  dhtKey: string;
  reason: DhtRejectionReason;
  /** For people: the reason with what was found. */
  message: string;
}

/** What one discovery found: the live heartbeats of other nodes, and the records refused. */
export interface DhtDiscovery {
  /** Verified and live at the `now` asked for, one per node, by node_id. */
  heartbeats: SignedHeartbeat[];
  /** By node id. */
  rejections: DhtRejection[];
}

/** How many records `discover` reads at once: each read is a DHT query of its own. */
const CONCURRENT_READS = 8;

export class DhtPeerDirectory {
  private readonly keyPair: KeyPair;
  private readonly topic: Buffer;
  private readonly dht: DhtNode;
  private lastSeq = 0;
  private ownsDht = false;

  constructor(private readonly options: DhtPeerDirectoryOptions) {
    this.keyPair = dhtKeyPairOf(options.identity);
    this.topic = networkTopic(options.network ?? DEFAULT_NETWORK_NAME);
    this.dht = options.dht;
  }

  /**
   * A directory on a hyperdht node of its own, joined through `bootstrap` once it resolves; `close`
   * destroys the node.
   */
  static async open(options: OpenDhtPeerDirectoryOptions): Promise<DhtPeerDirectory> {
    const { bootstrap, host, ...rest } = options;
    const dht = new HyperDHT({
      ...(bootstrap ? { bootstrap } : {}),
      ...(host ? { host } : {}),
    });
    try {
      await dht.fullyBootstrapped();
      const directory = new DhtPeerDirectory({ ...rest, dht });
      directory.ownsDht = true;
      return directory;
    } catch (error) {
      await dht.destroy();
      throw error;
    }
  }

  /** This node's key on the DHT, base64url: its public JWK's `x`. */
  get dhtKey(): string {
    return jwkXOf(this.keyPair.publicKey);
  }

  /**
   * Stores `signed`, this node's heartbeat, as its record (seq: issued_at in ms, so a later beat
   * replaces it, also after a restart) and announces the node on the topic. Throws an InputError
   * for another node's heartbeat, one its peers would refuse (malformed, badly signed), one not
   * later than the last published by this directory, or one over MAX_RECORD_BYTES. Resolves once
   * the closest DHT nodes were asked to store both; the DHT does not confirm that they did.
   */
  async publish(signed: SignedHeartbeat): Promise<void> {
    const { node_id, issued_at } = signed.heartbeat;
    if (node_id !== this.options.identity.nodeId || signed.public_jwk.x !== this.dhtKey) {
      throw new InputError(
        `the heartbeat is node ${node_id}'s; this directory publishes node ${this.options.identity.nodeId}'s only`,
        { context: { field: 'heartbeat.node_id' } },
      );
    }
    const value = encodeDhtRecord(signed);
    // What peers would refuse is not put on the network: a bad signature means a bug here.
    const seq = Date.parse(issued_at);
    const check = await readDhtRecord(value, this.keyPair.publicKey, new Date(seq));
    if (!check.accepted) {
      throw new InputError(
        `this node's heartbeat would be refused (${check.reason}): ${check.message}`,
      );
    }
    if (seq <= this.lastSeq) {
      throw new InputError(
        `issued_at ${issued_at} is not later than the last heartbeat published (${new Date(this.lastSeq).toISOString()}); the DHT keeps only a later record`,
        { context: { field: 'heartbeat.issued_at' } },
      );
    }
    await this.dht.fullyBootstrapped();
    await Promise.all([
      this.dht.mutablePut(this.keyPair, value, { seq }),
      // Announcements last about 20 minutes on the nodes that hold them; announcing at every beat
      // keeps this node listed as long as it beats, at the cost of one more query.
      this.dht.announce(this.topic, this.keyPair).finished(),
    ]);
    this.lastSeq = seq;
  }

  /**
   * The heartbeats of the other nodes announced on the topic that are live at `now`, each read
   * from its node's latest record and checked (readDhtRecord); and the records refused.
   */
  async discover(now: Date): Promise<DhtDiscovery> {
    await this.dht.fullyBootstrapped();
    const announced = new Map<string, Buffer>();
    for await (const reply of this.dht.lookup(this.topic)) {
      for (const peer of reply.peers) {
        const key = jwkXOf(peer.publicKey);
        if (key !== this.dhtKey) announced.set(key, peer.publicKey);
      }
    }
    const keys = [...announced.values()];
    const readings = await mapConcurrently(keys, CONCURRENT_READS, (key) => this.read(key, now));
    const heartbeats: SignedHeartbeat[] = [];
    const rejections: DhtRejection[] = [];
    for (const [index, reading] of readings.entries()) {
      const publicKey = keys[index] as Buffer;
      if (reading.accepted) {
        heartbeats.push(reading.signed);
      } else {
        rejections.push({
          nodeId: await nodeIdOfDhtKey(publicKey),
          dhtKey: jwkXOf(publicKey),
          reason: reading.reason,
          message: reading.message,
        });
      }
    }
    heartbeats.sort((a, b) => compare(a.heartbeat.node_id, b.heartbeat.node_id));
    rejections.sort((a, b) => compare(a.nodeId, b.nodeId));
    return { heartbeats, rejections };
  }

  /**
   * Withdraws this node's announcement (best effort: its record stays until its TTL runs out) and
   * destroys the hyperdht node if `open` made it.
   */
  async close(): Promise<void> {
    try {
      if (this.lastSeq > 0) await this.dht.unannounce(this.topic, this.keyPair);
    } catch {
      // Leaving quietly is enough: others drop the node once its heartbeat expires.
    } finally {
      if (this.ownsDht) await this.dht.destroy();
    }
  }

  private async read(publicKey: Buffer, now: Date): Promise<DhtRecordReading> {
    try {
      const record = await this.dht.mutableGet(publicKey, { latest: true });
      if (record) return await readDhtRecord(record.value, publicKey, now);
      return missing('no node holds a record under its key');
    } catch (error) {
      return missing(`reading its record failed: ${(error as Error).message}`);
    }
  }
}

function missing(message: string): DhtRecordReading {
  return { accepted: false, reason: 'record-missing', message };
}

/** `work` applied to each of `items`, at most `limit` at a time, in the items' order. */
async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
