// The committed near-duplicate pair model is what its training script makes from the tuning halves
// of the labelled duplicate sets: same data (by digest) and, retrained here, the same weights.

import { describe, expect, it } from 'vitest';
import { encodeSoftmaxNetwork } from '../../models/text-classifiers/softmax-network.js';
import { duplicateSetsOf } from './duplicate-examples.js';
import { DUPLICATE_PAIR_MODEL, DUPLICATE_PAIR_TRAINING } from './duplicate-pair-model.js';
import { PAIR_NETWORK, pairRows, setsDigest, trainPairModel } from './duplicate-pair-training.js';
import { PAIR_FEATURES } from './story-fingerprint.js';

describe('the duplicate pair model', () => {
  const sets = duplicateSetsOf('tuning');

  it('was trained on the tuning halves as they are now, never on held-out items', () => {
    expect(setsDigest(sets)).toBe(DUPLICATE_PAIR_TRAINING.sha256);
    expect(sets.flatMap((set) => set.items).every((item) => item.half === 'tuning')).toBe(true);
    expect(DUPLICATE_PAIR_MODEL.networks).toHaveLength(PAIR_NETWORK.seeds.length);
    for (const network of DUPLICATE_PAIR_MODEL.networks) {
      expect(network.inputs).toBe(PAIR_FEATURES.length);
    }
  });

  it('retrains to the committed weights', () => {
    const rows = sets.map((set) => pairRows(set.items));
    expect(rows.reduce((sum, set) => sum + set.rows.length, 0)).toBe(DUPLICATE_PAIR_TRAINING.pairs);
    // The features and the training are plain JavaScript arithmetic, the same on every CPU.
    expect(trainPairModel(rows, DUPLICATE_PAIR_TRAINING.l2).map(encodeSoftmaxNetwork)).toEqual(
      DUPLICATE_PAIR_MODEL.networks,
    );
  }, 120_000);
});
