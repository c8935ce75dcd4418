// This node's presence in the agent network while `chimera start` runs: its signed heartbeat,
// every 60 s, into the deployment's peer registry, offering the node's skills at its public URL,
// with its status (asleep, saturated or ready, as /a2a admits work) and its reputation,
// recomputed from evidence every 15 min. Stopping leaves the node listed until its last
// heartbeat's TTL runs out. With CHIMERA_DHT_BOOTSTRAP, the heartbeats also cross organisations
// over the DHT (dht-bridge.ts).

import { REPUTATION_INTERVAL_MS } from '../domain/network/reputation.js';
import { HeartbeatPublisher } from '../network/discovery/heartbeat-publisher.js';
import { HeartbeatRegistry } from '../network/discovery/heartbeat-registry.js';
import { recomputeReputation } from '../network/discovery/node-reputation.js';
import type { Logger } from '../observability/logger.js';
import type { ChimeraApp } from './chimera-app.js';
import { openDhtBridge } from './dht-bridge.js';

/** Starts beating for `app`, reachable at CHIMERA_PUBLIC_URL or `listeningUrl`; returns the stop. */
export async function startNetworkPresence(
  app: ChimeraApp,
  listeningUrl: string,
  logger: Logger,
  now?: () => Date,
): Promise<() => Promise<void>> {
  const identity = await app.nodeIdentity();
  const clock = now ?? (() => new Date());
  const recompute = () =>
    recomputeReputation(app.store, identity.nodeId, clock()).catch((error: unknown) =>
      logger.warn({ err: error }, 'reputation recomputation failed; retrying in 15 min'),
    );
  const registry = new HeartbeatRegistry(app.store.network);
  const dht = app.config.dhtBootstrap
    ? await openDhtBridge({
        identity,
        registry,
        bootstrap: app.config.dhtBootstrap.split(',').map((node) => node.trim()),
        network: app.config.dhtNetwork,
        logger,
        now: clock,
      })
    : undefined;
  const publisher = new HeartbeatPublisher({
    identity,
    endpoint: app.config.publicUrl ?? listeningUrl,
    capabilities: () => app.offeredSkills.map((skill) => skill.name),
    reputation: async () => (await app.store.network.latestReputation(identity.nodeId)) ?? 50,
    status: async () => {
      const admission = await app.market.admission();
      return admission.status === 'ready' ? 'ready' : admission.status;
    },
    registry: dht?.registry ?? registry,
    ...(now && { now }),
    onError: (error) =>
      logger.warn({ err: error }, 'heartbeat failed or was refused; the next one is due in 60 s'),
  });
  await recompute();
  await publisher.start();
  await dht?.poll().catch((error: unknown) => logger.warn({ err: error }, 'DHT discovery failed'));
  const reputationTimer = setInterval(() => void recompute(), REPUTATION_INTERVAL_MS);
  reputationTimer.unref();
  return async () => {
    clearInterval(reputationTimer);
    await publisher.stop();
    await dht?.close();
  };
}
