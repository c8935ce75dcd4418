// A Moltbook-style platform behind the social sandbox's MCP tools (post_content, find_post,
// reply_comment, get_engagement and the recent-mentions resource), mapped onto Moltbook's REST API.
// Not a default server: nothing registers it; an operator enables it as below. No network in tests.
//
// Mapping. post_content → POST /posts {submolt, title, content} in the configured submolt
// (title: the text's first line; content: the text, then each media URL as a paragraph).
// get_engagement → GET /posts/:id (likes = upvotes, comments = comment_count; no views or shares:
// Moltbook reports neither, so both are 0 and Chimera's engagement rate stays unknown, not
// invented). A mention is another account's comment on one of the author's posts, id
// '<post_id>:<comment_id>'; reply_comment → POST /posts/:post_id/comments {content, parent_id};
// recent mentions → GET /agents/me, then GET /posts/:id/comments?sort=new for the author's 10
// newest posts. Moltbook takes no idempotency
// keys, so find_post and the once-per-key guarantee come from a MoltbookKeyStore (in memory by
// default). `platform` is echoed: Moltbook has one feed. `audience_labels` is ignored.
//
// Contract sources (read 2026): Moltbook's skill.md v1.11.0 (https://www.moltbook.com/skill.md,
// the API's own docs: base URL, Bearer key, the endpoints above and their request bodies, the
// `{success, error, hint}` envelope, 1 post per 30 min and 1 comment per 20 s with a 429 carrying
// retry_after_minutes / retry_after_seconds, verification challenges on new content); the
// open-source server it links (github.com/moltbook/api, read in its fork sallyom/moltbook-api:
// routes/posts.js, services/PostService.js and CommentService.js, utils/errors.js, schema.sql:
// `created(res, {post})`, `success(res, {comments})` as a tree with `replies`, title ≤ 300 and
// content ≤ 40 000 characters, a 429 with a Retry-After header and `retryAfter`); community
// reference https://hivebook.wiki/wiki/moltbook-api-rate-limits (429 body retry_after_seconds).
// Not confirmed, assumed: GET /posts/:id's `post.upvotes` and `post.comment_count` and a comment's
// `author: {name}` (the live API per client code; the open-source one has `author_name`); the
// post page URL https://www.moltbook.com/post/<id> (seen in links, not documented); POST /posts
// and /comments answering `{success, post|comment: {id, …}}` with `created_at` optional; GET
// /agents/me answering `{success, agent: {name}}`; that a held post reads `verification_status:
// 'verified'` once answered. The adapter does not answer verification challenges: held content is
// reported as a tool error naming it, and its key is kept so it is never posted twice.
//
// Enabling it. The agents call the server named 'social-sandbox', so Moltbook replaces that entry:
// build `createMoltbookServer({ apiKey, submolt })` in mcp/bundled-servers.ts's 'social-sandbox'
// create() when the operator configured a Moltbook key (e.g. CHIMERA_PLATFORM=moltbook with
// CHIMERA_MOLTBOOK_API_KEY and CHIMERA_MOLTBOOK_SUBMOLT, read in config/config.ts and passed
// through app/hub-servers.ts's bundledServerContext), or serve it on stdio and name that
// 'social-sandbox' in .mcp.json. Keep the API key to https://www.moltbook.com/api/v1 (with www).

import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ChimeraError } from '../../../domain/errors.js';
import {
  PLATFORM_TOOL_INPUTS,
  PLATFORM_TOOL_OUTPUTS,
  type PostView,
  RECENT_MENTIONS_TEMPLATE,
} from '../platform-tools.js';
import { jsonContents, toolAnswer } from '../tool-results.js';
import { MoltbookClient, MoltbookError } from './moltbook-client.js';
import {
  type KeyRecord,
  MemoryMoltbookKeyStore,
  type MoltbookKeyStore,
  type PostRecord,
} from './moltbook-key-store.js';
import { mentionTarget, recentMentions } from './moltbook-mentions.js';
import { CreatedComment, CreatedPost, PostEnvelope } from './moltbook-wire.js';

