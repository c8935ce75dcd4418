// Near-duplicate detection for feed items: a pair model (duplicate-pair-model.ts) weighs
// the evidence two items give (story-fingerprint.ts: shingles, containment, headline, facts,
// names) into the probability that they tell the same story, and average-link clustering over
// those probabilities keeps a look-alike close to one member of a group out of it. Deterministic;
// it does not judge topics or sentiment.

import {
  decodeSoftmaxNetwork,
  meanSoftmaxProbabilities,
  type SoftmaxNetwork,
} from '../../models/text-classifiers/softmax-network.js';
import { averageLinkClusters, type ScoredPair } from './average-link.js';
import { DUPLICATE_PAIR_MODEL } from './duplicate-pair-model.js';
import { type FeedItem, itemText, publishedAt } from './feed-item.js';
import {
  candidatePairFeatures,
  type StoryFingerprint,
  storyFingerprint,
} from './story-fingerprint.js';

/** What near-duplicate detection needs from an item. */
export type DuplicateCandidate = Pick<FeedItem, 'id' | 'title' | 'summary' | 'published_at'>;

/** Options for `findNearDuplicates` and `dedupe`. */
export interface NearDuplicateOptions {
  /**
   * Lowest average probability (see `duplicateProbability`) between two groups for them to merge.
   * @defaultValue the bar chosen with the model by cross-validation on the tuning halves
   * (`DUPLICATE_PAIR_MODEL.bar`).
   */
  threshold?: number;
}

/**
 * Pairs less likely than this count as 0 in group averages and are not kept, so memory does not
 * grow with the square of the item count.
 */
const PROBABILITY_FLOOR = 0.05;

const NETWORKS = DUPLICATE_PAIR_MODEL.networks.map(decodeSoftmaxNetwork);

/** The mean of the networks' probabilities that a pair with these features tells one story. */
export function pairProbability(
  networks: readonly SoftmaxNetwork[],
  features: readonly number[],
): number {
  return meanSoftmaxProbabilities(networks, features)[1] ?? 0;
}

function probability(left: StoryFingerprint, right: StoryFingerprint): number {
  if (left.normalised !== '' && left.normalised === right.normalised) return 1;
  const features = candidatePairFeatures(left, right);
  return features === undefined ? 0 : pairProbability(NETWORKS, features);
}

/**
 * The probability that two texts (an item's title and summary, as `itemText` joins them) tell the
 * same story: 1 for the same text after normalisation, 0 for a pair not worth comparing
 * (`candidatePairFeatures`), otherwise the model's.
 */
export function duplicateProbability(left: string, right: string): number {
  return probability(storyFingerprint(left), storyFingerprint(right));
}

function byPublication(left: DuplicateCandidate, right: DuplicateCandidate): number {
  return publishedAt(left) - publishedAt(right) || left.id.localeCompare(right.id);
}

/**
 * Groups items that tell the same story: reposts, syndicated copies, prefixed ("BREAKING:") or
 * reworded headlines, rewrites that keep the facts. Items are scored pairwise by
 * `duplicateProbability`, then merged by average link: a group takes an item (or another group)
 * only when the mean probability over all their pairs reaches `threshold`, so a look-alike (the
 * same template about another event) close to one edited member stays out. Returns only groups
 * of two or more, each sorted earliest first, groups ordered by their earliest item. Items with
 * empty text are never grouped.
 *
 * Compares every pair, skipping pairs with too little in common (`candidatePairFeatures`); the
 * cost grows with the square of the item count (`bench/near-duplicates.ts`: 1,000 items in
 * about 0.85 s).
 */
export function findNearDuplicates<Item extends DuplicateCandidate>(
  items: readonly Item[],
  options: NearDuplicateOptions = {},
): Item[][] {
  const threshold = options.threshold ?? DUPLICATE_PAIR_MODEL.bar;
  const prints = items.map((item) => storyFingerprint(itemText(item)));
  const pairs: ScoredPair[] = [];
  for (let left = 0; left < items.length; left++) {
    for (let right = left + 1; right < items.length; right++) {
      const score = probability(
        prints[left] as StoryFingerprint,
        prints[right] as StoryFingerprint,
      );
      if (score >= PROBABILITY_FLOOR) pairs.push({ left, right, similarity: score });
    }
  }
  return averageLinkClusters(items.length, pairs, threshold)
    .map((cluster) => cluster.map((index) => items[index] as Item).sort(byPublication))
    .sort((left, right) => byPublication(left[0] as Item, right[0] as Item));
}

/**
 * Removes near-duplicates, keeping the earliest item of each group (ties broken by id) and every
 * item that has no duplicate, in their input order.
 */
export function dedupe<Item extends DuplicateCandidate>(
  items: readonly Item[],
  options: NearDuplicateOptions = {},
): Item[] {
  const dropped = new Set<Item>();
  for (const group of findNearDuplicates(items, options)) {
    for (const item of group.slice(1)) dropped.add(item);
  }
  return items.filter((item) => !dropped.has(item));
}
