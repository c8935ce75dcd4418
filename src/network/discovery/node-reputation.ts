// This node's reputation, recomputed from evidence (domain/network/reputation.ts): the
// heartbeats the registry accepted from it and the hires it provided over the last 7 days. Each
// recomputation is stored with its inputs and components; the heartbeat publishes the latest.

import {
  REPUTATION_WINDOW_MS,
  type Reputation,
  type ReputationInputs,
  reputationInputsOf,
  reputationOf,
} from '../../domain/network/reputation.js';
import type { Store } from '../../store/store.js';

/** Recomputes and stores node `nodeId`'s reputation at `now`; returns it with its inputs. */
export async function recomputeReputation(
  store: Pick<Store, 'network'>,
  nodeId: string,
  now: Date,
): Promise<Reputation & { inputs: ReputationInputs }> {
  const since = new Date(now.getTime() - REPUTATION_WINDOW_MS);
  const inputs = reputationInputsOf(await store.network.reputationEvidence(nodeId, since), now);
  const reputation = { ...reputationOf(inputs), inputs };
  await store.network.recordReputation(nodeId, now, reputation, since);
  return reputation;
}
