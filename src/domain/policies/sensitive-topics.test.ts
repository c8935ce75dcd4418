// FR-POLICY-001: sensitive topics (politics, health, finance, legal) always escalate to a human.
// Unit examples, the labelled fixture in two deterministic halves, and a blind set never tuned on.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  classifySensitiveTopics,
  SENSITIVE_CATEGORIES,
  type SensitiveCategory,
  sensitiveTopicsFinding,
} from './sensitive-topics.js';

const Fixture = z.object({
  examples: z.array(
    z.object({
      text: z.string(),
      categories: z.array(z.enum(['politics', 'health', 'finance', 'legal'])),
    }),
  ),
});

function loadExamples(name: string) {
  const url = new URL(`../../../fixtures/policies/${name}`, import.meta.url);
  return Fixture.parse(JSON.parse(readFileSync(url, 'utf8'))).examples;
}

/** The tuning fixture: every example in it has been looked at while the lexicon was built. */
const examples = loadExamples('sensitive-topics.json');
/** Written after the lexicon was final and evaluated once: the honest estimate of unseen posts. */
const blindExamples = loadExamples('sensitive-topics-blind.json');

type Example = (typeof examples)[number];

/** Deterministic halves by position. Both were tuning material, so both figures are optimistic. */
const evenHalf = examples.filter((_, index) => index % 2 === 0);
const oddHalf = examples.filter((_, index) => index % 2 === 1);

/**
 * The lexicon's blind-set figures as last measured (2026-11-22: 34 of 60 found, no false alarm),
 * kept as a floor so that a lexicon change cannot silently lose recall or precision on unseen
 * posts. They are far below the 0.95 goal; the topic model in
 * src/models/text-classifiers/sensitive-topics-model.ts closes most of the gap (58 of 60).
 */
const BLIND_BASELINE = { sensitiveFound: 34, sensitiveTotal: 60, precision: 1 };

interface Evaluation {
  size: number;
  binaryPrecision: number;
  binaryRecall: number;
  binaryAccuracy: number;
  exactCategoryAccuracy: number;
  perCategory: Record<SensitiveCategory, { precision: number; recall: number; support: number }>;
  missed: string[];
  falseAlarms: string[];
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 1 : numerator / denominator;
}

function evaluate(set: readonly Example[]): Evaluation {
  let truePositive = 0;
  let falsePositive = 0;
  let falseNegative = 0;
  let correct = 0;
  let exact = 0;
  const missed: string[] = [];
  const falseAlarms: string[] = [];
  const counts = Object.fromEntries(
    SENSITIVE_CATEGORIES.map((category) => [category, { tp: 0, fp: 0, fn: 0 }]),
  ) as Record<SensitiveCategory, { tp: number; fp: number; fn: number }>;
  for (const example of set) {
    const result = classifySensitiveTopics(example.text);
    const expected = example.categories.length > 0;
    if (expected && result.sensitive) truePositive += 1;
    if (!expected && result.sensitive) {
      falsePositive += 1;
      falseAlarms.push(`${example.text} → ${result.categories.join(', ')}`);
    }
    if (expected && !result.sensitive) {
      falseNegative += 1;
      missed.push(example.text);
    }
    if (expected === result.sensitive) correct += 1;
    const sameSet =
      result.categories.length === example.categories.length &&
      result.categories.every((category) => example.categories.includes(category));
    if (sameSet) exact += 1;
    for (const category of SENSITIVE_CATEGORIES) {
      const wanted = example.categories.includes(category);
      const got = result.categories.includes(category);
      if (wanted && got) counts[category].tp += 1;
      if (!wanted && got) counts[category].fp += 1;
      if (wanted && !got) counts[category].fn += 1;
    }
  }
  const perCategory = Object.fromEntries(
    SENSITIVE_CATEGORIES.map((category) => {
      const { tp, fp, fn } = counts[category];
      return [
        category,
        { precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn), support: tp + fn },
      ];
    }),
  ) as Evaluation['perCategory'];
  return {
    size: set.length,
    binaryPrecision: ratio(truePositive, truePositive + falsePositive),
    binaryRecall: ratio(truePositive, truePositive + falseNegative),
    binaryAccuracy: ratio(correct, set.length),
    exactCategoryAccuracy: ratio(exact, set.length),
    perCategory,
    missed,
    falseAlarms,
  };
}

