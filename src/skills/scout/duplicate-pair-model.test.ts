// The committed near-duplicate pair model is what its training script makes from the tuning halves
// of the labelled duplicate sets: same data (by digest) and, retrained here, the same weights.

import { describe, expect, it } from 'vitest';
import { largestWeightDifference } from '../../models/text-classifiers/logistic-regression.js';
import { duplicateSetsOf } from './duplicate-examples.js';
import { DUPLICATE_PAIR_MODEL, DUPLICATE_PAIR_TRAINING } from './duplicate-pair-model.js';
import { pairRows, setsDigest, trainPairModel } from './duplicate-pair-training.js';
import { PAIR_FEATURES } from './story-fingerprint.js';

describe('the duplicate pair model', () => {
  const sets = duplicateSetsOf('tuning');

  it('was trained on the tuning halves as they are now, never on held-out items', () => {
    expect(setsDigest(sets)).toBe(DUPLICATE_PAIR_TRAINING.sha256);
    expect(sets.flatMap((set) => set.items).every((item) => item.half === 'tuning')).toBe(true);
    expect(DUPLICATE_PAIR_MODEL.weights).toHaveLength(PAIR_FEATURES.length);
  });

  it('retrains to the committed weights', () => {
    const rows = sets.map((set) => pairRows(set.items));
    expect(rows.reduce((sum, set) => sum + set.rows.length, 0)).toBe(DUPLICATE_PAIR_TRAINING.pairs);
    const retrained = trainPairModel(rows, DUPLICATE_PAIR_TRAINING.l2);
    const committed = {
      weights: Float64Array.from(DUPLICATE_PAIR_MODEL.weights),
      bias: DUPLICATE_PAIR_MODEL.bias,
    };
    expect(largestWeightDifference(retrained, committed)).toBeLessThan(1e-9);
    expect(retrained.bias).toBeCloseTo(committed.bias, 9);
  }, 120_000);

  it('weighs conflicting facts against a match and shared words for one', () => {
    const weight = (name: (typeof PAIR_FEATURES)[number]) =>
      DUPLICATE_PAIR_MODEL.weights[PAIR_FEATURES.indexOf(name)] ?? 0;
    expect(weight('facts conflict')).toBeLessThan(0);
    expect(weight('word containment')).toBeGreaterThan(0);
  });
});
