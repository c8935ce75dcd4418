import { describe, expect, it } from 'vitest';
import {
  decodeSoftmaxNetwork,
  encodeSoftmaxNetwork,
  type SoftmaxNetworkTraining,
  softmaxNetworkProbabilities,
  trainSoftmaxNetwork,
} from './softmax-network.js';

const TRAINING: SoftmaxNetworkTraining = {
  hidden: 8,
  epochs: 200,
  l2: 0,
  learningRate: 0.02,
  batchSize: 4,
  seed: 7,
};

/** Three classes no straight line separates: the sign pattern of two inputs (XOR-like). */
const ROWS = [
  [1, 1],
  [-1, -1],
  [1, -1],
  [-1, 1],
  [0.1, 0.1],
  [0.9, 1.1],
  [-1.1, -0.9],
];
const LABELS = [0, 0, 1, 2, 0, 0, 0];

describe('the softmax network', () => {
  it('learns classes that no single linear boundary separates', () => {
    const network = trainSoftmaxNetwork(
      [...ROWS, [1.2, -0.8], [-0.8, 1.2]],
      [...LABELS, 1, 2],
      3,
      TRAINING,
    );
    const predicted = ROWS.map((row) => {
      const probabilities = softmaxNetworkProbabilities(network, row);
      expect(probabilities.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 6);
      return probabilities.indexOf(Math.max(...probabilities));
    });
    expect(predicted).toEqual(LABELS);
  });

  it('gives the same weights for the same data, settings and seed', () => {
    const first = trainSoftmaxNetwork(ROWS, LABELS, 3, TRAINING);
    const second = trainSoftmaxNetwork(ROWS, LABELS, 3, TRAINING);
    expect(second.hiddenWeights).toEqual(first.hiddenWeights);
    expect(second.outputBias).toEqual(first.outputBias);
    const reseeded = trainSoftmaxNetwork(ROWS, LABELS, 3, { ...TRAINING, seed: 8 });
    expect(reseeded.hiddenWeights).not.toEqual(first.hiddenWeights);
  });

  it('round-trips through its committed encoding', () => {
    const network = trainSoftmaxNetwork(ROWS, LABELS, 3, TRAINING);
    const decoded = decodeSoftmaxNetwork(encodeSoftmaxNetwork(network));
    expect(decoded).toEqual(network);
    expect(() => decodeSoftmaxNetwork({ ...encodeSoftmaxNetwork(network), hidden: 9 })).toThrow(
      /expected .* parameters/,
    );
  });

  it('refuses rows and labels that do not match', () => {
    expect(() => trainSoftmaxNetwork(ROWS, [0], 3, TRAINING)).toThrow(/matching/);
  });
});
