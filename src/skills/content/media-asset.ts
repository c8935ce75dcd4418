// The Artist's product: the files of one piece of content, their quality and what they cost.

import { z } from 'zod';
import { StrategyChoice } from '../../domain/strategy/strategy-choices.js';

/** A produced piece of media. `production_cost` is in US dollars, from the price table. */
export const MediaAsset = z.object({
  asset_id: z.string().min(1),
  brief_id: z.string().min(1),
  format: z.enum(['text', 'image', 'video']),
  files: z.array(
    z.object({ path: z.string(), mime: z.string(), bytes: z.number().int().positive() }),
  ),
  quality_score: z.number().min(0).max(1),
  production_cost: z.number().nonnegative(),
  character_reference_id: z.string().min(1).optional(),
  caption: z.string(),
  hashtags: z.array(z.string()),
  notes: z.array(z.string()),
  /** The strategy choice of the brief it was made from, carried on to the post. */
  strategy: StrategyChoice.optional(),
});
export type MediaAsset = z.infer<typeof MediaAsset>;
