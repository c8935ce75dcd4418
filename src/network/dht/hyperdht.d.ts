// The part of the untyped `hyperdht` package (6.x, CommonJS) that Chimera uses: signed mutable
// records, topic announce/lookup and its loopback testnet. It declares types only; it does not
// change or wrap the package.

declare module 'hyperdht' {
  /** An Ed25519 key pair as libsodium holds it: the secret key is seed ‖ public key (64 bytes). */
  export interface KeyPair {
    publicKey: Buffer;
    secretKey: Buffer;
  }

  /** A DHT node's UDP address. */
  export interface NodeAddress {
    host: string;
    port: number;
  }

  /** A DHT query in flight: its replies as they come, or just its end. */
  export interface Query<Reply> extends AsyncIterable<Reply> {
    finished(): Promise<void>;
  }

  /** One DHT node's answer to a topic lookup: the peers announced there. */
  export interface LookupReply {
    from: NodeAddress;
    peers: Array<{ publicKey: Buffer; relayAddresses: NodeAddress[] }>;
  }

  /** A mutable record, its signature checked by hyperdht against the key it was asked for. */
  export interface MutableRecord {
    seq: number;
    value: Buffer;
    signature: Buffer;
    from: NodeAddress;
  }

  export interface HyperDHTOptions {
    /** 'host:port' strings (optionally 'suggested-ip@host:port') or addresses; [] for none. */
    bootstrap?: ReadonlyArray<string | NodeAddress>;
    /** The local address to bind. @defaultValue '0.0.0.0' */
    host?: string;
    /** The local UDP port to try first. @defaultValue 49737 */
    port?: number;
    /** Whether the node stays out of other nodes' routing tables. @defaultValue adaptive */
    ephemeral?: boolean;
    firewalled?: boolean;
  }

  export default class HyperDHT {
    constructor(options?: HyperDHTOptions);
    /** A new key pair, or the one made from a 32-byte seed. */
    static keyPair(seed?: Uint8Array): KeyPair;
    /** BLAKE2b-256 of `data`. */
    static hash(data: Uint8Array): Buffer;
    /** Resolves once the node has joined the network through its bootstrap nodes. */
    fullyBootstrapped(): Promise<void>;
    /** Stores `value` under `keyPair.publicKey`, signed with it; `seq` must grow per key. */
    mutablePut(
      keyPair: KeyPair,
      value: Uint8Array,
      options?: { seq?: number },
    ): Promise<{ publicKey: Buffer; seq: number; signature: Buffer }>;
    /** The latest record stored under `publicKey` whose signature verifies, or null. */
    mutableGet(
      publicKey: Uint8Array,
      options?: { seq?: number; latest?: boolean },
    ): Promise<MutableRecord | null>;
    /** Asks the nodes closest to `topic` for the peers announced there. */
    lookup(topic: Uint8Array): Query<LookupReply>;
    /** Announces `keyPair.publicKey` under `topic` on the nodes closest to it, signed. */
    announce(topic: Uint8Array, keyPair: KeyPair): Query<LookupReply>;
    /** Withdraws an announcement. */
    unannounce(topic: Uint8Array, keyPair: KeyPair): Promise<void>;
    destroy(options?: { force?: boolean }): Promise<void>;
  }
}

declare module 'hyperdht/testnet.js' {
  import type HyperDHT from 'hyperdht';
  import type { HyperDHTOptions, NodeAddress } from 'hyperdht';

  /** A DHT of `size` nodes on 127.0.0.1, the first one bootstrapping the others. */
  export interface Testnet {
    nodes: HyperDHT[];
    bootstrap: NodeAddress[];
    /** One more (ephemeral) node on the testnet, destroyed with it. */
    createNode(options?: HyperDHTOptions): HyperDHT;
    destroy(): Promise<void>;
  }

  export default function createTestnet(size?: number): Promise<Testnet>;
}
