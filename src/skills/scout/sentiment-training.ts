// Trains the sentiment classifier: three small softmax networks from different seeded starts over
// a text's sentence embedding and its cue features, on the tuning half of the labelled examples;
// the classifier averages them. Deterministic for the same examples.

import { embedSentence } from '../../models/sentence-encoder/sentence-encoder.js';
import {
  type SoftmaxNetwork,
  trainSoftmaxNetwork,
} from '../../models/text-classifiers/softmax-network.js';
import type { SentimentLabel } from './sentiment.js';
import { sentimentCues } from './sentiment-cues.js';

/** The labels, in the order of the network's outputs. */
export const SENTIMENT_LABELS: readonly SentimentLabel[] = ['positive', 'neutral', 'negative'];

/** Embeddings are about unit length; scaled up, they weigh about as much as the cues. */
const EMBEDDING_SCALE = 3;

/**
 * The networks' settings, chosen by 5-fold cross-validation on the tuning half (4,039 examples):
 * 64 or 128 hidden units and 10 to 40 epochs all scored 0.793–0.806, the logistic heads the
 * network replaced 0.786. On 5,539 examples one network scored 0.803–0.806 by seed, the mean of
 * seeds 1–3 0.817 and of seeds 1–5 0.815. The L2 penalty is chosen from `L2_CHOICES` the same way
 * when regenerating.
 */
export const SENTIMENT_NETWORK = {
  hidden: 64,
  epochs: 20,
  learningRate: 0.002,
  batchSize: 32,
  seeds: [1, 2, 3],
} as const;

/** The L2 penalties `regenerate-sentiment-network.ts` cross-validates. */
export const L2_CHOICES: readonly number[] = [0.0003, 0.001, 0.003];

/** A text's classifier input: its scaled sentence embedding followed by its cues. */
export async function sentimentFeatures(text: string): Promise<number[]> {
  const embedding = await embedSentence(text);
  return [...embedding.map((value) => value * EMBEDDING_SCALE), ...sentimentCues(text)];
}

/**
 * Trains the networks, one per seed (all of `SENTIMENT_NETWORK.seeds` unless given), on feature
 * rows and their labels.
 */
export function trainSentimentNetworks(
  rows: readonly ArrayLike<number>[],
  labels: readonly SentimentLabel[],
  l2: number,
  seeds: readonly number[] = SENTIMENT_NETWORK.seeds,
): SoftmaxNetwork[] {
  const targets = labels.map((label) => SENTIMENT_LABELS.indexOf(label));
  const { hidden, epochs, learningRate, batchSize } = SENTIMENT_NETWORK;
  return seeds.map((seed) =>
    trainSoftmaxNetwork(rows, targets, SENTIMENT_LABELS.length, {
      hidden,
      epochs,
      learningRate,
      batchSize,
      seed,
      l2,
    }),
  );
}
