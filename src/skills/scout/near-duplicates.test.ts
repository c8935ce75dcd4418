// Tests for near-duplicate detection: pair probability, grouping and dedupe.
// Quality on the labelled fixtures is measured in tests/judgement.quality.test.ts, not here.

import { describe, expect, it } from 'vitest';
import { DUPLICATE_PAIR_MODEL } from './duplicate-pair-model.js';
import { itemText } from './feed-item.js';
import { dedupe, duplicateProbability, findNearDuplicates } from './near-duplicates.js';

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

describe('duplicateProbability', () => {
  it('is 1 for the same text after normalisation and symmetric', () => {
    expect(duplicateProbability(itemText(original), itemText(breaking))).toBe(1);
    expect(duplicateProbability(itemText(original), itemText(reworded))).toBe(
      duplicateProbability(itemText(reworded), itemText(original)),
    );
  });

  it('rates a reworded copy above the bar and another story on the topic below it', () => {
    expect(duplicateProbability(itemText(original), itemText(reworded))).toBeGreaterThan(
      DUPLICATE_PAIR_MODEL.bar,
    );
    expect(duplicateProbability(itemText(original), itemText(sameTopicOtherStory))).toBeLessThan(
      DUPLICATE_PAIR_MODEL.bar,
    );
  });

  it('is 0 for a pair with no content word in common', () => {
    expect(duplicateProbability(itemText(original), itemText(unrelated))).toBe(0);
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

  it('keeps a look-alike out of a group it is close to through one edited member only', () => {
    const story = item(
      's1',
      'Harbour night market opens on the pier',
      'Forty stalls, live music and late ferries home.',
      '08:00',
    );
    const repost = item(
      's2',
      'RT @citydesk: Harbour night market opens on the pier',
      'Forty stalls, live music and late ferries home, plus a vinyl swap by the lighthouse with crates of rare records.',
      '08:30',
    );
    const lookAlike = item(
      's3',
      'Vinyl swap by the lighthouse with crates of rare records and old posters, plus live music',
      '',
      '09:00',
    );
    // Single link would chain the look-alike in through the repost; the group's average keeps it out.
    expect(duplicateProbability(itemText(repost), itemText(lookAlike))).toBeGreaterThan(
      DUPLICATE_PAIR_MODEL.bar,
    );
    const groups = findNearDuplicates([story, repost, lookAlike]);
    expect(groups.map((group) => group.map((entry) => entry.id))).toEqual([['s1', 's2']]);
  });

  it('groups a repost with its report and keeps the strike called off apart', () => {
    const report = item(
      'r1',
      'Harbor Line drivers to strike on 9 and 10 October',
      'The drivers union says 83% voted for action over pay.',
      '08:00',
    );
    const repost = item(
      'r2',
      'RT @commuterdesk: Harbor Line drivers to strike on 9 and 10 October 🚆',
      'The drivers union says 83% voted for action over pay.',
      '08:10',
    );
    const calledOff = item(
      'r3',
      'Harbor Line drivers call off 9 and 10 October strike',
      'The union will put a revised pay offer to members.',
      '09:00',
    );
    const groups = findNearDuplicates([report, repost, calledOff]);
    expect(groups.map((group) => group.map((entry) => entry.id))).toEqual([['r1', 'r2']]);
  });

  it('keeps the same template about another season apart', () => {
    const spring = item(
      't1',
      'Why everyone in Tokyo is wearing track jackets this spring',
      '',
      '08:00',
    );
    const autumn = item(
      't2',
      'Why everyone in Tokyo is wearing track jackets this autumn',
      '',
      '09:00',
    );
    expect(findNearDuplicates([spring, autumn])).toEqual([]);
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