/**
 * The printed figures for one set. `withTexts` false leaves out the missed and falsely flagged
 * posts themselves: the blind set's texts must not be read, or it stops being blind.
 */
function report(name: string, evaluation: Evaluation, withTexts = true): string {
  const percent = (value: number) => value.toFixed(3);
  const lines = [
    `${name} (${evaluation.size} posts)`,
    ...SENSITIVE_CATEGORIES.map((category) => {
      const { precision, recall, support } = evaluation.perCategory[category];
      return `  ${category.padEnd(8)} precision ${percent(precision)}  recall ${percent(recall)}  (${support} labelled)`;
    }),
    `  sensitive vs not: precision ${percent(evaluation.binaryPrecision)}  recall ${percent(evaluation.binaryRecall)}  accuracy ${percent(evaluation.binaryAccuracy)}`,
    `  exact category-set accuracy ${percent(evaluation.exactCategoryAccuracy)}`,
    ...(withTexts
      ? [
          ...evaluation.missed.map((text) => `  missed: ${text}`),
          ...evaluation.falseAlarms.map((text) => `  false alarm: ${text}`),
        ]
      : [
          `  ${evaluation.missed.length} missed and ${evaluation.falseAlarms.length} false alarms (texts not printed: blind set)`,
        ]),
  ];
  return `${lines.join('\n')}\n`;
}

describe('the sensitive-topic classifier on examples (FR-POLICY-001)', () => {
  it('finds nothing sensitive in "streetwear teaser"', () => {
    expect(classifySensitiveTopics('streetwear teaser')).toEqual({
      sensitive: false,
      categories: [],
      evidence: { politics: [], health: [], finance: [], legal: [] },
      everydaySenses: [],
    });
  });

  it('finds nothing sensitive in the empty string', () => {
    expect(classifySensitiveTopics('').sensitive).toBe(false);
  });

  it.each([
    ['Go vote! The election is on Tuesday and every ballot counts.', 'politics', 'election'],
    ['My doctor confirmed the diagnosis after the vaccine trial.', 'health', 'diagnosis'],
    ['Hot stock tip: buy crypto before Friday.', 'finance', 'stock tip'],
    ['Our attorney says the lawsuit goes to court next month.', 'legal', 'lawsuit'],
  ] as const)('flags "%s" as %s with the evidence it saw', (text, category, word) => {
    const result = classifySensitiveTopics(text);
    expect(result.sensitive).toBe(true);
    expect(result.categories).toContain(category);
    expect(result.evidence[category]).toContain(word);
  });

  it.each([
    'Party outfit inspo for the weekend.',
    'Bank holiday sale: everything 20% off.',
    'Case study: our packaging redesign.',
    'Start your free trial today.',
    'Healthy snack ideas for the road.',
  ])('does not flag the everyday phrase "%s"', (text) => {
    expect(classifySensitiveTopics(text).sensitive).toBe(false);
  });

  it('does not let one weak word flag a topic but flags two different weak words', () => {
    expect(classifySensitiveTopics('See you at the party tonight').sensitive).toBe(false);
    expect(classifySensitiveTopics('The party campaign starts tonight').categories).toEqual([
      'politics',
    ]);
  });

  it('matches inflected forms and multi-word phrases on whole words only', () => {
    expect(classifySensitiveTopics('Vaccinations and vaccines explained').evidence.health).toEqual([
      'vaccinations',
      'vaccines',
    ]);
    expect(classifySensitiveTopics('Got a cease and desist today').evidence.legal).toEqual([
      'cease and desist',
    ]);
    expect(classifySensitiveTopics('Our influencer collab is live').sensitive).toBe(false);
  });

  it('counts topic presence even when the post negates it', () => {
    expect(classifySensitiveTopics('This is not an election post').categories).toEqual([
      'politics',
    ]);
  });

  it('treats a capitalised "Sue" as a name but "sue" as legal action', () => {
    expect(classifySensitiveTopics("Sue's Kitchen has great noodles").sensitive).toBe(false);
    expect(classifySensitiveTopics('We will sue them').categories).toEqual(['legal']);
  });

  it('reports every flagged category with its evidence', () => {
    expect(classifySensitiveTopics('Senator sued over crypto fraud').categories).toEqual([
      'politics',
      'finance',
      'legal',
    ]);
  });
});

