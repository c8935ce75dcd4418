// Cheap trend signals the trends server computes over feed items: keyword matching, time
// windows and velocity. The Scout does the real analysis (dedup, sentiment, clustering).

import type { FeedItem } from '../../../domain/feed-item.js';

/** Time windows `fetch_trends` accepts, in milliseconds. */
export const TIMEFRAMES = {
  '1h': 3_600_000,
  '24h': 86_400_000,
  '7d': 604_800_000,
  '30d': 2_592_000_000,
};
export type Timeframe = keyof typeof TIMEFRAMES;

const STOPWORDS = new Set(
  'a an and are as at be by for from has have in into is it its of on or that the this to up with as new after before over under than their they more most your you our we how why what who will can'.split(
    ' ',
  ),
);

/** Lowercase word tokens of an item's title and summary, stopwords removed. */
export function tokens(text: string): string[] {
  return (text.toLowerCase().match(/[a-z][a-z'-]+/g) ?? []).filter(
    (word) => word.length > 2 && !STOPWORDS.has(word),
  );
}

/** Items published within `windowMs` before `now` (inclusive), newest first. */
export function withinWindow(items: readonly FeedItem[], now: Date, windowMs: number): FeedItem[] {
  const from = now.getTime() - windowMs;
  return items
    .filter((item) => {
      const at = Date.parse(item.published_at);
      return at >= from && at <= now.getTime();
    })
    .sort((a, b) => b.published_at.localeCompare(a.published_at));
}

/** True when the item's text contains `keyword` as a word or phrase (case-insensitive). */
export function mentions(item: FeedItem, keyword: string): boolean {
  const haystack = ` ${tokens(`${item.title} ${item.summary}`).join(' ')} `;
  return haystack.includes(` ${tokens(keyword).join(' ')} `);
}

/**
 * Velocity of a set of items over a window: the engagement in the newest quarter of the window
 * divided by a quarter of the whole window's engagement. 1 is steady, above 1 rising, 0 quiet.
 */
export function velocity(items: readonly FeedItem[], now: Date, windowMs: number): number {
  const total = items.reduce((sum, item) => sum + item.engagement, 0);
  if (total === 0) return 0;
  const recent = withinWindow(items, now, windowMs / 4).reduce(
    (sum, item) => sum + item.engagement,
    0,
  );
  return Math.round((recent / (total / 4)) * 100) / 100;
}

/** The most mentioned keywords across `items`, weighted by engagement. */
export function topKeywords(items: readonly FeedItem[], limit: number) {
  const weights = new Map<string, { mentions: number; engagement: number }>();
  for (const item of items) {
    for (const word of new Set(tokens(`${item.title} ${item.summary}`))) {
      const entry = weights.get(word) ?? { mentions: 0, engagement: 0 };
      entry.mentions += 1;
      entry.engagement += item.engagement;
      weights.set(word, entry);
    }
  }
  return [...weights.entries()]
    .filter(([, entry]) => entry.mentions > 1)
    .sort((a, b) => b[1].engagement - a[1].engagement || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([keyword, entry]) => ({ keyword, ...entry }));
}
