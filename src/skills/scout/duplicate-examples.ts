// The labelled duplicate sets the near-duplicate model is trained and measured on: the Scout's
// labelled feed items, the labelled posts and the later sets under fixtures/scout, each item
// tagged with its half (tuning or held-out), and how predicted groups score against the labels.
// Training and detection live elsewhere.

import { z } from 'zod';
import { type FixtureHalf, fixtureHalf } from '../../models/text-classifiers/fixture-split.js';
import { readScoutFixture } from './scout-fixture.js';

/** One labelled feed item: items that share a `group` tell the same story. */
export interface DuplicateExample {
  id: string;
  title: string;
  summary: string;
  published_at: string;
  group: string;
  half: FixtureHalf;
}

/** One labelled set: duplicates are only ever looked for within a set. */
export interface DuplicateSet {
  name: string;
  items: DuplicateExample[];
}

const FeedItems = z.array(
  z.object({
    id: z.string(),
    title: z.string(),
    summary: z.string(),
    published_at: z.string(),
    dup_group: z.string().regex(/^dg-\d{3}$/),
  }),
);

const Posts = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      summary: z.string(),
      dup_group: z.string(),
      kind: z.enum(['duplicate', 'look-alike', 'singleton']),
    }),
  ),
});

/** Sets written later by other writers, each measured once on arrival (fixtures/scout/README.md). */
const TRAINING_ONLY = [
  'dedup-train-1.json',
  'dedup-train-2.json',
  'dedup-train-3.json',
  'dedup-train-4.json',
  'dedup-train-5.json',
  'dedup-train-6.json',
];
const MEASURING_ONLY = ['dedup-check-fresh.json'];

function postSet(path: string, half: (group: string) => FixtureHalf): DuplicateSet {
  return {
    name: path,
    items: Posts.parse(readScoutFixture(path)).items.map((item, index) => ({
      id: item.id,
      title: item.title,
      summary: item.summary,
      // The posts carry no times; their order stands in, a minute apart.
      published_at: new Date(Date.UTC(2025, 5, 2) + index * 60_000).toISOString(),
      group: item.dup_group,
      half: half(item.dup_group),
    })),
  };
}

/**
 * Every labelled set. The feed items split by the parity of their group number (their README);
 * the posts by `fixtureHalf` of their group; the later sets are wholly tuning or wholly held out.
 */
export function loadDuplicateSets(): DuplicateSet[] {
  const feedItems = FeedItems.parse(readScoutFixture('labelled-items.json')).map((item) => ({
    id: item.id,
    title: item.title,
    summary: item.summary,
    published_at: item.published_at,
    group: item.dup_group,
    half: Number(item.dup_group.slice(3)) % 2 === 0 ? ('tuning' as const) : ('held-out' as const),
  }));
  return [
    { name: 'labelled-items.json', items: feedItems },
    postSet('dedup-posts.json', fixtureHalf),
    ...TRAINING_ONLY.map((path) => postSet(path, () => 'tuning')),
    ...MEASURING_ONLY.map((path) => postSet(path, () => 'held-out')),
  ];
}

/** The sets cut to one half, empty sets dropped. */
export function duplicateSetsOf(half: FixtureHalf): DuplicateSet[] {
  return loadDuplicateSets()
    .map((set) => ({ name: set.name, items: set.items.filter((item) => item.half === half) }))
    .filter((set) => set.items.length > 0);
}

/** Pairs of items counted against their labels. */
export interface PairCounts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

/**
 * How predicted groups (clusters of indices into `items`) score pair by pair against the labelled
 * groups: a pair in one predicted group and one labelled group is a true positive.
 */
export function pairCounts(
  items: readonly DuplicateExample[],
  predicted: readonly (readonly number[])[],
): PairCounts {
  const clusterOf = new Map<number, number>();
  predicted.forEach((members, cluster) => {
    for (const member of members) clusterOf.set(member, cluster);
  });
  const counts = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  for (let left = 0; left < items.length; left++) {
    for (let right = left + 1; right < items.length; right++) {
      const labelled = items[left]?.group === items[right]?.group;
      const found = clusterOf.has(left) && clusterOf.get(left) === clusterOf.get(right);
      if (labelled && found) counts.truePositives++;
      else if (found) counts.falsePositives++;
      else if (labelled) counts.falseNegatives++;
    }
  }
  return counts;
}
