// What the reply skill prepares and an approval authorizes: replies to recent mentions, each
// with the idempotency key that makes it exactly-once (one reply per agent and mention, ever).

import { z } from 'zod';
import { SocialPlatform } from './publish-plan.js';

/** A mention as the sandbox's `social://{platform}/mentions/recent` resource lists it. */
export const Mention = z.object({
  id: z.string().min(1),
  platform: z.string(),
  author: z.string(),
  text: z.string(),
  created_at: z.string(),
  replied: z.boolean().default(false),
});

export const CommentReply = z.object({
  mention_id: z.string().min(1),
  mention_author: z.string(),
  mention_text: z.string(),
  text_content: z.string().min(1).max(2_200),
  /** True when the mention asked whether the account is automated and this is the honest answer. */
  honesty_reply: z.boolean(),
  idempotency_key: z.string().min(8),
});

export const CommentReplies = z.object({
  platform: SocialPlatform,
  author: z.string().min(1),
  replies: z.array(CommentReply).max(20),
  /** Mentions read, including those already answered. */
  mentions_seen: z.number().int().nonnegative(),
});
export type CommentReplies = z.infer<typeof CommentReplies>;
