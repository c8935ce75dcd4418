// Trains the sentiment classifier's heads: one logistic regression per label (that label against
// the other two) over a text's sentence embedding and its cue features, on the tuning half of the
// labelled examples. Deterministic for the same examples.

import { embedSentence } from '../../models/sentence-encoder/sentence-encoder.js';
import {
  type LogisticModel,
  type LogisticTraining,
  trainLogisticModel,
} from '../../models/text-classifiers/logistic-regression.js';
import type { SentimentLabel } from './sentiment.js';
import { sentimentCues } from './sentiment-cues.js';

/** The labels, in the order the heads are stored. */
export const SENTIMENT_LABELS: readonly SentimentLabel[] = ['positive', 'neutral', 'negative'];

/** Embeddings are about unit length; scaled up, gradient descent converges in the steps below. */
const EMBEDDING_SCALE = 3;

/** Gradient descent settings; the L2 penalty is chosen by cross-validation from `L2_CHOICES`. */
export const SENTIMENT_STEPS = { iterations: 600, learningRate: 2 } as const;

/** The L2 penalties `regenerate-sentiment-heads.ts` cross-validates. */
export const L2_CHOICES: readonly number[] = [0.0001, 0.0003, 0.001, 0.003];

/** A text's classifier input: its scaled sentence embedding followed by its cues. */
export async function sentimentFeatures(text: string): Promise<number[]> {
  const embedding = await embedSentence(text);
  return [...embedding.map((value) => value * EMBEDDING_SCALE), ...sentimentCues(text)];
}

/** Trains one head per label on feature rows and their labels. */
export function trainSentimentHeads(
  rows: readonly ArrayLike<number>[],
  labels: readonly SentimentLabel[],
  training: LogisticTraining,
): Record<SentimentLabel, LogisticModel> {
  const heads = {} as Record<SentimentLabel, LogisticModel>;
  for (const label of SENTIMENT_LABELS) {
    heads[label] = trainLogisticModel(
      rows,
      labels.map((each) => (each === label ? 1 : 0)),
      training,
    );
  }
  return heads;
}
