// Issue 14's quality gate (SK-SCOUT-001, FR-POLICY-001): deduplication, sentiment and the
// sensitive-topic check measured on the tuning half of the labelled fixtures and on the held-out
// half (never read while tuning), printed in one block. Held-out texts are never printed: reading
// the misses would tune the next change. Each goal the held-out half meets is asserted; a goal it
// misses is printed as missed and its measured figure is asserted as a floor, so the gap is
// visible and cannot widen.

import { afterAll, describe, expect, it } from 'vitest';
import {
  loadSensitiveExamples,
  type SensitiveExample,
} from '../src/models/text-classifiers/sensitive-topics-examples.js';
import { classifySensitiveTopicsWithModel } from '../src/models/text-classifiers/sensitive-topics-model.js';
import {
  type DuplicateExample,
  loadDuplicateSets,
  type PairCounts,
  pairCounts,
} from '../src/skills/scout/duplicate-examples.js';
import { itemText } from '../src/skills/scout/feed-item.js';
import { findNearDuplicates } from '../src/skills/scout/near-duplicates.js';
import { normaliseText } from '../src/skills/scout/normalise-text.js';
import { scoreSentiment } from '../src/skills/scout/sentiment.js';
import { classifySentiment } from '../src/skills/scout/sentiment-classifier.js';
import {
  loadSentimentExamples,
  type SentimentExample,
} from '../src/skills/scout/sentiment-examples.js';
import { jaccard } from '../src/skills/scout/story-fingerprint.js';

const GOALS = {
  dedupPrecision: 0.995,
  dedupRecall: 0.995,
  sentimentAccuracy: 0.9,
  sensitiveRecall: 1,
  trickyFalseAlarms: 0.05,
} as const;

/**
 * Floors a little under the held-out figures last measured (2026-12-01: dedup 0.960 / 0.856 with
 * the fresh check set, which the rules before the pair model scored 0.792 / 0.516 on arrival;
 * 0.918 / 0.913 before training on three sets of harder look-alikes traded recall for precision;
 * sentiment 0.861 with both fresh check sets; 2026-12-02: sensitive recall 0.984 with false
 * alarms 0.184 on tricky negatives, with the two sets only measured, once three networks decided
 * which posts the lexicon or the heads raise are sensitive; 0.981 and 0.168 once they also read
 * the everyday senses and trained on replies and short captions): every goal is missed
 * there, so these keep the gap from widening. The fixtures' READMEs keep the record.
 */
const FLOORS = {
  dedupPrecision: 0.95,
  dedupRecall: 0.85,
  sentimentAccuracy: 0.855,
  sensitiveRecall: 0.975,
  trickyFalseAlarms: 0.19,
} as const;

const report: string[] = ['perception and judgement (issue 14): tuning | held-out'];
afterAll(() => {
  process.stdout.write(`${report.join('\n')}\n`);
});

const f = (value: number) => value.toFixed(3);
const goal = (met: boolean) => (met ? 'goal met' : 'GOAL MISSED');

// ---------------------------------------------------------------- duplicates
const duplicateSets = loadDuplicateSets();

/** Pairwise precision and recall from pair counts. */
function pairFigures({ truePositives, falsePositives, falseNegatives }: PairCounts) {
  return {
    precision: truePositives / (truePositives + falsePositives || 1),
    recall: truePositives / (truePositives + falseNegatives || 1),
    pairs: truePositives + falseNegatives,
  };
}

/**
 * Pairwise precision and recall of predicted groups against the labelled ones, over all the
 * fixtures and for each (`bySet`, in the order of `sets`).
 */
function pairQuality(
  sets: readonly (readonly DuplicateExample[])[],
  predict: (items: readonly DuplicateExample[]) => DuplicateExample[][],
) {
  const bySet = sets.map((items) => {
    const indexOf = new Map(items.map((item, index) => [item, index]));
    return pairCounts(
      items,
      predict(items).map((group) => group.map((item) => indexOf.get(item) ?? -1)),
    );
  });
  const total = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  for (const counts of bySet) {
    total.truePositives += counts.truePositives;
    total.falsePositives += counts.falsePositives;
    total.falseNegatives += counts.falseNegatives;
  }
  return { ...pairFigures(total), bySet: bySet.map(pairFigures) };
}

