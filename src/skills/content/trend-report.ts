// The Scout's product: a TrendReport of 1–20 trends, each with its evidence.

import { z } from 'zod';
import { FeedPlatform } from '../../domain/feed-item.js';

/** One trend of a report. */
export const Trend = z.object({
  trend_id: z.string().min(1),
  topic: z.string().min(1),
  volume: z.number().int().nonnegative(),
  sentiment_score: z.number().min(-1).max(1),
  rising_velocity: z.number().nonnegative(),
  platforms: z.array(FeedPlatform),
  first_seen: z.string().datetime({ offset: true }),
  sources: z.array(z.string()),
  relevance: z.number().min(0).max(1),
  headline: z.string(),
});
export type Trend = z.infer<typeof Trend>;

/** A report of the trends relevant to one agent's niche and campaign goal. */
export const TrendReport = z.object({
  as_of: z.string().datetime({ offset: true }),
  niche: z.string(),
  trends: z.array(Trend).min(1).max(20),
  items_seen: z.number().int().nonnegative(),
  duplicates_removed: z.number().int().nonnegative(),
  /** Sources the trend servers could not read, so a reader knows what the report missed. */
  source_problems: z.array(z.string()).default([]),
});
export type TrendReport = z.infer<typeof TrendReport>;
