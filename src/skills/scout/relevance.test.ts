// Tests for trend relevance to a niche and goal: the score's meaning, facets, synonyms, the goal's
// share and the inclusive 0.75 threshold of filterRelevant.

import { describe, expect, it } from 'vitest';
import { filterRelevant, RELEVANCE_THRESHOLD, relevance, trendText } from './relevance.js';

const streetwear = { niche: 'sustainable streetwear', goal: 'promote our upcycled denim jackets' };

describe('relevance', () => {
  it('scores exactly 0.75 for a trend covering the whole niche and none of the goal', () => {
    expect(relevance('recycled sneakers drop', streetwear)).toBe(0.75);
  });

  it('adds the goal’s share on top of the niche', () => {
    expect(relevance('upcycled denim jackets in Berlin', streetwear)).toBe(1);
    expect(relevance('thrifted denim', streetwear)).toBeCloseTo(0.75 + 0.25 / 3, 10);
  });

  it('gives half the niche weight to a trend that touches one of two niche concepts', () => {
    expect(relevance('sneaker drop hype', streetwear)).toBe(0.375);
  });

  it('matches niche words through stems and synonym groups but goal words only through stems', () => {
    expect(relevance('secondhand hoodies', streetwear)).toBe(0.75);
    // "sneakers" is streetwear for the niche but is not the goal's "denim" or "jackets".
    expect(relevance('upcycled sneakers', streetwear)).toBeCloseTo(0.75 + 0.25 / 3, 10);
  });

  it('lets a trend fit one facet of a niche joined by "and"', () => {
    const travel = { niche: 'budget travel and street food', goal: '' };
    expect(relevance('Bangkok hawker food crawl', travel)).toBe(1);
    expect(relevance('Lisbon tourist tax doubles', travel)).toBe(0.5);
  });

  it('ignores campaign words in the goal', () => {
    const withCampaignWords = { ...streetwear, goal: 'grow followers and promote the brand' };
    expect(relevance('recycled sneakers drop', withCampaignWords)).toBe(1);
  });

  it('scores an unrelated trend 0 and accepts extra synonym groups', () => {
    expect(relevance('Senate budget vote', streetwear)).toBe(0);
    const fitness = { niche: 'fitness', goal: '' };
    expect(relevance('pickleball courts double', fitness)).toBe(0);
    expect(
      relevance('pickleball courts double', { ...fitness, synonyms: [['fitness', 'pickleball']] }),
    ).toBe(1);
  });
});

describe('filterRelevant', () => {
  const trends = [
    { topic: 'sneaker drop hype', keywords: ['sneaker', 'drop', 'hype'] },
    { topic: 'recycled sneakers', headline: 'Recycled sneakers drop on Friday' },
    { topic: 'upcycled denim jackets', keywords: ['upcycled', 'denim', 'jackets'] },
  ];

  it('keeps trends at or above 0.75 inclusive, in input order, with their relevance', () => {
    expect(RELEVANCE_THRESHOLD).toBe(0.75);
    expect(filterRelevant(trends, streetwear)).toEqual([
      { ...trends[1], relevance: 0.75 },
      { ...trends[2], relevance: 1 },
    ]);
  });

  it('honours a custom threshold', () => {
    expect(filterRelevant(trends, streetwear, 0.76).map((trend) => trend.topic)).toEqual([
      'upcycled denim jackets',
    ]);
    expect(filterRelevant(trends, streetwear, 0)).toHaveLength(3);
  });

  it('judges a trend by its topic, keywords and headline', () => {
    expect(trendText({ topic: 'a', keywords: ['b', 'c'], headline: 'D' })).toBe('a b c D');
    expect(trendText({ topic: 'a' })).toBe('a ');
  });
});
