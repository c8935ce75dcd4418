// Tests for the Scout's sentiment scoring: each improvement over raw VADER, the label thresholds
// and the score range. Accuracy on the labelled fixture is measured in scout-quality.test.ts.

import { describe, expect, it } from 'vitest';
import {
  HEADLINE_WEIGHT,
  labelFor,
  SENTIMENT_THRESHOLDS,
  scoreSentiment,
  sentimentBreakdown,
  splitHeadline,
  vaderBaseline,
} from './sentiment.js';

/** Asserts the Scout's label and, where raw VADER differs, that it does: the case shows a fix. */
function expectFix(text: string, label: 'positive' | 'neutral' | 'negative') {
  expect(scoreSentiment(text).label, text).toBe(label);
  expect(vaderBaseline(text).label, `raw VADER on: ${text}`).not.toBe(label);
}

describe('scoreSentiment improvements over raw VADER', () => {
  it('sees capitalised negators and contrast words, which the JavaScript port misses', () => {
    expectFix('Not bad at all', 'positive');
    expect(scoreSentiment('But it was great').score).toBeGreaterThan(
      scoreSentiment('it was great').score,
    );
  });

  it('scores emoji, counting a repeated emoji at most twice', () => {
    expectFix('Our new collection just landed 😍', 'positive');
    expectFix('Delivery update 😢', 'negative');
    expect(scoreSentiment('Sale 🔥🔥🔥🔥🔥').score).toBe(scoreSentiment('Sale 🔥🔥').score);
  });

  it('splits hashtags into words', () => {
    expectFix('Spring haul #LoveThis', 'positive');
  });

  it('knows social idioms and flips them when negated', () => {
    expectFix('This jacket is a game changer', 'positive');
    expectFix('The seams fell apart after a week', 'negative');
    expect(scoreSentiment('This jacket is not a game changer').score).toBeLessThan(0);
  });

  it('knows news-event words VADER lacks', () => {
    expectFix('Retailer fined over eco claims', 'negative');
    expectFix('Yoga chain files for bankruptcy', 'negative');
    expectFix('Protein bars recalled over undeclared peanuts', 'negative');
  });

  it('reads the direction of prices and earnings', () => {
    expectFix('Gym chain raises membership fees by 15%', 'negative');
    expectFix('Flight fares drop 20% for autumn', 'positive');
    expectFix('Arcadia shares fall 8%', 'negative');
  });

  it('reads a reduced harm as good news, with the reducer before or after the harm', () => {
    expectFix('Walking linked to lower risk of early death', 'positive');
    expectFix('Bike thefts fall by a third', 'positive');
    expectFix('Unemployment falls to 4%', 'positive');
  });

  it('reads a rising harm as bad news', () => {
    expectFix('Homelessness rises for third year', 'negative');
    expectFix('Emissions climb 4% in a year', 'negative');
  });

  it('knows general news-event words VADER lacks, such as deaths, disasters and labour abuse', () => {
    expectFix('Sweatshop conditions found at supplier', 'negative');
    expectFix('Hurricane makes landfall in Florida', 'negative');
    expectFix('Swimmer takes two medals at trials', 'positive');
  });

  it('backs off to AFINN-165 at half weight for words VADER lacks', () => {
    // "convicted" is -2 in AFINN-165 and absent from VADER.
    expect(sentimentBreakdown('Mayor convicted of bribery').phrases).toBe(-1);
    expectFix('Mayor convicted of bribery', 'negative');
    // Negated like any other word, and never for niche descriptors such as "sustainable".
    expect(sentimentBreakdown('The claim was not convicted').phrases).toBeGreaterThan(0);
    expect(scoreSentiment('Luxury label launches sustainable tee').label).toBe('neutral');
    // Only the list's own words: inherited object keys are not valences.
    expect(scoreSentiment('constructor toString valueOf').score).toBe(0);
  });

  it('counts the headline double, so incidental words in the summary do not outvote it', () => {
    const text =
      'Factory fire kills two workers. Staff thanked firefighters for their brave response.';
    expect(splitHeadline(text)).toEqual({
      headline: 'Factory fire kills two workers.',
      rest: 'Staff thanked firefighters for their brave response.',
    });
    expect(HEADLINE_WEIGHT).toBe(2);
    expectFix(text, 'negative');
    expect(splitHeadline('One sentence only')).toEqual({ headline: 'One sentence only', rest: '' });
  });

  it('ignores lexicon words used in a literal sense', () => {
    expectFix('Central bank holds interest rates at 4.5%', 'neutral');
    expectFix('Five-minute stretch for your lower back', 'neutral');
  });

  it('reads "no" before a word as a negator rather than a negative word', () => {
    expect(sentimentBreakdown('There were no problems').vaderText).toContain('not problems');
    expect(scoreSentiment('There were no problems').score).toBeGreaterThan(
      vaderBaseline('There were no problems').score,
    );
  });

  it('keeps VADER emphasis for ALL CAPS words and collapses elongated words', () => {
    expect(scoreSentiment('The tee is GREAT').score).toBeGreaterThan(
      scoreSentiment('The tee is great').score,
    );
    expect(sentimentBreakdown('Soooo good').vaderText).toBe('so good');
  });

  it('adds exclamation emphasis to sentiment VADER alone did not see', () => {
    expect(scoreSentiment('What a game changer!!').score).toBeGreaterThan(
      scoreSentiment('What a game changer').score,
    );
  });

  it('drops posting prefixes, links and mentions before scoring', () => {
    expect(
      sentimentBreakdown('BREAKING: Great news via @desk https://x.example/1').vaderText.trim(),
    ).toBe('great news via');
  });
});

describe('scoreSentiment range and labels', () => {
  it('stays within [-1, 1] for piled-up sentiment', () => {
    const joyful = scoreSentiment(
      'BEST day EVER!!!! 😍😍🎉🥳 absolutely amazing, love love love it',
    );
    const awful = scoreSentiment(
      'WORST scam ever!!!! 😡🤬 rip-off, fell apart, avoid at all costs',
    );
    expect(joyful.score).toBeLessThanOrEqual(1);
    expect(joyful.score).toBeGreaterThan(0.9);
    expect(awful.score).toBeGreaterThanOrEqual(-1);
    expect(awful.score).toBeLessThan(-0.9);
  });

  it('scores empty text as neutral zero', () => {
    expect(scoreSentiment('')).toEqual({ score: 0, label: 'neutral' });
  });

  it('labels by inclusive thresholds of ±0.3', () => {
    expect(SENTIMENT_THRESHOLDS).toEqual({ positive: 0.3, negative: -0.3 });
    expect(labelFor(0.3)).toBe('positive');
    expect(labelFor(0.2999)).toBe('neutral');
    expect(labelFor(-0.2999)).toBe('neutral');
    expect(labelFor(-0.3)).toBe('negative');
  });
});
