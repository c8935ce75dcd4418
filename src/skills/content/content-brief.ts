// The Director's product: a ContentBrief the Artist can produce and the Judge can check.

import { z } from 'zod';
import { StrategyChoice } from '../../domain/strategy/strategy-choices.js';
import { wordCount } from '../../models/price-table.js';

/** The part of a brief the model writes. */
export const BriefDraft = z.object({
  caption: z.string().min(10).max(2_200),
  hashtags: z
    .array(z.string().regex(/^#[\p{L}\p{N}_]+$/u, 'a hashtag is # and letters or digits'))
    .min(1)
    .max(10),
  visual_prompts: z.array(z.string().min(5)).max(5),
  script: z.string().optional(),
});
export type BriefDraft = z.infer<typeof BriefDraft>;

/** A complete brief. `estimated_cost` is in US dollars, from the price table. */
export const ContentBrief = BriefDraft.extend({
  brief_id: z.string().min(1),
  trend_id: z.string().min(1),
  format: z.enum(['text', 'image', 'video']),
  character_reference_id: z.string().min(1),
  estimated_cost: z.number().nonnegative(),
  /** The strategy choice it was written with (its format the one actually used), if any. */
  strategy: StrategyChoice.optional(),
}).superRefine((brief, context) => {
  if (brief.format === 'video') {
    const words = wordCount(brief.script ?? '');
    if (words < 100 || words > 500) {
      context.addIssue({
        code: 'custom',
        path: ['script'],
        message: `a video script needs 100–500 words, got ${words}`,
      });
    }
  }
  if (brief.format !== 'text' && brief.visual_prompts.length === 0) {
    context.addIssue({
      code: 'custom',
      path: ['visual_prompts'],
      message: `a ${brief.format} brief needs at least one visual prompt`,
    });
  }
});
export type ContentBrief = z.infer<typeof ContentBrief>;
