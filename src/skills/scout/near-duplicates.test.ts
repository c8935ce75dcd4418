// Tests for near-duplicate detection: shingles, seeded MinHash, grouping and dedupe.
// Quality on the labelled fixture is measured in scout-quality.test.ts, not here.

import { describe, expect, it } from 'vitest';
import {
  dedupe,
  estimatedJaccard,
  findNearDuplicates,
  jaccard,
  minHashSignature,
  shingles,
} from './near-duplicates.js';

function item(id: string, title: string, summary: string, at: string) {
  return { id, title, summary, published_at: `2025-06-02T${at}:00Z` };
}

const original = item(
  'a',
  'Rework Supply launches sneaker made from 80% recycled ocean plastic',
  'The Portland label says its new Tide runner uses recovered fishing nets for the upper and a sugarcane-based sole.',
  '10:00',
);
const breaking = item(
  'b',
  'BREAKING: Rework Supply launches sneaker made from 80% recycled ocean plastic 🌊👟',
  'The Portland label says its new Tide runner uses recovered fishing nets for the upper and a sugarcane-based sole.',
  '10:20',
);
const reworded = item(
  'c',
  "Rework Supply's new Tide runner: a sneaker built from 80% recycled ocean plastic",
  'Portland label Rework Supply is using recovered fishing nets for the upper and a sugarcane sole.',
  '11:05',
);
const sameTopicOtherStory = item(
  'd',
  'Rework Supply recalls Tide runner batch over sole defect',
  'About 2,000 pairs of the recycled-plastic sneaker are affected after customers reported soles detaching.',
  '12:00',
);
const unrelated = item(
  'e',
  'Parkrun celebrates 10 millionth finisher',
  'The free weekly 5k marked the milestone at Bushy Park on Saturday.',
  '09:00',
);

describe('shingles', () => {
  it('cuts normalised text into overlapping character runs', () => {
    expect([...shingles('Ab, cd!', 3)]).toEqual(['ab ', 'b c', ' cd']);
  });

  it('keeps a short text as one shingle and gives empty text none', () => {
    expect([...shingles('Hi', 5)]).toEqual(['hi']);
    expect(shingles('🎉 !!', 5).size).toBe(0);
  });
});

describe('minHashSignature', () => {
  it('is deterministic for a seed and changes with the seed', () => {
    const set = shingles(original.title);
    expect(minHashSignature(set)).toEqual(minHashSignature(new Set([...set].reverse())));
    expect(minHashSignature(set, 128, 1)).not.toEqual(minHashSignature(set, 128, 2));
  });

  it('estimates Jaccard similarity within 0.1 of the exact value', () => {
    const left = shingles(`${original.title} ${original.summary}`);
    const right = shingles(`${reworded.title} ${reworded.summary}`);
    const estimate = estimatedJaccard(minHashSignature(left), minHashSignature(right));
    expect(Math.abs(estimate - jaccard(left, right))).toBeLessThan(0.1);
    expect(estimatedJaccard(minHashSignature(left), minHashSignature(left))).toBe(1);
  });
});

describe('findNearDuplicates', () => {
  it('groups a prefixed repost and a reworded headline with the original, earliest first', () => {
    const groups = findNearDuplicates([reworded, unrelated, breaking, original]);
    expect(groups.map((group) => group.map((entry) => entry.id))).toEqual([['a', 'b', 'c']]);
  });

  it('keeps a different story on the same topic apart', () => {
    const groups = findNearDuplicates([original, sameTopicOtherStory]);
    expect(groups).toEqual([]);
  });

  it('groups only identical text at threshold 1', () => {
    const copy = { ...original, id: 'copy', published_at: '2025-06-02T13:00:00Z' };
    const groups = findNearDuplicates([original, breaking, reworded, copy], { threshold: 1 });
    // "BREAKING:" and emoji normalise away, so the prefixed repost is identical text too.
    expect(groups.map((group) => group.map((entry) => entry.id))).toEqual([['a', 'b', 'copy']]);
  });

  it('never groups items whose text is empty after normalisation', () => {
    const empty = [item('x', '🎉', '', '10:00'), item('y', '!!', '', '11:00')];
    expect(findNearDuplicates(empty)).toEqual([]);
  });
});

describe('dedupe', () => {
  it('keeps the earliest item of each group and every singleton, in input order', () => {
    const kept = dedupe([breaking, unrelated, reworded, original, sameTopicOtherStory]);
    expect(kept.map((entry) => entry.id)).toEqual(['e', 'a', 'd']);
  });
});
