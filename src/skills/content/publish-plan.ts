// What the Publisher prepares and an approval authorizes: one post, with the idempotency key
// that makes publishing it exactly-once.

import { z } from 'zod';
import { StrategyChoice } from '../../domain/strategy/strategy-choices.js';

export const SocialPlatform = z.enum(['twitter', 'instagram', 'threads', 'tiktok', 'youtube']);

/** A post ready to publish. `idempotency_key` is derived from agent, platform and content. */
export const PublishPlan = z.object({
  platform: SocialPlatform,
  author: z.string().min(1),
  text_content: z.string().min(1),
  media_urls: z.array(z.string()),
  disclosure_level: z.enum(['automated', 'assisted']),
  idempotency_key: z.string().min(8),
  format: z.enum(['text', 'image', 'video']),
  /** The strategy choice the post was made with, for a platform that simulates its audience. */
  audience_labels: StrategyChoice.optional(),
});
export type PublishPlan = z.infer<typeof PublishPlan>;
