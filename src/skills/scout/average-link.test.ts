// Tests for average-link clustering over scored pairs.

import { describe, expect, it } from 'vitest';
import { averageLinkClusters } from './average-link.js';

describe('averageLinkClusters', () => {
  it('merges close pairs and leaves unscored items alone', () => {
    const pairs = [{ left: 0, right: 2, similarity: 0.9 }];
    expect(averageLinkClusters(4, pairs, 0.5)).toEqual([[0, 2]]);
  });

  it('does not chain: a member close to only one of a pair stays out', () => {
    // Single link would join all three through item 1; the average to {0, 1} is (0 + 0.6) / 2.
    const pairs = [
      { left: 0, right: 1, similarity: 0.9 },
      { left: 1, right: 2, similarity: 0.6 },
    ];
    expect(averageLinkClusters(3, pairs, 0.5)).toEqual([[0, 1]]);
  });

  it('joins an item close to every member of a group', () => {
    const pairs = [
      { left: 0, right: 1, similarity: 0.9 },
      { left: 1, right: 2, similarity: 0.6 },
      { left: 0, right: 2, similarity: 0.5 },
    ];
    expect(averageLinkClusters(3, pairs, 0.5)).toEqual([[0, 1, 2]]);
  });

  it('gives the same clusters whatever the order of the pairs', () => {
    const pairs = [
      { left: 3, right: 4, similarity: 0.7 },
      { left: 0, right: 1, similarity: 0.7 },
      { left: 1, right: 3, similarity: 0.7 },
    ];
    expect(averageLinkClusters(5, [...pairs].reverse(), 0.6)).toEqual(
      averageLinkClusters(5, pairs, 0.6),
    );
  });
});
