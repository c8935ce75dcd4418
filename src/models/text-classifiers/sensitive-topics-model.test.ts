// FR-POLICY-001 with the topic model: unit examples, the committed heads and sense verifier against
// fresh training runs, and recall and precision on the blind set (never trained or tuned on; texts
// not printed).

import { describe, expect, it } from 'vitest';
import { classifySensitiveTopics } from '../../domain/policies/sensitive-topics.js';
import { largestWeightDifference } from './logistic-regression.js';
import { SENSE_VERIFIER_SOURCE } from './sensitive-sense-verifier.js';
import { senseVerifierTrainingSet } from './sensitive-sense-verifier-training-set.js';
import { loadSensitiveExamples, sensitiveTuningSet } from './sensitive-topics-examples.js';
import { SENSITIVE_TOPIC_HEADS_SOURCE } from './sensitive-topics-heads.js';
import {
  classifySensitiveTopicsWithModel,
  SENSE_VERIFIER_BELOW,
  senseVerifier,
  sensitiveTopicHeads,
  sensitiveTopicsModelFindings,
  TOPIC_MODEL_THRESHOLD,
} from './sensitive-topics-model.js';
import {
  type LabelledPost,
  trainSenseVerifier,
  trainSensitiveTopicHeads,
} from './sensitive-topics-training.js';

/**
 * Measured on the blind set when the model was first final (2026-11-22): 58 of 60 sensitive posts
 * found with 1 false alarm in 40 (precision 0.983), against 34 of 60 and none for the lexicon
 * alone. With the heads trained on every tuning post (2026-12-02), 57 of 60 and the same false
 * alarm, while the held-out sets, seven times larger, went from 399 to 407 of 425 sensitive posts
 * found and from 95 to 86 of 452 tricky false alarms (fixtures/policies/README.md). Floors, so a
 * change cannot lose more.
 */
const BLIND_FLOORS = { sensitiveFound: 57, sensitiveTotal: 60, precision: 0.98 };

async function binaryFigures(
  posts: readonly LabelledPost[],
  flags: (text: string) => Promise<boolean>,
): Promise<{ found: number; total: number; falseAlarms: number; precision: number }> {
  let found = 0;
  let falseAlarms = 0;
  for (const post of posts) {
    const flagged = await flags(post.text);
    if (flagged && post.categories.length > 0) found += 1;
    if (flagged && post.categories.length === 0) falseAlarms += 1;
  }
  const total = posts.filter((post) => post.categories.length > 0).length;
  const precision = found + falseAlarms === 0 ? 1 : found / (found + falseAlarms);
  return { found, total, falseAlarms, precision };
}

describe('the model-backed sensitive-topic classifier on examples (FR-POLICY-001)', () => {
  it('finds nothing sensitive in "streetwear teaser" or the empty string', async () => {
    const teaser = await classifySensitiveTopicsWithModel('streetwear teaser');
    expect(teaser.sensitive).toBe(false);
    expect(teaser.categories).toEqual([]);
    const empty = await classifySensitiveTopicsWithModel('');
    expect(empty.sensitive).toBe(false);
    expect(empty.probabilities).toEqual({ politics: 0, health: 0, finance: 0, legal: 0 });
  });

  it.each([
    'Party outfit inspo for the weekend.',
    'Bank holiday sale: everything 20% off.',
    'Case study: our packaging redesign.',
    'Start your free trial today.',
    'Healthy snack ideas for the road.',
    'New drop: recycled denim jackets, live Friday.',
  ])('does not flag the everyday post "%s"', async (text) => {
    expect((await classifySensitiveTopicsWithModel(text)).sensitive).toBe(false);
  });

  it('keeps every category the lexicon flags, with its evidence', async () => {
    const text = 'Senator sued over crypto fraud';
    const result = await classifySensitiveTopicsWithModel(text);
    expect(result.categories).toEqual(
      expect.arrayContaining(classifySensitiveTopics(text).categories),
    );
    expect(result.evidence.legal).toContain('fraud');
  });

  it.each([
    ['Who are you backing in the race for city hall?', 'politics'],
    ['Woke up with a rash all over my arms again.', 'health'],
    ['Dollar-cost averaging into gold this year.', 'finance'],
    ['The tenant board ruled in our favour.', 'legal'],
  ] as const)('flags "%s" as %s through the topic model, where the lexicon sees nothing', async (text, category) => {
    expect(classifySensitiveTopics(text).sensitive).toBe(false);
    const result = await classifySensitiveTopicsWithModel(text);
    expect(result.probabilities[category]).toBeGreaterThanOrEqual(TOPIC_MODEL_THRESHOLD);
    expect(result.categories).toEqual([category]);
    expect(result.modelOnly).toEqual([category]);
    expect(result.evidence[category]).toEqual([]);
  });

  it('explains a model-only flag by the probability and a lexicon flag by the words', async () => {
    expect(await sensitiveTopicsModelFindings('Election fraud lawsuit')).toContainEqual({
      policy: 'sensitive-topics',
      action: 'escalate',
      reason: 'sensitive topic (politics): mentions "election"',
    });
    const [finding, ...more] = await sensitiveTopicsModelFindings(
      'Dollar-cost averaging into gold this year.',
    );
    expect(more).toEqual([]);
    expect(finding?.action).toBe('escalate');
    expect(finding?.reason).toMatch(
      /^sensitive topic \(finance\): topic model 0\.\d\d, no listed word$/,
    );
    expect(await sensitiveTopicsModelFindings('streetwear teaser')).toEqual([]);
  });
});

