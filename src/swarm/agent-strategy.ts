// Each agent's learning strategy in the running system: its bandit (domain/strategy/bandit.ts)
// draws the choice a task binds with `{"$from": "strategy"}` (the Director's angle and hook), and
// is rewarded with a post's engagement rate when the post's reward read comes in. The state is
// stored per agent under a version; a draw is seeded by the task and attempt, so it is repeatable.

import { VersionConflict } from '../domain/errors.js';
import { createRandom, seedFrom } from '../domain/seeded-random.js';
import {
  BanditState,
  type BanditSummary,
  chooseStrategy,
  createBanditState,
  summarizeBandit,
  updateBandit,
} from '../domain/strategy/bandit.js';
import { StrategyChoice } from '../domain/strategy/strategy-choices.js';
import type { EngagementCounts, Store } from '../store/store.js';

const MAX_CONFLICT_RETRIES = 5;

/** The agent's bandit state as stored, or a fresh one. */
async function stateOf(store: Store, agentId: string) {
  const stored = await store.strategies.get(agentId);
  return {
    state: stored ? BanditState.parse(stored.state) : createBanditState(),
    version: stored?.version,
  };
}

/** The agent's choice for a task's attempt (`seed`). */
export async function drawStrategy(
  store: Store,
  agentId: string,
  seed: string,
): Promise<StrategyChoice> {
  const { state } = await stateOf(store, agentId);
  return chooseStrategy(state, createRandom(seedFrom(seed)));
}

/** The engagement rate of `counts`, (likes + comments + shares) / views; undefined without views. */
export function engagementRate(counts: EngagementCounts): number | undefined {
  if (counts.views <= 0) return undefined;
  return Math.min(1, (counts.likes + counts.comments + counts.shares) / counts.views);
}

/**
 * Rewards the agent's bandit for a post made with `choice` that earned `counts`. Does nothing for
 * a post made without a strategy, or without views. Call it inside the transaction that records
 * the read; it retries the agent's state on a concurrent writer.
 */
export async function rewardStrategy(
  store: Store,
  agentId: string,
  choice: unknown,
  counts: EngagementCounts,
): Promise<void> {
  const parsed = StrategyChoice.safeParse(choice);
  const rate = engagementRate(counts);
  if (!parsed.success || rate === undefined) return;
  for (let attempt = 1; ; attempt++) {
    const { state, version } = await stateOf(store, agentId);
    try {
      await store.strategies.save(agentId, updateBandit(state, parsed.data, rate), version);
      return;
    } catch (error) {
      if (!(error instanceof VersionConflict) || attempt >= MAX_CONFLICT_RETRIES) throw error;
    }
  }
}

/** What the agent's bandit believes: per dimension and value, posts and mean engagement rate. */
export async function strategySummary(store: Store, agentId: string): Promise<BanditSummary> {
  return summarizeBandit((await stateOf(store, agentId)).state);
}
