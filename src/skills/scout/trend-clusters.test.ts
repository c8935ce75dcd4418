// Tests for trend clustering: the window boundary, rising velocity, per-trend figures, grouping
// and the stability of trend ids.

import { describe, expect, it } from 'vitest';
import type { FeedItem } from './feed-item.js';
import {
  clusterTrends,
  FOUR_HOURS_MS,
  HOUR_MS,
  risingVelocity,
  trendId,
} from './trend-clusters.js';

const NOW = Date.parse('2025-06-02T16:30:00Z');

let sequence = 0;
function post(minutesAgo: number, title: string, extra: Partial<FeedItem> = {}): FeedItem {
  sequence++;
  return {
    id: `item-${String(sequence).padStart(3, '0')}`,
    title,
    summary: '',
    url: `https://feed.example/${sequence}`,
    source: `source-${sequence}`,
    platform: 'news',
    published_at: new Date(NOW - minutesAgo * 60_000).toISOString(),
    ...extra,
  };
}

const denim = [
  post(200, 'Upcycled denim jackets sell out at Berlin pop-up', {
    platform: 'instagram',
    source: 'loop',
    engagement: 100,
  }),
  post(90, 'Berlin pop-up sells upcycled denim jackets in an hour', {
    platform: 'twitter',
    source: 'hype',
    engagement: 50,
  }),
  post(30, 'Upcycled denim jackets: Berlin queue for pop-up', {
    platform: 'twitter',
    source: 'loop',
  }),
];
const ramen = [
  post(50, 'Tokyo ramen stall prices stay under five dollars', {
    platform: 'tiktok',
    source: 'eats',
  }),
  post(20, 'Cheap Tokyo ramen stall keeps prices under five dollars', {
    platform: 'youtube',
    source: 'eats',
  }),
];
const loner = post(10, 'Parliament debates fishing quotas');
const constantSentiment = () => 0.5;

describe('clusterTrends window', () => {
  it('includes an item exactly four hours old and excludes one 4h + 1ms old or from the future', () => {
    const edge = (offsetMs: number, id: string) => ({
      ...post(0, 'Recycled sneaker drop from ocean plastic'),
      id,
      published_at: new Date(NOW - offsetMs).toISOString(),
    });
    const items = [
      edge(0, 'now'),
      edge(FOUR_HOURS_MS, 'exactly-four-hours'),
      edge(FOUR_HOURS_MS + 1, 'four-hours-and-a-millisecond'),
      edge(-1, 'future'),
    ];
    const [trend] = clusterTrends(items, { now: NOW, sentiment: constantSentiment });
    expect(trend?.item_ids).toEqual(['exactly-four-hours', 'now']);
  });

  it('honours a custom window length', () => {
    const trends = clusterTrends(denim, {
      now: NOW,
      windowMs: 2 * HOUR_MS,
      sentiment: constantSentiment,
    });
    expect(trends[0]?.volume).toBe(2);
  });

  it('rejects an unreadable now', () => {
    expect(() => clusterTrends(denim, { now: 'soon' })).toThrow(RangeError);
  });
});

describe('risingVelocity', () => {
  it('compares the last hour with the rest of the window, smoothed by one item per hour', () => {
    const minutes = (value: number) => NOW - value * 60_000;
    // Three items in the last hour, none before: (3 + 1) / (0 + 1).
    expect(risingVelocity([minutes(5), minutes(10), minutes(50)], NOW)).toBe(4);
    // None in the last hour, three before: (0 + 1) / (3 / 3 + 1).
    expect(risingVelocity([minutes(70), minutes(130), minutes(190)], NOW)).toBe(0.5);
    // One an hour throughout: steady.
    expect(risingVelocity([minutes(30), minutes(90), minutes(150), minutes(210)], NOW)).toBe(1);
  });

  it('counts an item exactly one hour old as recent and ignores items outside the window', () => {
    expect(risingVelocity([NOW - HOUR_MS], NOW)).toBe(2);
    expect(risingVelocity([NOW - FOUR_HOURS_MS - 1, NOW + 1], NOW)).toBe(1);
  });

  it('refuses a recent part that is not shorter than the window', () => {
    expect(() => risingVelocity([], NOW, HOUR_MS, HOUR_MS)).toThrow(RangeError);
  });
});

