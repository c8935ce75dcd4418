// The feed item the Scout's analysis modules read: the domain feed item with `engagement` made
// optional, since not every source reports it. It does not fetch or validate feeds itself.

import { z } from 'zod';
import { FeedItem as DomainFeedItem, FeedPlatform } from '../../domain/feed-item.js';

export { FeedPlatform };

/**
 * One item from a trend source: `id`, `title`, `summary`, `url`, `source`, `platform`,
 * `published_at` (ISO 8601 with offset) and, when the source reports it, `engagement` (likes,
 * shares and comments together). Every domain `FeedItem` is also a valid Scout feed item.
 */
export const FeedItem = DomainFeedItem.extend({
  engagement: z.number().int().nonnegative().optional(),
});
export type FeedItem = z.infer<typeof FeedItem>;

/** The text the Scout analyses for an item: its title and summary, joined as two sentences. */
export function itemText(item: Pick<FeedItem, 'title' | 'summary'>): string {
  const title = item.title.trim();
  const summary = item.summary.trim();
  if (summary.length === 0) return title;
  return /[.!?…]$/.test(title) ? `${title} ${summary}` : `${title}. ${summary}`;
}

/** Milliseconds since the epoch at which an item was published. */
export function publishedAt(item: Pick<FeedItem, 'published_at'>): number {
  return Date.parse(item.published_at);
}
