// One item from a trend source (an RSS/Atom/JSON feed entry or a platform post), as the trends
// MCP server returns it and the Scout consumes it.

import { z } from 'zod';

/** Platforms Chimera publishes to, plus `news` for web feeds. */
export const FeedPlatform = z.enum([
  'twitter',
  'instagram',
  'threads',
  'tiktok',
  'youtube',
  'news',
]);
export type FeedPlatform = z.infer<typeof FeedPlatform>;

/** A feed item. `engagement` counts likes, shares and comments together. */
export const FeedItem = z.object({
  id: z.string().min(1),
  title: z.string(),
  summary: z.string(),
  url: z.string(),
  source: z.string(),
  platform: FeedPlatform,
  published_at: z.string().datetime({ offset: true }),
  engagement: z.number().int().nonnegative(),
});
export type FeedItem = z.infer<typeof FeedItem>;
