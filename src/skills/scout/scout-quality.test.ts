// SK-SCOUT-001 quality gate: deduplication precision and recall and sentiment accuracy on the
// labelled fixture, on a tuning half, a held-out half and the whole, printed in one block.
// It reads the fixture only; the labels were written before the models were tuned.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FeedItem, itemText } from './feed-item.js';
import { findNearDuplicates } from './near-duplicates.js';
import { scoreSentiment, vaderBaseline } from './sentiment.js';

const LabelledItem = FeedItem.extend({
  engagement: z.number().int().nonnegative(),
  niche: z.enum([
    'sustainable-streetwear',
    'budget-travel-street-food',
    'fitness-wellness',
    'unrelated',
  ]),
  dup_group: z.string().regex(/^dg-\d{3}$/),
  sentiment: z.enum(['positive', 'neutral', 'negative']),
});
type LabelledItem = z.infer<typeof LabelledItem>;

const fixture = z
  .array(LabelledItem)
  .parse(
    JSON.parse(
      readFileSync(new URL('../../../fixtures/scout/labelled-items.json', import.meta.url), 'utf8'),
    ),
  );

const GOALS = { precision: 0.9, recall: 0.9, sentimentAccuracy: 0.85 } as const;
/**
 * Measured sentiment accuracy (89/110 held-out, 197/227 whole on 2026-11-22), below the 0.85 goal
 * on the held-out half: see the note below.
 */
const SENTIMENT_FLOORS = { 'held-out': 0.8, whole: 0.86 } as const;

/**
 * The split: whole duplicate groups go to one half, by the parity of their number, so no
 * labelled pair is cut in two. Even numbers were used to tune thresholds and word lists; odd
 * numbers were not looked at while tuning.
 */
const isTuning = (item: LabelledItem) => Number(item.dup_group.slice(3)) % 2 === 0;
const halves = {
  tuning: fixture.filter(isTuning),
  'held-out': fixture.filter((item) => !isTuning(item)),
  whole: fixture,
};

function labelledPairs(items: readonly LabelledItem[]): number {
  const sizes = new Map<string, number>();
  for (const item of items) sizes.set(item.dup_group, (sizes.get(item.dup_group) ?? 0) + 1);
  let pairs = 0;
  for (const size of sizes.values()) pairs += (size * (size - 1)) / 2;
  return pairs;
}

/** Pairwise precision and recall of the predicted duplicate groups against `dup_group`. */
function dedupQuality(items: readonly LabelledItem[]) {
  const predicted = new Map<string, number>();
  findNearDuplicates(items).forEach((group, index) => {
    for (const item of group) predicted.set(item.id, index);
  });
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (let left = 0; left < items.length; left++) {
    for (let right = left + 1; right < items.length; right++) {
      const a = items[left]!;
      const b = items[right]!;
      const labelled = a.dup_group === b.dup_group;
      const found = predicted.has(a.id) && predicted.get(a.id) === predicted.get(b.id);
      if (labelled && found) truePositives++;
      else if (found) falsePositives++;
      else if (labelled) falseNegatives++;
    }
  }
  const precision =
    truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives);
  const recall =
    truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives);
  return { precision, recall, pairs: truePositives + falseNegatives };
}

function sentimentAccuracy(
  items: readonly LabelledItem[],
  model: (text: string) => { label: string },
): number {
  const correct = items.filter((item) => model(itemText(item)).label === item.sentiment).length;
  return correct / items.length;
}

const figures = Object.fromEntries(
  Object.entries(halves).map(([name, items]) => [
    name,
    {
      items: items.length,
      ...dedupQuality(items),
      sentiment: sentimentAccuracy(items, scoreSentiment),
      vader: sentimentAccuracy(items, vaderBaseline),
    },
  ]),
) as Record<
  keyof typeof halves,
  ReturnType<typeof dedupQuality> & {
    items: number;
    sentiment: number;
    vader: number;
  }
>;

const f = (value: number) => value.toFixed(2);
process.stdout.write(
  `${[
    'scout quality (SK-SCOUT-001, fixtures/scout/labelled-items.json):',
    ...(['held-out', 'tuning', 'whole'] as const).map((name) => {
      const row = figures[name];
      return `  ${`${name}:`.padEnd(10)} dedup precision ${f(row.precision)} recall ${f(row.recall)} (${row.pairs} labelled pairs, ${row.items} items); sentiment accuracy ${f(row.sentiment)} (raw VADER ${f(row.vader)})`;
    }),
    `  goals: precision ≥ ${GOALS.precision}, recall ≥ ${GOALS.recall}, sentiment accuracy ≥ ${GOALS.sentimentAccuracy}, on the held-out half and the whole`,
    `  sentiment goal ${figures['held-out'].sentiment >= GOALS.sentimentAccuracy ? 'met' : 'NOT MET'} on the held-out half: ${f(figures['held-out'].sentiment)} against ${GOALS.sentimentAccuracy}`,
  ].join('\n')}\n`,
);

describe('SK-SCOUT-001 labelled fixture', () => {
  it('holds at least 220 valid items with unique ids across the three niches and unrelated noise', () => {
    expect(fixture.length).toBeGreaterThanOrEqual(220);
    expect(new Set(fixture.map((item) => item.id)).size).toBe(fixture.length);
    for (const niche of LabelledItem.shape.niche.options) {
      expect(fixture.filter((item) => item.niche === niche).length).toBeGreaterThanOrEqual(40);
    }
  });

  it('has at least 40 labelled duplicate pairs, with pairs on both halves', () => {
    expect(labelledPairs(fixture)).toBeGreaterThanOrEqual(40);
    expect(labelledPairs(halves.tuning)).toBeGreaterThanOrEqual(20);
    expect(labelledPairs(halves['held-out'])).toBeGreaterThanOrEqual(20);
  });

  it('has every sentiment class between a quarter and two fifths of the items', () => {
    for (const label of ['positive', 'neutral', 'negative'] as const) {
      const share = fixture.filter((item) => item.sentiment === label).length / fixture.length;
      expect(share).toBeGreaterThanOrEqual(0.25);
      expect(share).toBeLessThanOrEqual(0.4);
    }
  });
});

describe('SK-SCOUT-001 quality goals', () => {
  for (const name of ['held-out', 'whole'] as const) {
    it(`deduplicates the ${name} set with pairwise precision and recall of at least 0.90`, () => {
      expect(figures[name].precision).toBeGreaterThanOrEqual(GOALS.precision);
      expect(figures[name].recall).toBeGreaterThanOrEqual(GOALS.recall);
    });

    // The 0.85 goal is not met on the held-out half yet (0.81 measured on 2026-11-22): until it
    // is, this guards the measured level so it cannot slip, and the printout shows the gap.
    it(`keeps sentiment accuracy on the ${name} set at or above its measured floor`, () => {
      expect(figures[name].sentiment).toBeGreaterThanOrEqual(SENTIMENT_FLOORS[name]);
    });
  }

  it('meets the 0.85 sentiment goal on the whole fixture', () => {
    expect(figures.whole.sentiment).toBeGreaterThanOrEqual(GOALS.sentimentAccuracy);
  });

  it('beats raw VADER on sentiment accuracy on the held-out half', () => {
    expect(figures['held-out'].sentiment).toBeGreaterThan(figures['held-out'].vader);
  });
});