describe('the topic heads (FR-POLICY-001)', () => {
  it('match a fresh deterministic training run on the tuning posts', async () => {
    const { examples, sha256 } = sensitiveTuningSet();
    expect({ posts: examples.length, sha256 }).toEqual(SENSITIVE_TOPIC_HEADS_SOURCE);
    const fresh = await trainSensitiveTopicHeads(examples);
    const committed = sensitiveTopicHeads();
    for (const category of ['politics', 'health', 'finance', 'legal'] as const) {
      expect(committed[category].bias).toBeCloseTo(fresh[category].bias, 6);
      expect(committed[category].weights.length).toBe(512);
      // float32 storage rounds at about 6e-8 relative; anything larger is a different training.
      expect(largestWeightDifference(fresh[category], committed[category])).toBeLessThan(1e-6);
    }
    // About 30 s alone: four heads over 2,926 posts; twice that beside the other files.
  }, 180_000);
});

describe('the sense verifier (FR-POLICY-001)', () => {
  it.each([
    // Two tricky negatives of the training sets, each flagged by the lexicon.
    'court shoes that actually look good off the court? these cream low-tops do it',
    "it's a crime how good this vintage leather jacket looks with literally any jeans",
  ])('sets aside the everyday sense in "%s"', async (text) => {
    expect(classifySensitiveTopics(text).sensitive).toBe(true);
    const result = await classifySensitiveTopicsWithModel(text);
    expect(result.verifierProbability).toBeLessThan(SENSE_VERIFIER_BELOW);
    expect(result.sensitive).toBe(false);
    expect(result.categories).toEqual([]);
  });

  it.each([
    ['Court hearing for the custody case got moved to Monday.', 'legal'],
    ['My doctor changed my blood pressure medication this week.', 'health'],
  ] as const)('keeps "%s" flagged as %s', async (text, category) => {
    const result = await classifySensitiveTopicsWithModel(text);
    expect(result.verifierProbability).toBeGreaterThan(0.9);
    expect(result.categories).toEqual([category]);
  });

  it('matches a fresh deterministic training run on the flagged tuning posts', async () => {
    const { posts, flagged, sha256 } = await senseVerifierTrainingSet();
    expect({ posts, flagged: flagged.length, sha256 }).toEqual(SENSE_VERIFIER_SOURCE);
    const fresh = trainSenseVerifier(flagged);
    const committed = senseVerifier();
    expect(committed.bias).toBeCloseTo(fresh.bias, 6);
    expect(committed.weights.length).toBe(516);
    expect(largestWeightDifference(fresh, committed)).toBeLessThan(1e-6);
  });
});

describe('the model-backed classifier on the blind set (FR-POLICY-001)', () => {
  it('finds more sensitive posts than the lexicon alone, at a reasonable precision', async () => {
    const posts = loadSensitiveExamples().filter((example) => example.half === 'blind');
    const lexicon = await binaryFigures(
      posts,
      async (text) => classifySensitiveTopics(text).sensitive,
    );
    const model = await binaryFigures(
      posts,
      async (text) => (await classifySensitiveTopicsWithModel(text)).sensitive,
    );
    const line = (name: string, figures: typeof model) =>
      `  ${name}: recall ${(figures.found / figures.total).toFixed(3)} (${figures.found}/${figures.total}), precision ${figures.precision.toFixed(3)} (${figures.falseAlarms} false alarms)`;
    process.stdout.write(
      `sensitive topics on the blind set (${posts.length} posts; texts not printed):\n${line('lexicon alone', lexicon)}\n${line('lexicon + topic model', model)}\n`,
    );
    expect(model.total).toBe(BLIND_FLOORS.sensitiveTotal);
    expect(model.found).toBeGreaterThan(lexicon.found);
    expect(model.found).toBeGreaterThanOrEqual(BLIND_FLOORS.sensitiveFound);
    expect(model.precision).toBeGreaterThanOrEqual(BLIND_FLOORS.precision);
  });
});
