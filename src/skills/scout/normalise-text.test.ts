// Tests for the Scout's shared text normalisation: cleaning, stop words and the light stemmer.
// They cover behaviour the other modules rely on, not linguistic completeness.

import { describe, expect, it } from 'vitest';
import { contentWords, normaliseText, stem, stripPostingPrefix } from './normalise-text.js';

describe('normaliseText', () => {
  it('lowercases and removes posting prefixes, links, mentions, emoji and punctuation', () => {
    expect(
      normaliseText(
        'BREAKING: Thrift app hits 5,000,000 users 🎉 via @retail https://x.example/a #SlowFashion!',
      ),
    ).toBe('thrift app hits 5000000 users via slowfashion');
  });

  it('joins words split by apostrophes and collapses whitespace', () => {
    expect(normaliseText("  Don't   stop\n\tnow  ")).toBe('dont stop now');
  });
});

describe('stripPostingPrefix', () => {
  it('removes stacked wire prefixes but leaves a headline that merely starts with such a word', () => {
    expect(stripPostingPrefix('JUST IN — UPDATE: Rail strike called off')).toBe(
      'Rail strike called off',
    );
    expect(stripPostingPrefix('Update on our organic cotton collection')).toBe(
      'Update on our organic cotton collection',
    );
  });
});

describe('stem', () => {
  it('brings inflections of a word to one stem', () => {
    expect(new Set(['recycled', 'recycling', 'recycles', 'recycle'].map(stem)).size).toBe(1);
    expect(stem('cities')).toBe('city');
    expect(stem('shopping')).toBe(stem('shop'));
  });

  it('keeps derivational suffixes and short words', () => {
    expect(stem('wellness')).toBe('wellness');
    expect(stem('gym')).toBe('gym');
  });
});

describe('contentWords', () => {
  it('drops stop words, single letters and bare numbers and stems the rest', () => {
    expect(contentWords('The 3 best sneakers of a year, says report')).toEqual(['best', 'sneaker']);
  });
});