/** Moltbook's limits on a post, in characters (the open-source server's checks). */
export const MOLTBOOK_LIMITS = { title: 300, content: 40_000 };
/** How many of the author's newest posts the recent-mentions resource reads comments of. */
const POSTS_READ_FOR_MENTIONS = 10;

/** Options of the Moltbook adapter. */
export interface MoltbookServerOptions {
  /** API key (`moltbook_…`) of the Moltbook agent account the server acts as. A secret. */
  apiKey: string;
  /**
   * Keys of further Moltbook accounts by Chimera author (agent id), for a fleet where each agent
   * has its own account; an author not listed acts through `apiKey`.
   * @defaultValue {}
   */
  agentApiKeys?: Readonly<Record<string, string>>;
  /** The submolt posts go to. @defaultValue 'general' */
  submolt?: string;
  /**
   * Base URL of the API; a test points it at a local server.
   * @defaultValue 'https://www.moltbook.com/api/v1'
   */
  baseUrl?: string;
  /**
   * Where post pages are: a post's url is `<webUrl>/post/<id>`.
   * @defaultValue 'https://www.moltbook.com'
   */
  webUrl?: string;
  /** Memory of idempotency keys. @defaultValue a MemoryMoltbookKeyStore (lost on restart) */
  keyStore?: MoltbookKeyStore;
  /** @defaultValue globalThis.fetch */
  fetch?: typeof fetch;
  now?: () => Date;
}

