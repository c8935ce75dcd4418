// The recent-mentions resource on Moltbook: a mention is another account's comment on a post the
// adapter made for the author, named '<post_id>:<comment_id>' so reply_comment can thread under
// it. Moltbook has no mentions feed; only posts this adapter's key store remembers are read.

import type { MentionView } from '../platform-tools.js';
import type { MoltbookClient } from './moltbook-client.js';
import type { PostRecord } from './moltbook-key-store.js';
import { CommentList, Me, type WireComment } from './moltbook-wire.js';

/** The post and comment a mention id names. */
export interface MentionTarget {
  postId: string;
  commentId: string;
}

/** The id of the mention that is comment `commentId` on post `postId`. */
export function mentionId(postId: string, commentId: string): string {
  return `${postId}:${commentId}`;
}

/** The post and comment `id` names, or undefined when it is not '<post_id>:<comment_id>'. */
export function mentionTarget(id: string): MentionTarget | undefined {
  const match = /^([^:]+):([^:]+)$/.exec(id);
  return match?.[1] && match[2] ? { postId: match[1], commentId: match[2] } : undefined;
}

/** What to read: the author's posts, with the key of the account they were made with. */
export interface MentionQuery {
  apiKey: string;
  posts: readonly PostRecord[];
  platform: string;
  /** The Chimera author the mentions are of (the resource's ?account). */
  mentioned: string;
  limit: number;
  signal?: AbortSignal | undefined;
}

/**
 * The newest comments by other accounts on `query.posts`, newest first, each saying whether the
 * account has answered it (a comment of its own with that parent). One request for the account's
 * name (GET /agents/me), then one per post (GET /posts/:id/comments?sort=new).
 */
export async function recentMentions(
  client: MoltbookClient,
  query: MentionQuery,
): Promise<MentionView[]> {
  if (query.posts.length === 0) return [];
  const { apiKey, signal } = query;
  const me = (await client.send('GET', '/agents/me', { apiKey, schema: Me, signal })).agent.name;
  const mentions: MentionView[] = [];
  for (const post of query.posts) {
    const path = `/posts/${encodeURIComponent(post.post_id)}/comments?sort=new`;
    const { comments } = await client.send('GET', path, { apiKey, schema: CommentList, signal });
    const all = flatten(comments, null);
    const answered = new Set(
      all.filter((comment) => comment.author.name === me).map((comment) => comment.parent),
    );
    for (const comment of all) {
      if (comment.author.name === me) continue;
      mentions.push({
        id: mentionId(post.post_id, comment.id),
        platform: query.platform,
        mentioned: query.mentioned,
        author: comment.author.name,
        text: comment.content,
        created_at: comment.created_at,
        replied: answered.has(comment.id),
      });
    }
  }
  return mentions.sort((a, b) => b.created_at.localeCompare(a.created_at)).slice(0, query.limit);
}

/** Every comment of the tree with its parent: its parent_id, else the comment it is nested in. */
function flatten(
  comments: readonly WireComment[],
  parent: string | null,
): Array<WireComment & { parent: string | null }> {
  return comments.flatMap((comment) => [
    { ...comment, parent: comment.parent_id ?? parent },
    ...flatten(comment.replies ?? [], comment.id),
  ]);
}
