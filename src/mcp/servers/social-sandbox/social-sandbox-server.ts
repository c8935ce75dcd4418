// The bundled `social-sandbox` MCP server: a local social platform that stores posts, mentions
// and replies in the database and simulates an audience from a seed. Posting is idempotent by
// key, so a retried call never posts twice, and `find_post` lets a caller reconcile after a crash.

import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { SandboxPost } from '../../../domain/sandbox-post.js';
import {
  PLATFORM_TOOL_INPUTS,
  PLATFORM_TOOL_OUTPUTS,
  type Platform,
  type PostView,
  RECENT_MENTIONS_TEMPLATE,
} from '../platform-tools.js';
import { jsonContents, structuredAnswer, toolFailure } from '../tool-results.js';
import { commentsFor, simulateEngagement } from './audience-simulation.js';
import type { SandboxStore } from './sandbox-store.js';

/** Platforms of the sandbox and their text limits, in characters. */
export const TEXT_LIMITS = {
  twitter: 280,
  threads: 500,
  instagram: 2_200,
  tiktok: 2_200,
  youtube: 5_000,
};

function view(post: SandboxPost): PostView {
  return {
    post_id: post.id,
    platform: post.platform as Platform,
    url: `sandbox://${post.platform}/posts/${post.id}`,
    author: post.author,
    disclosure_level: post.disclosure_level,
    created_at: post.created_at.toISOString(),
  };
}

/** Sandbox options: its storage, the audience seed, and the clock. */
export interface SocialSandboxOptions {
  store: SandboxStore;
  seed?: string;
  now?: () => Date;
}

export function createSocialSandboxServer(options: SocialSandboxOptions): McpServer {
  const { store } = options;
  const seed = options.seed ?? 'chimera-sandbox';
  const now = options.now ?? (() => new Date());
  const server = new McpServer({ name: 'chimera-social-sandbox', version: '0.1.0' });

  server.registerTool(
    'post_content',
    {
      description:
        'Publishes a post. The same idempotency_key always returns the first post (created: false). disclosure_level none is raised to automated.',
      inputSchema: PLATFORM_TOOL_INPUTS.post_content,
      outputSchema: PLATFORM_TOOL_OUTPUTS.post_content,
      annotations: { idempotentHint: true, destructiveHint: false },
    },
    async (input) => {
      const limit = TEXT_LIMITS[input.platform];
      if (input.text_content.length > limit) {
        return toolFailure(
          `text_content: ${input.text_content.length} characters is over the ${input.platform} limit of ${limit}`,
        );
      }
      const { post, created } = await store.insertPost({
        platform: input.platform,
        author: input.author,
        text_content: input.text_content,
        media_urls: input.media_urls,
        // Hidden automation is never allowed on this platform: 'none' is raised.
        disclosure_level: input.disclosure_level === 'none' ? 'automated' : input.disclosure_level,
        idempotency_key: input.idempotency_key,
        audience_labels: input.audience_labels ?? null,
      });
      if (created) await store.addMentions(commentsFor(post, seed));
      return structuredAnswer({ ...view(post), created });
    },
  );

  server.registerTool(
    'find_post',
    {
      description:
        'Looks a post up by the idempotency key it was posted with (for reconciliation).',
      inputSchema: PLATFORM_TOOL_INPUTS.find_post,
      outputSchema: PLATFORM_TOOL_OUTPUTS.find_post,
      annotations: { readOnlyHint: true },
    },
    async ({ idempotency_key }) => {
      const post = await store.findPostByKey(idempotency_key);
      return structuredAnswer(post ? { found: true, post: view(post) } : { found: false });
    },
  );

  server.registerTool(
    'reply_comment',
    {
      description: 'Replies to a mention. The same idempotency_key replies once.',
      inputSchema: PLATFORM_TOOL_INPUTS.reply_comment,
      outputSchema: PLATFORM_TOOL_OUTPUTS.reply_comment,
      annotations: { idempotentHint: true },
    },
    async (input) => {
      if (!(await store.getMention(input.mention_id))) {
        return toolFailure(`mention_id: no mention '${input.mention_id}' on the sandbox`);
      }
      const { reply, created } = await store.insertReply({
        mention_id: input.mention_id,
        author: input.author,
        text: input.text_content,
        idempotency_key: input.idempotency_key,
      });
      return structuredAnswer({ reply_id: reply.id, mention_id: reply.mention_id, created });
    },
  );

  server.registerTool(
    'get_engagement',
    {
      description: 'Views, likes, shares and comments of a post, from the simulated audience.',
      inputSchema: PLATFORM_TOOL_INPUTS.get_engagement,
      outputSchema: PLATFORM_TOOL_OUTPUTS.get_engagement,
      annotations: { readOnlyHint: true },
    },
    async ({ post_id }) => {
      const post = await store.getPost(post_id);
      if (!post) return toolFailure(`post_id: no post '${post_id}' on the sandbox`);
      return structuredAnswer({ post_id, ...simulateEngagement(post, seed, now()) });
    },
  );

  server.registerResource(
    'recent-mentions',
    new ResourceTemplate(RECENT_MENTIONS_TEMPLATE, { list: undefined }),
    {
      title: 'Recent mentions',
      description: 'The 20 newest mentions of ?account on {platform}, as JSON.',
      mimeType: 'application/json',
    },
    async (uri, { platform, account }) => {
      const mentions = await store.recentMentions(
        String(platform),
        String(account ?? 'chimera'),
        20,
      );
      return jsonContents(uri, mentions);
    },
  );

  return server;
}