describe('the sensitive-topics policy finding (FR-POLICY-001)', () => {
  it('escalates with a readable reason quoting the words it saw', () => {
    expect(sensitiveTopicsFinding('Is the new vaccine safe? I got a diagnosis last week.')).toEqual(
      [
        {
          policy: 'sensitive-topics',
          action: 'escalate',
          reason: 'sensitive topic (health): mentions "vaccine", "diagnosis"',
        },
      ],
    );
  });

  it('gives one finding per flagged category', () => {
    expect(
      sensitiveTopicsFinding('Election fraud lawsuit').map((finding) => finding.reason),
    ).toEqual([
      'sensitive topic (politics): mentions "election"',
      'sensitive topic (legal): mentions "fraud", "lawsuit"',
    ]);
  });

  it('returns no finding for a text that is not sensitive', () => {
    expect(sensitiveTopicsFinding('streetwear teaser')).toEqual([]);
  });
});

describe('the sensitive-topic fixture evaluation (FR-POLICY-001)', () => {
  it('holds at least 160 posts, 25 per category and 60 negatives', () => {
    expect(examples.length).toBeGreaterThanOrEqual(160);
    for (const category of SENSITIVE_CATEGORIES) {
      expect(
        examples.filter((example) => example.categories.includes(category)).length,
      ).toBeGreaterThanOrEqual(25);
    }
    expect(
      examples.filter((example) => example.categories.length === 0).length,
    ).toBeGreaterThanOrEqual(60);
  });

  it.each([
    ['even half of the fixture', evenHalf],
    ['odd half of the fixture', oddHalf],
  ] as const)('misses almost no sensitive post and seldom raises a false alarm on the %s', (name, set) => {
    const evaluation = evaluate(set);
    process.stdout.write(report(name, evaluation));
    expect(evaluation.binaryRecall).toBeGreaterThanOrEqual(0.95);
    expect(evaluation.binaryPrecision).toBeGreaterThanOrEqual(0.85);
  });

  it('meets the same bars on the whole fixture', () => {
    const evaluation = evaluate(examples);
    process.stdout.write(report('whole fixture', evaluation));
    expect(evaluation.binaryRecall).toBeGreaterThanOrEqual(0.95);
    expect(evaluation.binaryPrecision).toBeGreaterThanOrEqual(0.85);
  });

  it('keeps recall on the blind set at or above its measured floor of 34 in 60', () => {
    const evaluation = evaluate(blindExamples);
    process.stdout.write(report('blind set (never tuned on)', evaluation, false));
    const sensitiveTotal = blindExamples.filter((example) => example.categories.length > 0).length;
    expect(sensitiveTotal).toBe(BLIND_BASELINE.sensitiveTotal);
    expect(Math.round(evaluation.binaryRecall * sensitiveTotal)).toBeGreaterThanOrEqual(
      BLIND_BASELINE.sensitiveFound,
    );
    expect(evaluation.binaryPrecision).toBeGreaterThanOrEqual(BLIND_BASELINE.precision);
  });
});
