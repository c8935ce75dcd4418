// Trains the sensitive-topic model's heads: one logistic regression per category over a post's
// sentence embedding, the lexicon's verdict per category and the everyday-sense cues, on the
// tuning posts. Deterministic for the same posts. Also reads the labelled fixtures.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  classifySensitiveTopics,
  SENSITIVE_CATEGORIES,
  type SensitiveCategory,
} from '../../domain/policies/sensitive-topics.js';
import { everydaySenseCues } from './everyday-sense-cues.js';
import { type FixtureHalf, fixtureHalf } from './fixture-split.js';
import {
  type LogisticModel,
  type LogisticTraining,
  trainLogisticModel,
} from './logistic-regression.js';
import { embedSentence } from './sentence-encoder.js';

/** One labelled post. `kind` is 'sensitive', 'plain-negative', 'tricky-negative' or 'sensitive-lookalike'. */
export interface LabelledPost {
  text: string;
  categories: readonly SensitiveCategory[];
  kind: string;
  half: FixtureHalf | 'blind';
  /** The fixture file it comes from. */
  fixture: (typeof SENSITIVE_FIXTURES)[number];
}

const Categories = z.array(z.enum(['politics', 'health', 'finance', 'legal']));
const OldPosts = z.object({
  examples: z.array(z.object({ text: z.string(), categories: Categories })),
});
const NewPosts = z.object({
  items: z.array(
    z.object({ id: z.string(), text: z.string(), categories: Categories, kind: z.string() }),
  ),
});

const fixture = (name: string) => new URL(`../../../fixtures/policies/${name}`, import.meta.url);

/** The fixtures, in the order their posts are read; their SHA-256s record what was trained on. */
export const SENSITIVE_FIXTURES = [
  'sensitive-topics.json',
  'sensitive-topics-blind.json',
  'sensitive-posts-a.json',
  'sensitive-posts-b.json',
] as const;

/**
 * Every labelled post: the first fixture is all tuning (it was read while the lexicon was built),
 * the second is the blind set (measured only), and the posts of the last two are split by
 * `fixtureHalf` of their id.
 */
export function loadLabelledPosts(): { posts: LabelledPost[]; sha256: Record<string, string> } {
  const posts: LabelledPost[] = [];
  const sha256: Record<string, string> = {};
  for (const name of SENSITIVE_FIXTURES) {
    const bytes = readFileSync(fixture(name));
    sha256[name] = createHash('sha256').update(bytes).digest('hex');
    const json: unknown = JSON.parse(bytes.toString('utf8'));
    if (name === 'sensitive-topics.json' || name === 'sensitive-topics-blind.json') {
      for (const example of OldPosts.parse(json).examples) {
        posts.push({
          ...example,
          kind: example.categories.length > 0 ? 'sensitive' : 'plain-negative',
          half: name === 'sensitive-topics.json' ? 'tuning' : 'blind',
          fixture: name,
        });
      }
    } else {
      for (const item of NewPosts.parse(json).items) {
        posts.push({
          text: item.text,
          categories: item.categories,
          kind: item.kind,
          half: fixtureHalf(item.id),
          fixture: name,
        });
      }
    }
  }
  return { posts, sha256 };
}

/** Embeddings are about unit length; scaled by 3, gradient descent converges in the steps below. */
const EMBEDDING_SCALE = 3;

/**
 * Chosen by 5-fold cross-validation on the tuning posts (L2 0.001, 0.003 or 0.01; thresholds 0.1
 * to 0.4; see `TOPIC_MODEL_THRESHOLD`). The held-out and blind posts played no part.
 */
export const SENSITIVE_TOPIC_TRAINING: LogisticTraining = {
  l2: 0.003,
  iterations: 600,
  learningRate: 2,
};

/**
 * A post's model input: its sentence embedding times `EMBEDDING_SCALE`, then 1 or 0 for each
 * category the lexicon flags, then the everyday-sense cues.
 */
export async function topicFeatures(text: string): Promise<number[]> {
  const lexicon = classifySensitiveTopics(text).categories;
  return [
    ...(await embedSentence(text)).map((value) => value * EMBEDDING_SCALE),
    ...SENSITIVE_CATEGORIES.map((category) => (lexicon.includes(category) ? 1 : 0)),
    ...everydaySenseCues(text),
  ];
}

/** Trains one head per category (that category against every other post, sensitive or not). */
export async function trainSensitiveTopicHeads(
  posts: readonly LabelledPost[],
): Promise<Record<SensitiveCategory, LogisticModel>> {
  const rows: number[][] = [];
  for (const post of posts) rows.push(await topicFeatures(post.text));
  const heads = {} as Record<SensitiveCategory, LogisticModel>;
  for (const category of SENSITIVE_CATEGORIES) {
    const targets = posts.map((post) => (post.categories.includes(category) ? 1 : 0));
    heads[category] = trainLogisticModel(rows, targets, SENSITIVE_TOPIC_TRAINING);
  }
  return heads;
}