/** Builds the adapter; throws CONFIG_INVALID for a missing key or an unusable base URL. */
export function createMoltbookServer(options: MoltbookServerOptions): McpServer {
  const baseUrl = checkedBaseUrl(options.baseUrl ?? 'https://www.moltbook.com/api/v1');
  if (!options.apiKey) {
    throw new ChimeraError('CONFIG_INVALID', 'apiKey: the Moltbook adapter needs an API key');
  }
  const now = options.now ?? (() => new Date());
  const client = new MoltbookClient({ baseUrl, fetch: options.fetch ?? globalThis.fetch, now });
  const keys = options.keyStore ?? new MemoryMoltbookKeyStore();
  const submolt = options.submolt ?? 'general';
  const webUrl = (options.webUrl ?? 'https://www.moltbook.com').replace(/\/+$/, '');
  const keyOf = (author: string) => options.agentApiKeys?.[author] ?? options.apiKey;
  const server = new McpServer({ name: 'chimera-moltbook', version: '0.1.0' });

  /** The post a known key stands for, or why it cannot be answered with one. */
  async function knownPost(key: string, known: KeyRecord, signal?: AbortSignal) {
    if (known.state === 'pending') return unanswered('post_content', key);
    if (known.state === 'replied') return `idempotency_key: '${key}' was used for a reply`;
    let post = known.post;
    if (post.held) {
      const { post: live } = await client.send(
        'GET',
        `/posts/${encodeURIComponent(post.post_id)}`,
        {
          apiKey: keyOf(post.author),
          schema: PostEnvelope,
          signal,
        },
      );
      if (live.verification_status !== 'verified') return heldMessage('post', post.post_id);
      post = { ...post, held: false };
      await keys.settle(key, { state: 'posted', post });
    }
    return { ...view(post), created: false };
  }

  server.registerTool(
    'post_content',
    {
      description:
        'Publishes a post to the Moltbook submolt the server was given (title: the first line; content: the text, then the media URLs). The same idempotency_key always returns the first post (created: false). disclosure_level none is raised to automated: every Moltbook account is an AI agent.',
      inputSchema: PLATFORM_TOOL_INPUTS.post_content,
      outputSchema: PLATFORM_TOOL_OUTPUTS.post_content,
      annotations: { idempotentHint: true, destructiveHint: false, openWorldHint: true },
    },
    (input, { signal }) =>
      answer(async () => {
        const content = [input.text_content, ...input.media_urls].join('\n\n');
        if (content.length > MOLTBOOK_LIMITS.content) {
          return `text_content: ${content.length} characters (with the media URLs) is over Moltbook's limit of ${MOLTBOOK_LIMITS.content}`;
        }
        const key = input.idempotency_key;
        const known = await keys.claim(key);
        if (known) return knownPost(key, known, signal);
        const made = await releasingOnRefusal(keys, key, () =>
          client.send('POST', '/posts', {
            apiKey: keyOf(input.author),
            body: { submolt, title: titleOf(input.text_content), content },
            schema: CreatedPost,
            signal,
          }),
        );
        const post: PostRecord = {
          post_id: made.post.id,
          platform: input.platform,
          url: `${webUrl}/post/${encodeURIComponent(made.post.id)}`,
          author: input.author,
          // Hidden automation is never claimed: 'none' is raised, as on the sandbox.
          disclosure_level:
            input.disclosure_level === 'none' ? 'automated' : input.disclosure_level,
          created_at: made.post.created_at ?? now().toISOString(),
          held: isHeld(made.verification_required, made.post),
        };
        await keys.settle(key, { state: 'posted', post });
        if (post.held) {
          return heldMessage('post', post.post_id, made.post.verification?.expires_at);
        }
        return { ...view(post), created: true };
      }),
  );

  server.registerTool(
    'find_post',
    {
      description:
        "Looks a post up by the idempotency key it was posted with (for reconciliation), in the adapter's key store: Moltbook keeps no keys. A post Moltbook still holds for verification is not found.",
      inputSchema: PLATFORM_TOOL_INPUTS.find_post,
      outputSchema: PLATFORM_TOOL_OUTPUTS.find_post,
      annotations: { readOnlyHint: true },
    },
    ({ idempotency_key }) =>
      answer(async () => {
        const known = await keys.get(idempotency_key);
        return known?.state === 'posted' && !known.post.held
          ? { found: true, post: view(known.post) }
          : { found: false };
      }),
  );

  server.registerTool(
    'reply_comment',
    {
      description:
        "Replies to a mention (another account's comment on the author's post, id '<post_id>:<comment_id>') with a Moltbook comment threaded under it. The same idempotency_key replies once.",
      inputSchema: PLATFORM_TOOL_INPUTS.reply_comment,
      outputSchema: PLATFORM_TOOL_OUTPUTS.reply_comment,
      annotations: { idempotentHint: true, openWorldHint: true },
    },
    (input, { signal }) =>
      answer(async () => {
        const target = mentionTarget(input.mention_id);
        if (!target) {
          return `mention_id: '${input.mention_id}' is not a Moltbook mention id; they read '<post_id>:<comment_id>', as ${RECENT_MENTIONS_TEMPLATE} lists them`;
        }
        const key = input.idempotency_key;
        const known = await keys.claim(key);
        if (known?.state === 'pending') return unanswered('reply_comment', key);
        if (known?.state === 'posted') return `idempotency_key: '${key}' was used for a post`;
        if (known?.state === 'replied') {
          if (known.reply.held) return heldMessage('comment', known.reply.reply_id);
          return {
            reply_id: known.reply.reply_id,
            mention_id: known.reply.mention_id,
            created: false,
          };
        }
        const path = `/posts/${encodeURIComponent(target.postId)}/comments`;
        const made = await releasingOnRefusal(keys, key, () =>
          client.send('POST', path, {
            apiKey: keyOf(input.author),
            body: { content: input.text_content, parent_id: target.commentId },
            schema: CreatedComment,
            signal,
          }),
        ).catch((error: unknown) => {
          if (error instanceof MoltbookError && error.status === 404) {
            return `mention_id: no mention '${input.mention_id}' on Moltbook (${error.message})`;
          }
          throw error;
        });
        if (typeof made === 'string') return made;
        const held = isHeld(made.verification_required, made.comment);
        const reply = { reply_id: made.comment.id, mention_id: input.mention_id, held };
        await keys.settle(key, { state: 'replied', reply });
        if (held)
          return heldMessage('comment', reply.reply_id, made.comment.verification?.expires_at);
        return { reply_id: reply.reply_id, mention_id: reply.mention_id, created: true };
      }),
  );

  server.registerTool(
    'get_engagement',
    {
      description:
        'Likes (upvotes) and comments (comment_count) of a Moltbook post. Moltbook reports no views or shares: both are 0, so no engagement rate is computed from them.',
      inputSchema: PLATFORM_TOOL_INPUTS.get_engagement,
      outputSchema: PLATFORM_TOOL_OUTPUTS.get_engagement,
      annotations: { readOnlyHint: true, openWorldHint: true },
    },
    ({ post_id }, { signal }) =>
      answer(async () => {
        const path = `/posts/${encodeURIComponent(post_id)}`;
        try {
          const { post } = await client.send('GET', path, {
            apiKey: options.apiKey,
            schema: PostEnvelope,
            signal,
          });
          return {
            post_id,
            views: 0,
            likes: post.upvotes,
            shares: 0,
            comments: post.comment_count,
          };
        } catch (error) {
          if (error instanceof MoltbookError && error.status === 404) {
            return `post_id: no post '${post_id}' on Moltbook`;
          }
          throw error;
        }
      }),
  );

  server.registerResource(
    'recent-mentions',
    new ResourceTemplate(RECENT_MENTIONS_TEMPLATE, { list: undefined }),
    {
      title: 'Recent mentions',
      description:
        "The 20 newest comments by other accounts on ?account's 10 newest posts made through this adapter for {platform}, as JSON.",
      mimeType: 'application/json',
    },
    async (uri, { platform, account }, { signal }) => {
      const mentioned = String(account ?? 'chimera');
      const mentions = await recentMentions(client, {
        apiKey: keyOf(mentioned),
        posts: await keys.recentPosts(mentioned, String(platform), POSTS_READ_FOR_MENTIONS),
        platform: String(platform),
        mentioned,
        limit: 20,
        signal,
      });
      return jsonContents(uri, mentions);
    },
  );

  return server;
}

