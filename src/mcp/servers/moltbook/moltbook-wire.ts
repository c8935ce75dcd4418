// Moltbook's REST answers, as zod schemas of the fields this adapter reads (and nothing more, so
// that fields Moltbook adds do not break it). A field it reads that goes missing or changes type
// fails the parse, and the client reports the field by its path. Sources: moltbook-server.ts.

import { z } from 'zod';

/** `{"success": true, …}`: every 2xx answer is wrapped so. */
const Ok = z.literal(true);

/** The challenge Moltbook attaches to new content from accounts it does not trust yet. */
const Verification = z.object({ expires_at: z.string().optional() });

/** POST /posts → 201. `created_at` is not in the documented example of a held post. */
export const CreatedPost = z.object({
  success: Ok,
  verification_required: z.boolean().optional(),
  post: z.object({
    id: z.string().min(1),
    created_at: z.string().optional(),
    verification_status: z.string().optional(),
    verification: Verification.optional(),
  }),
});

/** GET /posts/:id → 200. */
export const PostEnvelope = z.object({
  success: Ok,
  post: z.object({
    id: z.string().min(1),
    upvotes: z.number().int().nonnegative(),
    comment_count: z.number().int().nonnegative(),
    verification_status: z.string().optional(),
  }),
});

/** POST /posts/:id/comments → 201. */
export const CreatedComment = z.object({
  success: Ok,
  verification_required: z.boolean().optional(),
  comment: z.object({
    id: z.string().min(1),
    verification_status: z.string().optional(),
    verification: Verification.optional(),
  }),
});

/** One comment of GET /posts/:id/comments, with its replies nested under it. */
export interface WireComment {
  id: string;
  content: string;
  parent_id?: string | null | undefined;
  created_at: string;
  author: { name: string };
  replies?: WireComment[] | undefined;
}

const Comment: z.ZodType<WireComment> = z.lazy(() =>
  z.object({
    id: z.string().min(1),
    content: z.string(),
    parent_id: z.string().nullable().optional(),
    created_at: z.string(),
    author: z.object({ name: z.string() }),
    replies: z.array(Comment).optional(),
  }),
);

/** GET /posts/:id/comments → 200: the top-level comments, replies nested. */
export const CommentList = z.object({ success: Ok, comments: z.array(Comment) });

/** GET /agents/me → 200: the account the API key belongs to. */
export const Me = z.object({ success: Ok, agent: z.object({ name: z.string().min(1) }) });

/**
 * A refusal's body, `{"success": false, "error": …, "hint": …}`; read leniently, since only
 * its words go into the message. A 429 carries `retry_after_minutes` (posts) or
 * `retry_after_seconds` (comments) per skill.md, `retryAfter` (seconds) in the open-source server.
 */
export const Refusal = z.object({
  error: z.string().optional().catch(undefined),
  hint: z.string().nullable().optional().catch(undefined),
  retry_after_seconds: z.number().nonnegative().optional().catch(undefined),
  retry_after_minutes: z.number().nonnegative().optional().catch(undefined),
  retryAfter: z.number().nonnegative().optional().catch(undefined),
});
export type Refusal = z.infer<typeof Refusal>;
