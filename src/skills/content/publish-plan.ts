// What the Publisher prepares and an approval authorizes: one post, with the idempotency key
// that makes publishing it exactly-once.

import { z } from 'zod';

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
});
export type PublishPlan = z.infer<typeof PublishPlan>;
