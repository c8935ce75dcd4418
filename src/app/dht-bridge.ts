// The bridge between the deployment's peer registry and the DHT other organisations share, when
// CHIMERA_DHT_BOOTSTRAP names nodes to join through: each heartbeat this node records is also
// published on the DHT, and every 20 s the heartbeats found there are offered to the registry,
// which verifies them as it verifies any (a heartbeat is refused there once over 30 s old, so
// polling every 20 s sees each 60 s beat while it is fresh).

import type { SignedHeartbeat } from '../domain/network/heartbeat.js';
import { DhtPeerDirectory } from '../network/dht/dht-peer-directory.js';
import type {
  HeartbeatAcceptance,
  HeartbeatRegistry,
} from '../network/discovery/heartbeat-registry.js';
import type { HeartbeatRejection } from '../network/discovery/heartbeat-verifier.js';
import type { NodeIdentity } from '../network/identity/node-identity.js';
import type { Logger } from '../observability/logger.js';

/** How often the DHT is searched for other nodes' heartbeats. */
export const DHT_POLL_MS = 20_000;

export interface DhtBridge {
  /** The registry the heartbeat publisher records into: the local one, then the DHT. */
  registry: Pick<HeartbeatRegistry, 'accept'>;
  /** Offers the heartbeats on the DHT to the registry now; how many it recorded. */
  poll(): Promise<number>;
  close(): Promise<void>;
}

/** Joins the DHT through `bootstrap` and starts polling it; `close` leaves it. */
export async function openDhtBridge(options: {
  identity: NodeIdentity;
  registry: HeartbeatRegistry;
  bootstrap: readonly string[];
  network: string;
  logger: Logger;
  now: () => Date;
}): Promise<DhtBridge> {
  const { registry, logger, now } = options;
  const directory = await DhtPeerDirectory.open({
    identity: options.identity,
    bootstrap: options.bootstrap,
    network: options.network,
  });
  const poll = async () => {
    const found = await directory.discover(now());
    let recorded = 0;
    for (const signed of found.heartbeats) {
      if ((await registry.accept(signed, now())).accepted) recorded++;
    }
    for (const rejection of found.rejections) {
      logger.debug({ rejection }, 'a DHT record was refused');
    }
    return recorded;
  };
  const timer = setInterval(() => {
    poll().catch((error: unknown) => logger.warn({ err: error }, 'DHT discovery failed'));
  }, DHT_POLL_MS);
  timer.unref();
  return {
    registry: {
      async accept(input: unknown, at: Date): Promise<HeartbeatAcceptance | HeartbeatRejection> {
        const answer = await registry.accept(input, at);
        if (answer.accepted) await publish(directory, answer.signed, logger);
        return answer;
      },
    },
    poll,
    close: async () => {
      clearInterval(timer);
      await directory.close();
    },
  };
}

async function publish(directory: DhtPeerDirectory, signed: SignedHeartbeat, logger: Logger) {
  await directory.publish(signed).catch((error: unknown) => {
    logger.warn({ err: error }, 'publishing the heartbeat on the DHT failed');
  });
}
