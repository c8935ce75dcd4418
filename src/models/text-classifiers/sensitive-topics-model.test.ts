// FR-POLICY-001 with the topic model: unit examples and the committed heads against a fresh
// training run. Recall and false alarms on held-out posts are measured in
// tests/judgement.quality.test.ts.

import { describe, expect, it } from 'vitest';
import { classifySensitiveTopics } from '../../domain/policies/sensitive-topics.js';
import { largestWeightDifference } from './logistic-regression.js';
import { SENSITIVE_TOPIC_HEADS_SOURCE } from './sensitive-topics-heads.js';
import {
  classifySensitiveTopicsWithModel,
  sensitiveTopicHeads,
  sensitiveTopicsModelFindings,
  TOPIC_MODEL_THRESHOLD,
} from './sensitive-topics-model.js';
import { loadLabelledPosts, trainSensitiveTopicHeads } from './sensitive-topics-training.js';

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
    const { posts, sha256 } = loadLabelledPosts();
    expect(sha256).toEqual(SENSITIVE_TOPIC_HEADS_SOURCE.sha256);
    const tuning = posts.filter((post) => post.half === 'tuning');
    expect(tuning.length).toBe(SENSITIVE_TOPIC_HEADS_SOURCE.posts);
    const fresh = await trainSensitiveTopicHeads(tuning);
    const committed = sensitiveTopicHeads();
    for (const category of ['politics', 'health', 'finance', 'legal'] as const) {
      expect(committed[category].bias).toBeCloseTo(fresh[category].bias, 6);
      // float32 storage rounds at about 6e-8 relative; anything larger is a different training.
      expect(largestWeightDifference(fresh[category], committed[category])).toBeLessThan(1e-6);
    }
  });
});
