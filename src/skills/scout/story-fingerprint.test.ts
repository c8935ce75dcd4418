// Tests for the evidence two feed items give: shingles, the hand-built similarity and the pair
// features the near-duplicate model weighs.

import { describe, expect, it } from 'vitest';
import {
  candidatePairFeatures,
  jaccard,
  PAIR_FEATURES,
  pairFeatures,
  shingles,
  storyFingerprint,
  wordShingles,
} from './story-fingerprint.js';

const original = {
  title: 'Rework Supply launches sneaker made from 80% recycled ocean plastic',
};
const reworded = {
  title: "Rework Supply's new Tide runner: a sneaker built from 80% recycled ocean plastic",
};

describe('shingles', () => {
  it('cuts normalised text into overlapping character runs', () => {
    expect([...shingles('Ab, cd!', 3)]).toEqual(['ab ', 'b c', ' cd']);
  });

  it('keeps a short text as one shingle and gives empty text none', () => {
    expect([...shingles('Hi', 5)]).toEqual(['hi']);
    expect(shingles('🎉 !!', 5).size).toBe(0);
  });
});

/** The hand-built similarity, the pair model's first feature. */
function itemSimilarity(left: string, right: string): number {
  return pairFeatures(storyFingerprint(left), storyFingerprint(right))[0] ?? Number.NaN;
}

describe('the hand-built similarity', () => {
  it('is 1 for the same text and symmetric', () => {
    expect(itemSimilarity(original.title, original.title)).toBe(1);
    expect(itemSimilarity(original.title, reworded.title)).toBe(
      itemSimilarity(reworded.title, original.title),
    );
  });

  it('averages character and word Jaccard', () => {
    const left = 'Night market opens on the pier';
    const right = 'Night market opens on the quay';
    const expected =
      (jaccard(shingles(left), shingles(right)) +
        jaccard(wordShingles(left), wordShingles(right))) /
      2;
    expect(itemSimilarity(left, right)).toBeCloseTo(expected, 10);
  });

  it('is 0 when the two state conflicting facts, however alike the wording', () => {
    expect(
      itemSimilarity(
        'Bitcoin falls 4% to $61,000 overnight as liquidations top $380M',
        'Bitcoin falls 6% to $58,200 overnight as liquidations top $510M',
      ),
    ).toBe(0);
  });

  it('scores a copy cut short by its containment in the full text', () => {
    const full =
      'Why everyone in Seoul is wearing cargo skirts this autumn. Stylists say the look started with a street-style account in Seongsu and spread through vintage shops by October.';
    const cut = 'Why everyone in Seoul is wearing cargo skirts this autumn…';
    expect(jaccard(wordShingles(full), wordShingles(cut))).toBeLessThan(0.5);
    expect(itemSimilarity(full, cut)).toBeGreaterThanOrEqual(0.45);
  });
});

describe('pairFeatures', () => {
  it('gives one value in [0, 1] per named feature', () => {
    const features = pairFeatures(
      storyFingerprint(original.title),
      storyFingerprint(reworded.title),
    );
    expect(features).toHaveLength(PAIR_FEATURES.length);
    for (const value of features) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
  });

  it('counts the names two texts share, not their sentence-initial words', () => {
    const named = (text: string) =>
      pairFeatures(storyFingerprint(text), storyFingerprint('Marten holds rates in Eastmarch'))[
        PAIR_FEATURES.indexOf('names Jaccard')
      ];
    expect(named('Rates held: Marten keeps Eastmarch on hold')).toBe(1);
    expect(named('Rates held as the central bank waits')).toBe(0);
  });

  it('marks conflicting facts and reads "400m" and "400 million" as one number', () => {
    const conflict = (left: string, right: string) =>
      pairFeatures(storyFingerprint(left), storyFingerprint(right))[
        PAIR_FEATURES.indexOf('facts conflict')
      ];
    expect(conflict('Airport opens £400m terminal', 'Airport opens £400 million terminal')).toBe(0);
    expect(conflict('Bitcoin falls 4% to $61,000', 'Bitcoin falls 6% to $58,200')).toBe(1);
  });
});

describe('candidatePairFeatures', () => {
  it('compares texts that share a content word and skips blank or unrelated ones', () => {
    const print = storyFingerprint(original.title);
    expect(candidatePairFeatures(print, storyFingerprint(reworded.title))).toHaveLength(
      PAIR_FEATURES.length,
    );
    expect(candidatePairFeatures(print, storyFingerprint('🎉 !!'))).toBeUndefined();
    expect(
      candidatePairFeatures(
        print,
        storyFingerprint('Parkrun celebrates its 10 millionth finisher'),
      ),
    ).toBeUndefined();
  });
});
