// FR-POLICY-001 with the topic model: unit examples, the committed heads and sensitivity networks
// against fresh training runs, and recall and precision on the blind set (never trained or tuned
// on; texts not printed).

import { describe, expect, it } from 'vitest';
import { classifySensitiveTopics } from '../../domain/policies/sensitive-topics.js';
import { SENTENCE_EMBEDDING_SIZE } from '../sentence-encoder/sentence-encoder.js';
import { largestWeightDifference } from './logistic-regression.js';
import { loadSensitiveExamples, sensitiveTuningSet } from './sensitive-topics-examples.js';
import { SENSITIVE_TOPIC_HEADS_SOURCE } from './sensitive-topics-heads.js';
import {
  classifySensitiveTopicsWithModel,
  SENSITIVITY_BAR,
  sensitiveTopicHeads,
  sensitiveTopicsModelFindings,
  sensitivityNetworks,
  TOPIC_MODEL_THRESHOLD,
} from './sensitive-topics-model.js';
import {
  type LabelledPost,
  topicFeatures,
  trainSensitiveTopicHead,
  trainSensitivityNetworks,
} from './sensitive-topics-training.js';
import { sensitivityTrainingSet } from './sensitivity-network-training-set.js';
import { SENSITIVITY_NETWORKS_SOURCE } from './sensitivity-networks.js';
import { meanSoftmaxProbabilities, type SoftmaxNetwork } from './softmax-network.js';

/**
 * Measured on the blind set when the model was first final (2026-11-22): 58 of 60 sensitive posts
 * found with 1 false alarm in 40 (precision 0.983), against 34 of 60 and none for the lexicon
 * alone; 57 of 60 and the same false alarm with the heads trained on every tuning post. Since the
 * sensitivity networks decide (2026-12-02), 59 of 60 with 4 false alarms (precision 0.937), as the
 * held-out sets, seven times larger, went from 407 to 418 of 425 sensitive posts found and from
 * 91 to 90 false alarms in 551. Since they also read the everyday senses and train on replies and
 * short captions (2026-12-02, chosen by cross-validation), 57 of 60 with 3 false alarms, as the
 * held-out sets went to 417 of 425 found and 82 false alarms (fixtures/policies/README.md).
 * Floors, so a change cannot lose more.
 */
const BLIND_FLOORS = { sensitiveFound: 57, sensitiveTotal: 60, precision: 0.93 };

/**
 * Retraining a head or a network on the 3,526 tuning posts takes over a minute on a loaded 2-core
 * machine, most of it embedding the posts; the two retraining tests share one embedding of them.
 */
const RETRAINING_TIMEOUT = 300_000;
let tuningRows: ReturnType<typeof sensitivityTrainingSet> | undefined;
const sensitivityTuningRows = () => {
  tuningRows ??= sensitivityTrainingSet();
  return tuningRows;
};

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

describe('the topic heads (FR-POLICY-001)', { timeout: RETRAINING_TIMEOUT }, () => {
  it('match a fresh deterministic training run of the first head on the tuning posts', async () => {
    const { examples, sha256 } = sensitiveTuningSet();
    expect({ posts: examples.length, sha256 }).toEqual(SENSITIVE_TOPIC_HEADS_SOURCE);
    // A network's input starts with the head's: the post's scaled embedding (topicFeatures).
    const rows = (await sensitivityTuningRows()).rows.map((row) =>
      row.slice(0, SENTENCE_EMBEDDING_SIZE),
    );
    expect(rows[0]).toEqual(await topicFeatures(examples[0]!.text));
    // The heads differ only in their targets; one retrained takes a quarter of the time.
    const fresh = trainSensitiveTopicHead(rows, examples, 'politics');
    const committed = sensitiveTopicHeads();
    expect(committed.politics.bias).toBeCloseTo(fresh.bias, 6);
    for (const category of ['politics', 'health', 'finance', 'legal'] as const) {
      expect(committed[category].weights.length).toBe(512);
    }
    // float32 storage rounds at about 6e-8 relative; anything larger is a different training.
    expect(largestWeightDifference(fresh, committed.politics)).toBeLessThan(1e-6);
  });
});

describe('the sensitivity networks (FR-POLICY-001)', { timeout: RETRAINING_TIMEOUT }, () => {
  it.each([
    // Two tricky negatives of the training sets, each flagged by the lexicon.
    'court shoes that actually look good off the court? these cream low-tops do it',
    "it's a crime how good this vintage leather jacket looks with literally any jeans",
  ])('set aside the everyday sense in "%s"', async (text) => {
    expect(classifySensitiveTopics(text).sensitive).toBe(true);
    const result = await classifySensitiveTopicsWithModel(text);
    expect(result.sensitivity).toBeLessThan(SENSITIVITY_BAR);
    expect(result.sensitive).toBe(false);
    expect(result.categories).toEqual([]);
  });

  it.each([
    ['Court hearing for the custody case got moved to Monday.', 'legal'],
    ['My doctor changed my blood pressure medication this week.', 'health'],
  ] as const)('keep "%s" flagged as %s', async (text, category) => {
    const result = await classifySensitiveTopicsWithModel(text);
    expect(result.sensitivity).toBeGreaterThan(0.9);
    expect(result.categories).toEqual([category]);
  });

  it.each([
    // Replies the offline model writes to comments: no tuning set has such short friendly texts,
    // and the networks alone gave the first two 0.50 and 0.30; no category is raised in them.
    '@fan_1002 This means a lot, thank you for being here!',
    '@fan_1004 Appreciate you being here!',
    '@fan_1003 Good question! I will share the details in my next post, so keep an eye out.',
    'I am a virtual persona created by AI.',
  ])('are not asked about "%s", where nothing raises a category', async (text) => {
    const result = await classifySensitiveTopicsWithModel(text);
    expect(result.sensitivity).toBeNull();
    expect(result.sensitive).toBe(false);
  });

  it('match a fresh deterministic training run of the first network on the tuning posts', async () => {
    const { rows, sensitive, sha256 } = await sensitivityTuningRows();
    expect({ posts: rows.length, sha256 }).toEqual({
      posts: SENSITIVITY_NETWORKS_SOURCE.posts,
      sha256: SENSITIVITY_NETWORKS_SOURCE.sha256,
    });
    const [fresh] = trainSensitivityNetworks(rows, sensitive, [1]) as [SoftmaxNetwork];
    const committed = sensitivityNetworks()[0] as SoftmaxNetwork;
    expect(committed.inputs).toBe(523);
    for (const part of ['hiddenWeights', 'hiddenBias', 'outputWeights', 'outputBias'] as const) {
      // As for the sentiment networks: on another CPU, embeddings that differ in their last bits
      // moved an SGD-trained network's weights by up to 0.06. Another seed (4) moves the hidden
      // weights by 0.53 and the output weights by 1.8.
      const largest = committed[part].reduce(
        (most, value, position) => Math.max(most, Math.abs(value - (fresh[part][position] ?? NaN))),
        0,
      );
      expect(largest).toBeLessThan(0.5);
    }
    const sensitiveBy = (network: SoftmaxNetwork, row: number[]) =>
      (meanSoftmaxProbabilities([network], row)[1] ?? 0) >= SENSITIVITY_BAR;
    const agreeing = rows.filter(
      (row) => sensitiveBy(committed, row) === sensitiveBy(fresh, row),
    ).length;
    expect(agreeing / rows.length).toBeGreaterThanOrEqual(0.995);
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
