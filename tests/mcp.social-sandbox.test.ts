// FR-MCP-003: the social sandbox stores posts, mentions and replies in the database, posts once
// per idempotency key, raises hidden automation to `automated`, enforces platform limits, lets a
// caller reconcile by key, and simulates an audience. On both adapters, and over stdio.

import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bundledServer } from '../src/mcp/bundled-servers.js';
import { McpHub, type McpServerTarget } from '../src/mcp/mcp-hub.js';
import { MemoryRateLimiter } from '../src/mcp/rate-limiter.js';
import { PostgresSandboxStore } from '../src/store/postgres/sandbox-queries.js';
import { useTestApp } from './support/test-app.js';
import { ADAPTERS } from './support/test-databases.js';

const BIN = fileURLToPath(new URL('../bin/chimera.js', import.meta.url));
const Posted = z.object({
  post_id: z.string(),
  created: z.boolean(),
  disclosure_level: z.string(),
  url: z.string(),
});

function hubFor(target: McpServerTarget) {
  return new McpHub({
    servers: { social: target },
    allowLists: { byAgent: {}, default: ['*'] },
    rateLimiter: new MemoryRateLimiter(),
    trace: async () => undefined,
  });
}

describe.each(ADAPTERS)('the social sandbox on %s', (kind) => {
  const suite = useTestApp(kind);
  let hub: McpHub | undefined;
  const caller = { agentId: 'ava', specId: 'FR-MCP-003' };
  const sandbox = () => {
    hub ??= hubFor({
      kind: 'in-process',
      create: () =>
        bundledServer('social-sandbox').create({
          sandboxStore: PostgresSandboxStore.fromPool(suite.app.database.pool),
        }),
    });
    return hub;
  };
  afterAll(() => hub?.close());

  const post = (args: Record<string, unknown>) =>
    sandbox().callTool({
      ...caller,
      server: 'social',
      tool: 'post_content',
      arguments: args,
      outputSchema: Posted,
    });

  it('posts once per idempotency key and raises disclosure none to automated', async () => {
    const args = {
      platform: 'instagram',
      text_content: 'Spring drop is here',
      disclosure_level: 'none',
      idempotency_key: 'ava:instagram:abc123',
      author: 'ava',
    };
    const first = (await post(args)).output!;
    const again = (await post(args)).output!;
    expect(first).toMatchObject({ created: true, disclosure_level: 'automated' });
    expect(again).toMatchObject({ created: false, post_id: first.post_id });
    const rows = await suite.app.database.pool.query(
      `SELECT count(*)::int AS n FROM sandbox_posts WHERE idempotency_key = $1`,
      [args.idempotency_key],
    );
    expect(rows.rows[0].n).toBe(1);
    const found = await sandbox().callTool({
      ...caller,
      server: 'social',
      tool: 'find_post',
      arguments: { idempotency_key: args.idempotency_key },
    });
    expect(found.output).toMatchObject({ found: true, post: { post_id: first.post_id } });
    const missing = await sandbox().callTool({
      ...caller,
      server: 'social',
      tool: 'find_post',
      arguments: { idempotency_key: 'never-posted' },
    });
    expect(missing.output).toEqual({ found: false });
  });

  it('refuses a post over the platform limit, naming the field', async () => {
    await expect(
      post({
        platform: 'twitter',
        text_content: 'x'.repeat(281),
        idempotency_key: 'ava:twitter:long01',
      }),
    ).rejects.toThrow(/text_content: 281 characters is over the twitter limit of 280/);
  });

  it('lets the audience mention the author, and replies once per key', async () => {
    let mentions: Array<{ id: string; text: string }> = [];
    for (let index = 0; mentions.length === 0 && index < 20; index++) {
      await post({
        platform: 'threads',
        text_content: `post ${index}`,
        idempotency_key: `ava:threads:post-${index}`,
        author: 'ava',
      });
      mentions = JSON.parse(
        await sandbox().readResource({
          ...caller,
          server: 'social',
          uri: 'social://threads/mentions/recent?account=ava',
        }),
      );
    }
    expect(mentions.length).toBeGreaterThan(0);
    expect(mentions[0]!.text).toMatch(/^@ava /);
    const reply = {
      mention_id: mentions[0]!.id,
      text_content: 'thank you!',
      idempotency_key: 'ava:reply:0001',
      author: 'ava',
    };
    const first = await sandbox().callTool({
      ...caller,
      server: 'social',
      tool: 'reply_comment',
      arguments: reply,
    });
    const second = await sandbox().callTool({
      ...caller,
      server: 'social',
      tool: 'reply_comment',
      arguments: reply,
    });
    expect(first.output).toMatchObject({ created: true });
    expect(second.output).toMatchObject({ created: false });
  });

  it('reports simulated engagement for a post', async () => {
    const posted = (
      await post({
        platform: 'youtube',
        text_content: 'video soon',
        media_urls: ['file:///x.png'],
        idempotency_key: 'ava:youtube:eng001',
      })
    ).output!;
    const engagement = await sandbox().callTool({
      ...caller,
      server: 'social',
      tool: 'get_engagement',
      arguments: { post_id: posted.post_id },
    });
    expect(engagement.output).toMatchObject({
      post_id: posted.post_id,
      views: expect.any(Number),
      likes: expect.any(Number),
    });
    expect((engagement.output as { views: number }).views).toBeGreaterThan(0);
  });
});

describe('the social sandbox over stdio', () => {
  const suite = useTestApp('postgres');
  let hub: McpHub | undefined;
  afterAll(() => hub?.close());

  it('posts through `chimera mcp serve social-sandbox` into the same database', async () => {
    hub = hubFor({
      kind: 'stdio',
      command: process.execPath,
      args: [BIN, 'mcp', 'serve', 'social-sandbox'],
      env: { DATABASE_URL: new URL(suite.app.config.databaseUrl as string).toString() },
    });
    const answer = await hub.callTool({
      agentId: 'ava',
      specId: 'FR-MCP-003',
      server: 'social',
      tool: 'post_content',
      arguments: {
        platform: 'tiktok',
        text_content: 'over stdio',
        idempotency_key: 'ava:tiktok:stdio01',
      },
      outputSchema: Posted,
    });
    expect(answer.output?.created).toBe(true);
    const rows = await suite.app.database.pool.query(`SELECT text_content FROM sandbox_posts`);
    expect(rows.rows).toEqual([{ text_content: 'over stdio' }]);
  });
});
