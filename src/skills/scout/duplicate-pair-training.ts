// Trains the near-duplicate pair model: three small networks from different seeded starts over
// `pairFeatures` for every candidate pair within each labelled set's tuning half, labelled 1 when
// both items share a group; their mean probability is the model's (`pairProbability` in
// near-duplicates.ts). Deterministic for the same sets. Used by regenerate-duplicate-pair-model.ts
// and its test.

import { createHash } from 'node:crypto';
import {
  type SoftmaxNetwork,
  trainSoftmaxNetwork,
} from '../../models/text-classifiers/softmax-network.js';
import type { DuplicateExample, DuplicateSet } from './duplicate-examples.js';
import { itemText } from './feed-item.js';
import { candidatePairFeatures, storyFingerprint } from './story-fingerprint.js';

/**
 * The networks' settings. By leave-one-set-out cross-validation on the five first tuning sets,
 * three networks of 8 or 12 hidden units made 119–131 wrong pairs at bars 0.4–0.6, one network
 * 119–171 depending on its settings and seed, and a logistic regression 139. On the eight sets of
 * 2026-12-01, 16 hidden units made 440 against 433, and seeds 4–6 435.
 */
export const PAIR_NETWORK = {
  hidden: 8,
  epochs: 60,
  learningRate: 0.01,
  batchSize: 32,
  seeds: [1, 2, 3],
} as const;

/** The L2 penalties `regenerate-duplicate-pair-model.ts` cross-validates. */
export const L2_CHOICES: readonly number[] = [0.0001, 0.0003];
/**
 * The average-link bars it cross-validates. None is under 0.5: below it, one near-certain link to
 * one member of a pair would carry an item into the pair with no link to the other, the chaining
 * average link is there to stop (0.4 made 119 wrong pairs, 0.5 made 121).
 */
export const BAR_CHOICES: readonly number[] = [0.5, 0.6, 0.7];

/** Candidate pairs of one set's items, by index, with their features and label. */
export interface PairRows {
  pairs: { left: number; right: number }[];
  rows: number[][];
  targets: number[];
}

/** The candidate pairs of `items` (see `candidatePairFeatures`), with their labels. */
export function pairRows(items: readonly DuplicateExample[]): PairRows {
  const prints = items.map((item) => storyFingerprint(itemText(item)));
  const found: PairRows = { pairs: [], rows: [], targets: [] };
  for (let left = 0; left < items.length; left++) {
    for (let right = left + 1; right < items.length; right++) {
      const features = candidatePairFeatures(
        prints[left] as (typeof prints)[number],
        prints[right] as (typeof prints)[number],
      );
      if (features === undefined) continue;
      found.pairs.push({ left, right });
      found.rows.push(features);
      found.targets.push(items[left]?.group === items[right]?.group ? 1 : 0);
    }
  }
  return found;
}

/** Trains the model's networks on the candidate pairs of every set. */
export function trainPairModel(sets: readonly PairRows[], l2: number): SoftmaxNetwork[] {
  const rows = sets.flatMap((set) => set.rows);
  const targets = sets.flatMap((set) => set.targets);
  const { seeds, ...settings } = PAIR_NETWORK;
  return seeds.map((seed) => trainSoftmaxNetwork(rows, targets, 2, { ...settings, seed, l2 }));
}

/** SHA-256 over the sets' names and items, so a regenerated model says what it was trained on. */
export function setsDigest(sets: readonly DuplicateSet[]): string {
  const hash = createHash('sha256');
  for (const set of sets) hash.update(JSON.stringify([set.name, set.items]));
  return hash.digest('hex');
}
