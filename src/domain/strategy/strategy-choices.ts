// The choices a posting strategy makes for each post: format, topic cluster, hook style and
// posting hour, each a closed set. It names the options only; which one fares best is learned per
// agent (bandit.ts), never assumed here.

import { z } from 'zod';

/** The shape of a post. */
export const POST_FORMATS = ['image', 'video', 'carousel', 'text'] as const;
export const PostFormat = z.enum(POST_FORMATS);
export type PostFormat = z.infer<typeof PostFormat>;

/** What a post is about, as a cluster of topics any niche has. Fixed until niches bring theirs. */
export const TOPIC_CLUSTERS = [
  'tips',
  'gear',
  'news',
  'lifestyle',
  'community',
  'behind-the-scenes',
] as const;
export const TopicCluster = z.enum(TOPIC_CLUSTERS);
export type TopicCluster = z.infer<typeof TopicCluster>;

/** How a post's first line catches the eye. */
export const HOOK_STYLES = ['question', 'bold-claim', 'story', 'how-to', 'stat'] as const;
export const HookStyle = z.enum(HOOK_STYLES);
export type HookStyle = z.infer<typeof HookStyle>;

/**
 * The hour a post goes out, in the audience's local time (0–23): one slot every three hours of the
 * waking day, so each slot is tried often enough to learn from.
 */
export const POSTING_HOURS = [6, 9, 12, 15, 18, 21] as const;
export const PostingHour = z.literal(POSTING_HOURS);
export type PostingHour = z.infer<typeof PostingHour>;

/** One value per dimension: what the Director is told to make and when to post it. */
export const StrategyChoice = z.object({
  format: PostFormat,
  topic: TopicCluster,
  hook: HookStyle,
  hour: PostingHour,
});
export type StrategyChoice = z.infer<typeof StrategyChoice>;

/** The dimensions of a choice, in the order they are listed and sampled. */
export const STRATEGY_DIMENSIONS = ['format', 'topic', 'hook', 'hour'] as const;
export type StrategyDimension = (typeof STRATEGY_DIMENSIONS)[number];

/** The values of each dimension. */
export const DIMENSION_VALUES = {
  format: POST_FORMATS,
  topic: TOPIC_CLUSTERS,
  hook: HOOK_STYLES,
  hour: POSTING_HOURS,
} as const satisfies { [D in StrategyDimension]: readonly StrategyChoice[D][] };