/** The off-the-shelf baseline: word Jaccard ≥ 0.4 after stripping URLs and "RT", single link. */
function wordJaccardBaseline(items: readonly DuplicateExample[]): DuplicateExample[][] {
  const words = items.map(
    (item) =>
      new Set(
        normaliseText(itemText(item))
          .split(' ')
          .filter((word) => word !== ''),
      ),
  );
  const parent = items.map((_, index) => index);
  const root = (index: number): number =>
    parent[index] === index ? index : root(parent[index] ?? index);
  for (let left = 0; left < items.length; left++) {
    for (let right = left + 1; right < items.length; right++) {
      if (jaccard(words[left] ?? new Set(), words[right] ?? new Set()) >= 0.4)
        parent[root(right)] = root(left);
    }
  }
  const groups = new Map<number, DuplicateExample[]>();
  items.forEach((item, index) => {
    groups.set(root(index), [...(groups.get(root(index)) ?? []), item]);
  });
  return [...groups.values()].filter((group) => group.length > 1);
}

describe('deduplication', () => {
  it('the fixtures hold at least 400 post items with look-alikes, split on both halves', () => {
    const posts = duplicateSets.find((set) => set.name === 'dedup-posts.json')?.items ?? [];
    expect(posts.length).toBeGreaterThanOrEqual(400);
    expect(new Set(posts.map((item) => item.half))).toEqual(new Set(['tuning', 'held-out']));
  });

  it(`keeps precision and recall on held-out data (goals ${GOALS.dedupPrecision} each)`, () => {
    const figures = Object.fromEntries(
      (['tuning', 'held-out'] as const).map((half) => {
        const sets = duplicateSets.map((set) => set.items.filter((item) => item.half === half));
        return [
          half,
          {
            ours: pairQuality(sets, (items) => findNearDuplicates(items)),
            baseline: pairQuality(sets, wordJaccardBaseline),
          },
        ];
      }),
    );
    const tuning = figures.tuning!;
    const heldOut = figures['held-out']!;
    report.push(
      `  dedup precision ${f(tuning.ours.precision)} | ${f(heldOut.ours.precision)}, recall ${f(tuning.ours.recall)} | ${f(heldOut.ours.recall)} (${tuning.ours.pairs} | ${heldOut.ours.pairs} labelled pairs); word-Jaccard baseline precision ${f(tuning.baseline.precision)} | ${f(heldOut.baseline.precision)}, recall ${f(tuning.baseline.recall)} | ${f(heldOut.baseline.recall)}; ${goal(heldOut.ours.precision >= GOALS.dedupPrecision && heldOut.ours.recall >= GOALS.dedupRecall)}`,
      `    held out by set, precision / recall: ${duplicateSets
        .flatMap((set, index) => {
          const figures = heldOut.ours.bySet[index];
          return figures && figures.pairs > 0
            ? [`${set.name} ${f(figures.precision)} / ${f(figures.recall)}`]
            : [];
        })
        .join(', ')}`,
    );
    expect(heldOut.ours.precision).toBeGreaterThanOrEqual(
      Math.min(GOALS.dedupPrecision, FLOORS.dedupPrecision),
    );
    expect(heldOut.ours.recall).toBeGreaterThanOrEqual(
      Math.min(GOALS.dedupRecall, FLOORS.dedupRecall),
    );
  });
});