describe('clusterTrends figures', () => {
  const trends = clusterTrends([loner, ...ramen, ...denim], { now: NOW });

  it('groups items by topic and drops clusters below the minimum size', () => {
    expect(trends.map((trend) => trend.item_ids)).toEqual([
      denim.map((item) => item.id),
      ramen.map((item) => item.id),
    ]);
    const all = clusterTrends([loner, ...ramen, ...denim], { now: NOW, minItems: 1 });
    expect(all).toHaveLength(3);
  });

  it('measures volume, engagement, platforms, sources, first sighting and velocity', () => {
    const [first] = trends;
    expect(first).toMatchObject({
      volume: 3,
      engagement: 150,
      platforms: ['instagram', 'twitter'],
      sources: ['loop', 'hype'],
      first_seen: denim[0]?.published_at,
      // One item in the last hour, two in the three hours before: (1 + 1) / (2 / 3 + 1).
      rising_velocity: 2 / (2 / 3 + 1),
    });
  });

  it('averages the items’ sentiment', () => {
    let call = 0;
    const alternating = () => (call++ % 2 === 0 ? 1 : -0.5);
    const [trend] = clusterTrends(ramen, { now: NOW, sentiment: alternating });
    expect(trend?.sentiment_score).toBe(0.25);
  });

  it('names the topic with its top keywords in headline order', () => {
    for (const trend of trends) {
      expect(trend.keywords).toHaveLength(3);
      const headline = trend.headline.toLowerCase();
      const positions = trend.topic.split(' ').map((word) => headline.indexOf(word));
      expect(positions.every((position) => position >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    }
    expect(trends[0]?.keywords).toEqual(expect.arrayContaining(['denim', 'jackets']));
    expect(trends[1]?.keywords).toEqual(expect.arrayContaining(['ramen']));
  });

  it('returns at most `limit` trends, largest first', () => {
    const limited = clusterTrends([...ramen, ...denim], { now: NOW, limit: 1 });
    expect(limited.map((trend) => trend.volume)).toEqual([3]);
  });
});

describe('trend ids', () => {
  it('do not depend on the order of the items', () => {
    const forward = clusterTrends([...denim, ...ramen], { now: NOW });
    const backward = clusterTrends([...ramen, ...denim].reverse(), { now: NOW });
    expect(backward.map((trend) => trend.trend_id)).toEqual(forward.map((trend) => trend.trend_id));
    expect(forward[0]?.trend_id).toMatch(/^trend-[0-9a-f]{16}$/);
  });

  it('stay the same while the window start stays in the same hour and change after it', () => {
    const at = (now: number) => clusterTrends(denim, { now, windowMs: 5 * HOUR_MS })[0]?.trend_id;
    // The window starts at 11:30; 11:59 is the same hour, 12:00 the next.
    expect(at(NOW + 29 * 60_000)).toBe(at(NOW));
    expect(at(NOW + 30 * 60_000)).not.toBe(at(NOW));
  });

  it('hash sorted keyword stems with the window start', () => {
    const start = Date.parse('2025-06-02T12:34:00Z');
    expect(trendId(['denim', 'upcycl'], start)).toBe(trendId(['upcycl', 'denim'], start));
    expect(trendId(['denim', 'upcycl'], start)).toBe(
      trendId(['denim', 'upcycl'], Date.parse('2025-06-02T12:00:00Z')),
    );
    expect(trendId(['denim', 'upcycl'], start)).not.toBe(trendId(['denim', 'ramen'], start));
  });
});
