// The platform tools' contract as agents call it: the input and output shapes of the tools a
// social platform's MCP server offers (post_content, find_post, reply_comment, get_engagement)
// and its recent-mentions resource. The bundled sandbox (social-sandbox/) and the Moltbook
// adapter (moltbook/) both register these, so either can stand behind the same calls.

import { z } from 'zod';
import { StrategyChoice } from '../../domain/strategy/strategy-choices.js';

/** The platforms a Chimera post is planned for (PublishPlan.platform). */
export const Platform = z.enum(['twitter', 'instagram', 'threads', 'tiktok', 'youtube']);
export type Platform = z.infer<typeof Platform>;

const AudienceLabels = StrategyChoice.optional().describe(
  'sandbox only: the strategy choice the post was made with, which the simulated audience responds to',
);

/** A published post, as post_content and find_post answer it. */
export const PostView = z.object({
  post_id: z.string(),
  platform: Platform,
  url: z.string(),
  author: z.string(),
  disclosure_level: z.enum(['automated', 'assisted']),
  created_at: z.string(),
});
export type PostView = z.infer<typeof PostView>;

/** Input shapes of the platform tools, by tool name. */
export const PLATFORM_TOOL_INPUTS = {
  post_content: {
    platform: Platform,
    text_content: z.string().min(1),
    media_urls: z.array(z.string()).default([]),
    disclosure_level: z.enum(['automated', 'assisted', 'none']).default('automated'),
    idempotency_key: z.string().min(8),
    author: z.string().min(1).default('chimera'),
    audience_labels: AudienceLabels,
  },
  find_post: { idempotency_key: z.string().min(8) },
  reply_comment: {
    mention_id: z.string().min(1),
    text_content: z.string().min(1).max(2_200),
    idempotency_key: z.string().min(8),
    author: z.string().min(1).default('chimera'),
    audience_labels: AudienceLabels,
  },
  get_engagement: { post_id: z.string().uuid() },
};

/** Output shapes of the platform tools, by tool name. */
export const PLATFORM_TOOL_OUTPUTS = {
  post_content: { ...PostView.shape, created: z.boolean() },
  find_post: { found: z.boolean(), post: PostView.optional() },
  reply_comment: { reply_id: z.string(), mention_id: z.string(), created: z.boolean() },
  get_engagement: {
    post_id: z.string(),
    views: z.number().int(),
    likes: z.number().int(),
    shares: z.number().int(),
    comments: z.number().int(),
  },
};

/** The URI template of the recent-mentions resource the reply skill reads. */
export const RECENT_MENTIONS_TEMPLATE = 'social://{platform}/mentions/recent{?account}';

/** A mention as the recent-mentions resource lists it (skills/content/comment-replies.ts). */
export interface MentionView {
  id: string;
  platform: string;
  mentioned: string;
  author: string;
  text: string;
  created_at: string;
  replied: boolean;
}
