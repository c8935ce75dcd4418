// Trains the near-duplicate pair model: a logistic regression over `pairFeatures` for every
// candidate pair within each labelled set's tuning half, labelled 1 when both items share a group.
// Deterministic for the same sets. Used by regenerate-duplicate-pair-model.ts and its test.

import { createHash } from 'node:crypto';
import {
  type LogisticModel,
  trainLogisticModel,
} from '../../models/text-classifiers/logistic-regression.js';
import type { DuplicateExample, DuplicateSet } from './duplicate-examples.js';
import { itemText } from './feed-item.js';
import { candidatePairFeatures, storyFingerprint } from './story-fingerprint.js';

/** Gradient-descent settings; the L2 penalty and the merge bar are cross-validated. */
export const PAIR_TRAINING = { iterations: 3000, learningRate: 2 } as const;

/** The L2 penalties and average-link bars `regenerate-duplicate-pair-model.ts` cross-validates. */
export const L2_CHOICES: readonly number[] = [0.0001, 0.0003, 0.001];
export const BAR_CHOICES: readonly number[] = [0.3, 0.4, 0.5, 0.6];

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

/** Trains the model on the candidate pairs of every set. */
export function trainPairModel(sets: readonly PairRows[], l2: number): LogisticModel {
  return trainLogisticModel(
    sets.flatMap((set) => set.rows),
    sets.flatMap((set) => set.targets),
    { ...PAIR_TRAINING, l2 },
  );
}

/** SHA-256 over the sets' names and items, so a regenerated model says what it was trained on. */
export function setsDigest(sets: readonly DuplicateSet[]): string {
  const hash = createHash('sha256');
  for (const set of sets) hash.update(JSON.stringify([set.name, set.items]));
  return hash.digest('hex');
}