// ---------------------------------------------------------------- sentiment
describe('sentiment', () => {
  const examples = loadSentimentExamples();

  it('the fixtures hold at least 600 labelled posts besides the feed items', () => {
    expect(
      examples.filter((example) => example.kind !== 'feed item').length,
    ).toBeGreaterThanOrEqual(600);
  });

  it(`keeps 3-class accuracy on held-out data (goal ${GOALS.sentimentAccuracy})`, async () => {
    const accuracy = async (items: readonly SentimentExample[]) => {
      let correct = 0;
      let lexicon = 0;
      const byKind = new Map<string, [number, number]>();
      for (const example of items) {
        const right = (await classifySentiment(example.text)).label === example.label;
        if (right) correct++;
        if (scoreSentiment(example.text).label === example.label) lexicon++;
        const tally = byKind.get(example.kind) ?? [0, 0];
        byKind.set(example.kind, [tally[0] + (right ? 1 : 0), tally[1] + 1]);
      }
      return {
        accuracy: correct / items.length,
        lexicon: lexicon / items.length,
        items: items.length,
        byKind,
      };
    };
    const tuning = await accuracy(examples.filter((example) => example.half === 'tuning'));
    const heldOut = await accuracy(examples.filter((example) => example.half === 'held-out'));
    report.push(
      `  sentiment accuracy ${f(tuning.accuracy)} | ${f(heldOut.accuracy)} (${tuning.items} | ${heldOut.items} items; the lexicon score alone ${f(tuning.lexicon)} | ${f(heldOut.lexicon)}); ${goal(heldOut.accuracy >= GOALS.sentimentAccuracy)}`,
      `    held-out by kind: ${[...heldOut.byKind].map(([kind, [right, all]]) => `${kind} ${right}/${all}`).join(', ')}`,
    );
    expect(heldOut.accuracy).toBeGreaterThanOrEqual(
      Math.min(GOALS.sentimentAccuracy, FLOORS.sentimentAccuracy),
    );
  }, 300_000);
});

// ---------------------------------------------------------------- sensitive topics
describe('sensitive topics', () => {
  const labelled = loadSensitiveExamples();

  it('the new fixtures hold at least 400 posts, 150 of them tricky negatives', () => {
    const fresh = labelled.filter((post) => post.fixture.startsWith('sensitive-posts-'));
    expect(fresh.length).toBeGreaterThanOrEqual(400);
    expect(fresh.filter((post) => post.kind === 'tricky-negative').length).toBeGreaterThanOrEqual(
      150,
    );
    expect(new Set(fresh.map((post) => post.half))).toEqual(new Set(['tuning', 'held-out']));
  });

  it(`keeps recall and false alarms on held-out data (goals ${GOALS.sensitiveRecall} and ≤ ${GOALS.trickyFalseAlarms})`, async () => {
    const measure = async (items: readonly SensitiveExample[]) => {
      let found = 0;
      let sensitive = 0;
      let tricky = 0;
      let trickyAlarms = 0;
      let negatives = 0;
      let alarms = 0;
      for (const post of items) {
        const flagged = (await classifySensitiveTopicsWithModel(post.text)).sensitive;
        if (post.categories.length > 0) {
          sensitive++;
          if (flagged) found++;
          continue;
        }
        negatives++;
        if (flagged) alarms++;
        if (post.kind === 'tricky-negative') {
          tricky++;
          if (flagged) trickyAlarms++;
        }
      }
      return {
        recall: found / (sensitive || 1),
        found,
        sensitive,
        trickyAlarms: trickyAlarms / (tricky || 1),
        tricky,
        alarms: alarms / (negatives || 1),
        negatives,
      };
    };
    const tuning = await measure(labelled.filter((post) => post.half === 'tuning'));
    const heldOut = await measure(labelled.filter((post) => post.half === 'held-out'));
    const blind = await measure(labelled.filter((post) => post.half === 'blind'));
    report.push(
      `  sensitive recall ${f(tuning.recall)} | ${f(heldOut.recall)} (${heldOut.found}/${heldOut.sensitive} held out), false alarms on tricky negatives ${f(tuning.trickyAlarms)} | ${f(heldOut.trickyAlarms)} (of ${tuning.tricky} | ${heldOut.tricky}), on all negatives ${f(tuning.alarms)} | ${f(heldOut.alarms)}; ${goal(heldOut.recall >= GOALS.sensitiveRecall && heldOut.trickyAlarms <= GOALS.trickyFalseAlarms)}`,
      `    the earlier blind set: recall ${f(blind.recall)} (${blind.found}/${blind.sensitive}), false alarms ${f(blind.alarms)} (of ${blind.negatives})`,
    );
    expect(heldOut.recall).toBeGreaterThanOrEqual(
      Math.min(GOALS.sensitiveRecall, FLOORS.sensitiveRecall),
    );
    expect(heldOut.trickyAlarms).toBeLessThanOrEqual(
      Math.max(GOALS.trickyFalseAlarms, FLOORS.trickyFalseAlarms),
    );
  }, 180_000);
});
