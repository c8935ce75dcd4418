// The Scout's sentiment classifier: three small softmax networks (positive, neutral, negative),
// averaged, over a text's sentence embedding and its lexicon and sarcasm cues, trained on the
// tuning half of the labelled fixtures (weights in sentiment-network.ts). Offline and
// deterministic.

import {
  decodeSoftmaxNetwork,
  meanSoftmaxProbabilities,
  type SoftmaxNetwork,
} from '../../models/text-classifiers/softmax-network.js';
import type { SentimentLabel } from './sentiment.js';
import { SENTIMENT_NETWORKS } from './sentiment-network.js';
import { SENTIMENT_LABELS, sentimentFeatures } from './sentiment-training.js';

/** What the classifier decided about one text. */
export interface ClassifiedSentiment {
  label: SentimentLabel;
  /** Per label, the networks' mean probability (they sum to 1). */
  probabilities: Record<SentimentLabel, number>;
  /** P(positive) − P(negative), in [-1, 1]: the score trends average. */
  score: number;
}

const networks = SENTIMENT_NETWORKS.map(decodeSoftmaxNetwork);

/** Applies networks to one feature row: the label with the highest mean probability wins. */
export function applySentimentNetworks(
  models: readonly SoftmaxNetwork[],
  features: ArrayLike<number>,
): ClassifiedSentiment {
  const outputs = meanSoftmaxProbabilities(models, features);
  const probabilities = { positive: 0, neutral: 0, negative: 0 };
  SENTIMENT_LABELS.forEach((label, index) => {
    probabilities[label] = outputs[index] ?? 0;
  });
  const label = SENTIMENT_LABELS.reduce((best, each) =>
    probabilities[each] > probabilities[best] ? each : best,
  );
  return { label, probabilities, score: probabilities.positive - probabilities.negative };
}

/**
 * Classifies one text. Costs a sentence embedding (a few ms, cached by text) after a one-off
 * model load; an empty text is neutral.
 */
export async function classifySentiment(text: string): Promise<ClassifiedSentiment> {
  if (text.trim() === '') {
    return { label: 'neutral', probabilities: { positive: 0, neutral: 1, negative: 0 }, score: 0 };
  }
  return applySentimentNetworks(networks, await sentimentFeatures(text));
}

/**
 * Below this top (mean) probability the classifier is unsure, and a hosted model's opinion
 * decides. Chosen by 5-fold cross-validation on the tuning half to send the same share of posts
 * to the model as before: about a seventh (14 %) fall below it, where the classifier is right
 * about half the time (0.51), against 0.87 above it. One network left 14 % below 0.7 (0.48 and
 * 0.86); averaged networks are less often sure, and 0.7 would leave 18 % below.
 */
export const UNSURE_BELOW = 0.65;

/** Whether the classifier is unsure of a text: no label reaches `UNSURE_BELOW`. */
export function isUnsure(result: ClassifiedSentiment): boolean {
  return Math.max(...Object.values(result.probabilities)) < UNSURE_BELOW;
}

/**
 * Combines the classifier with a hosted model's label by a simple rule: where the classifier is
 * sure (`isUnsure` is false) it stands; where it is unsure, the model's label decides, with a
 * score of 1, 0 or -1.
 */
export function combineSentiment(
  offline: ClassifiedSentiment,
  modelLabel: SentimentLabel,
): ClassifiedSentiment {
  if (!isUnsure(offline)) return offline;
  const score = { positive: 1, neutral: 0, negative: -1 }[modelLabel];
  return { ...offline, label: modelLabel, score };
}
