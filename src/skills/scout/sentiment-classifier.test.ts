// Tests for the Scout's sentiment classifier: examples of the cues it was built for, and the
// committed heads against a fresh training run. Accuracy on held-out posts is measured in
// tests/judgement.quality.test.ts.

import { describe, expect, it } from 'vitest';
import {
  decodeHeads,
  largestWeightDifference,
} from '../../models/text-classifiers/logistic-regression.js';
import { applySentimentHeads, classifySentiment } from './sentiment-classifier.js';
import { SENTIMENT_CUE_NAMES, sentimentCues } from './sentiment-cues.js';
import { loadSentimentExamples } from './sentiment-examples.js';
import { SENTIMENT_HEADS, SENTIMENT_HEADS_TRAINING } from './sentiment-heads.js';
import {
  SENTIMENT_LABELS,
  SENTIMENT_STEPS,
  sentimentFeatures,
  trainSentimentHeads,
} from './sentiment-training.js';

const cue = (text: string, name: (typeof SENTIMENT_CUE_NAMES)[number]) =>
  sentimentCues(text)[SENTIMENT_CUE_NAMES.indexOf(name)];

describe('sentiment cues', () => {
  it('see sarcasm markers, negated praise and negated criticism', () => {
    expect(cue('Oh great, another 3-hour delay. Love that for me.', 'sarcasm markers')).toBe(1);
    expect(cue('My "waterproof" jacket is a sponge', 'sarcasm markers')).toBeGreaterThan(0);
    expect(cue('Honestly not impressed with the new menu', 'negated praise')).toBe(1);
    expect(cue('No complaints here, the refund came in a day', 'negated criticism')).toBe(1);
    expect(cue('Is the new update any good?', 'question')).toBe(1);
  });

  it('score internet slang the lexicon lacks', () => {
    expect(cue('ngl this beat slaps', 'scout score')).toBeGreaterThan(0.3);
    expect(cue('the sequel was mid at best', 'scout score')).toBeLessThan(-0.3);
    expect(cue('Tickets for mid-June are on sale', 'scout score')).toBe(0);
  });
});

describe('classifySentiment', () => {
  it('labels clear posts and gives probabilities that sum to 1', async () => {
    const praise = await classifySentiment(
      'Absolutely loved the new ramen spot, best broth in town!',
    );
    expect(praise.label).toBe('positive');
    const complaint = await classifySentiment('Worst flight ever. Lost my bag and nobody cared.');
    expect(complaint.label).toBe('negative');
    const sum = Object.values(complaint.probabilities).reduce((total, value) => total + value, 0);
    expect(sum).toBeCloseTo(1, 10);
    expect(complaint.score).toBeCloseTo(
      complaint.probabilities.positive - complaint.probabilities.negative,
      10,
    );
  });

  it('calls an empty text neutral without embedding it', async () => {
    expect(await classifySentiment('  ')).toEqual({
      label: 'neutral',
      probabilities: { positive: 0, neutral: 1, negative: 0 },
      score: 0,
    });
  });
});

describe('the sentiment heads', () => {
  it('match a fresh deterministic training run on the tuning half', async () => {
    const tuning = loadSentimentExamples().filter((example) => example.half === 'tuning');
    expect(tuning.length).toBe(SENTIMENT_HEADS_TRAINING.examples);
    const rows: number[][] = [];
    for (const example of tuning) rows.push(await sentimentFeatures(example.text));
    const fresh = trainSentimentHeads(
      rows,
      tuning.map((example) => example.label),
      { ...SENTIMENT_STEPS, l2: SENTIMENT_HEADS_TRAINING.l2 },
    );
    const committed = decodeHeads(SENTIMENT_HEADS, SENTIMENT_LABELS);
    for (const label of SENTIMENT_LABELS) {
      expect(committed[label].bias).toBeCloseTo(fresh[label].bias, 6);
      // float32 storage rounds at about 6e-8 relative; anything larger is a different training.
      expect(largestWeightDifference(fresh[label], committed[label])).toBeLessThan(1e-6);
    }
    // The committed heads classify the first tuning row as the fresh ones do.
    expect(applySentimentHeads(committed, rows[0] ?? []).label).toBe(
      applySentimentHeads(fresh, rows[0] ?? []).label,
    );
  }, 300_000);
});