/** `baseUrl` without its trailing slash; refuses a non-URL and the host that drops the key. */
function checkedBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ChimeraError('CONFIG_INVALID', `baseUrl: '${baseUrl}' is not a URL`);
  }
  if (url.hostname === 'moltbook.com') {
    throw new ChimeraError(
      'CONFIG_INVALID',
      `baseUrl: ${baseUrl} redirects to www.moltbook.com, which drops the Authorization header; use https://www.moltbook.com/api/v1`,
    );
  }
  return baseUrl.replace(/\/+$/, '');
}

/** A post as the tools answer it: the record without the adapter's bookkeeping. */
function view(post: PostRecord): PostView {
  const { held: _held, ...shown } = post;
  return shown;
}

/** Moltbook's required title: the text's first non-blank line, cut to its limit. */
function titleOf(text: string): string {
  const line = text.split('\n').find((candidate) => candidate.trim() !== '') ?? text;
  const title = line.trim();
  return title.length <= MOLTBOOK_LIMITS.title
    ? title
    : `${title.slice(0, MOLTBOOK_LIMITS.title - 1)}…`;
}

/** Whether Moltbook holds new content until a verification challenge is answered. */
function isHeld(
  verificationRequired: boolean | undefined,
  content: { verification_status?: string | undefined; verification?: unknown },
): boolean {
  return (
    verificationRequired === true ||
    content.verification !== undefined ||
    content.verification_status === 'pending'
  );
}

function heldMessage(kind: 'post' | 'comment', id: string, expiresAt?: string): string {
  const before = expiresAt ? ` before ${expiresAt}` : '';
  return `Moltbook made ${kind} ${id} but hides it until its AI verification challenge is answered (POST /verify${before}); this adapter does not answer challenges. Answer it for the account, or use an account Moltbook trusts; the same idempotency_key then returns the ${kind}`;
}

function unanswered(tool: string, key: string): string {
  return `idempotency_key: an earlier ${tool} with '${key}' is in flight or got no answer from Moltbook, so it may have been made; Moltbook keeps no idempotency keys: check the account on Moltbook before sending it again under a new key`;
}

/** Runs `send` for a claimed `key`; frees the key when Moltbook refused (it made nothing). */
async function releasingOnRefusal<T>(
  keys: MoltbookKeyStore,
  key: string,
  send: () => Promise<T>,
): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (error instanceof MoltbookError && error.refused) await keys.release(key);
    throw error;
  }
}

/** Runs a tool body: a string is a refusal, an error becomes a tool error with its message. */
function answer<T extends Record<string, unknown>>(work: () => Promise<T | string>) {
  return toolAnswer('the Moltbook adapter failed', work);
}
