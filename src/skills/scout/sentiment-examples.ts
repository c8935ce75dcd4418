// The labelled sentiment examples the classifier is trained and measured on: the Scout's labelled
// feed items and the two sets of labelled social posts under fixtures/scout, each tagged with its
// half (tuning or held-out). Reading only; training and measuring live elsewhere.

import { z } from 'zod';
import { type FixtureHalf, fixtureHalf } from '../../models/text-classifiers/fixture-split.js';
import { itemText } from './feed-item.js';
import { readScoutFixture } from './scout-fixture.js';
import type { SentimentLabel } from './sentiment.js';

/** One labelled text. */
export interface SentimentExample {
  id: string;
  text: string;
  label: SentimentLabel;
  /** What makes it hard ('sarcasm', 'slang', 'negation', …), or 'feed item'. */
  kind: string;
  half: FixtureHalf;
}

const Label = z.enum(['positive', 'neutral', 'negative']);

const FeedItems = z.array(
  z.object({
    id: z.string(),
    title: z.string(),
    summary: z.string(),
    dup_group: z.string().regex(/^dg-\d{3}$/),
    sentiment: Label,
  }),
);

const Posts = z.object({
  items: z.array(
    z.object({ id: z.string(), text: z.string(), sentiment: Label, kind: z.string() }),
  ),
});

/**
 * Sets written later by other writers, each measured once on arrival (fixtures/scout/README.md):
 * seventeen only to train on (5,100 items, all tuning) and two only to measure (350 items, never
 * trained on).
 */
const TRAINING_ONLY = [
  'sentiment-train-news.json',
  'sentiment-train-social-1.json',
  'sentiment-train-social-2.json',
  'sentiment-train-news-2.json',
  'sentiment-train-social-3.json',
  'sentiment-train-social-4.json',
  'sentiment-train-news-3.json',
  'sentiment-train-news-4.json',
  'sentiment-train-social-5.json',
  'sentiment-train-social-6.json',
  'sentiment-train-social-7.json',
  'sentiment-train-social-8.json',
  'sentiment-train-news-5.json',
  'sentiment-train-social-9.json',
  'sentiment-train-social-10.json',
  'sentiment-train-news-6.json',
  'sentiment-train-social-11.json',
];
const MEASURING_ONLY = ['sentiment-check-fresh.json', 'sentiment-check-fresh-2.json'];

/**
 * Every labelled example. Feed items keep the split their fixture documents (even `dup_group`
 * numbers tune, odd are held out); the two sets of posts are split by `fixtureHalf` of their id;
 * the later sets are wholly tuning or wholly held out.
 */
export function loadSentimentExamples(): SentimentExample[] {
  const feed = FeedItems.parse(readScoutFixture('labelled-items.json')).map((item) => ({
    id: item.id,
    text: itemText(item),
    label: item.sentiment,
    kind: 'feed item',
    half: (Number(item.dup_group.slice(3)) % 2 === 0 ? 'tuning' : 'held-out') as FixtureHalf,
  }));
  const posts = ['sentiment-posts-a.json', 'sentiment-posts-b.json'].flatMap((file) =>
    Posts.parse(readScoutFixture(file)).items.map((post) => ({
      id: post.id,
      text: post.text,
      label: post.sentiment,
      kind: post.kind,
      half: fixtureHalf(post.id),
    })),
  );
  const whole = (files: readonly string[], half: FixtureHalf) =>
    files.flatMap((file) =>
      Posts.parse(readScoutFixture(file)).items.map((post) => ({
        id: post.id,
        text: post.text,
        label: post.sentiment,
        kind: post.kind,
        half,
      })),
    );
  return [
    ...feed,
    ...posts,
    ...whole(TRAINING_ONLY, 'tuning'),
    ...whole(MEASURING_ONLY, 'held-out'),
  ];
}
