// This node's presence in the agent network while `chimera start` runs: its signed heartbeat,
// every 60 s, into the deployment's peer registry, offering the node's skills at its public URL.
// Stopping leaves the node listed until its last heartbeat's TTL runs out.

import { HeartbeatPublisher } from '../network/discovery/heartbeat-publisher.js';
import { HeartbeatRegistry } from '../network/discovery/heartbeat-registry.js';
import type { Logger } from '../observability/logger.js';
import type { ChimeraApp } from './chimera-app.js';

/** Starts beating for `app`, reachable at CHIMERA_PUBLIC_URL or `listeningUrl`; returns the stop. */
export async function startNetworkPresence(
  app: ChimeraApp,
  listeningUrl: string,
  logger: Logger,
  now?: () => Date,
): Promise<() => Promise<void>> {
  const publisher = new HeartbeatPublisher({
    identity: await app.nodeIdentity(),
    endpoint: app.config.publicUrl ?? listeningUrl,
    capabilities: () => app.offeredSkills.map((skill) => skill.name),
    registry: new HeartbeatRegistry(app.store.network),
    ...(now && { now }),
    onError: (error) =>
      logger.warn({ err: error }, 'heartbeat failed or was refused; the next one is due in 60 s'),
  });
  await publisher.start();
  return () => publisher.stop();
}
