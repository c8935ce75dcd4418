// Issue 13 §6: the Moltbook adapter behind the sandbox's MCP platform tools, tested against
// Moltbook's documented contract only (there is no network here). A local HTTP server on
// 127.0.0.1 plays Moltbook's endpoints with the recorded shapes of skill.md and the open-source
// server; an SDK client calls every tool over the in-memory transport. Checked: the requests
// Moltbook receives (method, path, key, body), the results, the same tool list as the sandbox,
// and the failures: 429 with its retry time, a missing field, 401, 404, held posts, lost answers.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createMoltbookServer,
  type MoltbookServerOptions,
} from '../src/mcp/servers/moltbook/moltbook-server.js';
import type { SandboxStore } from '../src/mcp/servers/social-sandbox/sandbox-store.js';
import { createSocialSandboxServer } from '../src/mcp/servers/social-sandbox/social-sandbox-server.js';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const DEFAULT_KEY = 'moltbook_sk_chimera';
const AVA_KEY = 'moltbook_sk_ava';

interface Recorded {
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
}
interface Canned {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}
/** The fields of the request bodies the fake reads. */
interface RequestBody {
  submolt?: string;
  title?: string;
  content?: string;
  url?: string;
  parent_id?: string;
}
interface FakeComment {
  id: string;
  post_id: string;
  content: string;
  parent_id: string | null;
  upvotes: number;
  downvotes: number;
  created_at: string;
  author: { id: string; name: string };
}

/**
 * Moltbook's endpoints that the adapter uses, with the shapes of its documentation: the
 * `{success, …}` envelope, Bearer keys, posts in submolts, threaded comments. A request it has no
 * route for is recorded in `unexpected`, which each test checks is empty.
 */
class FakeMoltbook {
  readonly requests: Recorded[] = [];
  readonly unexpected: string[] = [];
  readonly accounts = new Map([
    [DEFAULT_KEY, 'chimera-molty'],
    [AVA_KEY, 'ava-molty'],
  ]);
  readonly posts = new Map<string, Record<string, unknown>>();
  readonly comments: FakeComment[] = [];
  /** One-shot answers for `METHOD path`, used before the routes. */
  private readonly canned: Array<{ route: string; reply: Canned | ((post: unknown) => Canned) }> =
    [];
  private ids = 0;
  private ticks = 0;
  private server: Server | undefined;
  baseUrl = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      void this.handle(request, response);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/v1`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Answers the next `METHOD path` (path after /api/v1, with its query) with `reply`. */
  answerNext(route: string, reply: Canned | ((body: unknown) => Canned)): void {
    this.canned.push({ route, reply });
  }

  /** A comment by another account, as if it had commented through the API. */
  addComment(postId: string, author: string, content: string, parentId: string | null = null) {
    const comment = this.newComment(postId, author, content, parentId);
    this.comments.push(comment);
    return comment;
  }

  /** An id of UUID v4 form, counted, so runs are deterministic. */
  nextId(): string {
    this.ids += 1;
    return `00000000-0000-4000-8000-${String(this.ids).padStart(12, '0')}`;
  }

  private tick(): string {
    this.ticks += 1;
    return new Date(Date.UTC(2026, 2, 1, 10, 0, this.ticks)).toISOString();
  }

  private newComment(postId: string, author: string, content: string, parentId: string | null) {
    const post = this.posts.get(postId)!;
    post.comment_count = Number(post.comment_count) + 1;
    return {
      id: this.nextId(),
      post_id: postId,
      content,
      parent_id: parentId,
      upvotes: 0,
      downvotes: 0,
      created_at: this.tick(),
      author: { id: `agent-${author}`, name: author },
    };
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of request) raw += chunk;
    const body = raw ? (JSON.parse(raw) as RequestBody) : undefined;
    const path = (request.url ?? '').replace(/^\/api\/v1/, '');
    const method = request.method ?? 'GET';
    this.requests.push({ method, path, authorization: request.headers.authorization, body });
    const reply = (canned: Canned) => {
      response.writeHead(canned.status, {
        'Content-Type': 'application/json',
        ...canned.headers,
      });
      response.end(typeof canned.body === 'string' ? canned.body : JSON.stringify(canned.body));
    };
    const index = this.canned.findIndex((entry) => entry.route === `${method} ${path}`);
    if (index >= 0) {
      const canned = this.canned.splice(index, 1)[0]!.reply;
      return reply(typeof canned === 'function' ? canned(body) : canned);
    }
    const key = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
    const me = this.accounts.get(key);
    if (!me) {
      return reply({
        status: 401,
        body: { success: false, error: 'Invalid API key', hint: 'Check your API key' },
      });
    }
    reply(this.route(method, path, body, me));
  }

  private route(method: string, path: string, body: RequestBody | undefined, me: string): Canned {
    const notFound = (what: string): Canned => ({
      status: 404,
      body: { success: false, error: `${what} not found`, code: 'NOT_FOUND', hint: null },
    });
    const [, postId, rest] = /^\/posts\/([^/?]+)(.*)$/.exec(path) ?? [];
    const route = `${method} ${postId ? `/posts/:id${rest}` : path}`;
    if (route === 'GET /agents/me') {
      return { status: 200, body: { success: true, agent: { name: me, karma: 3 } } };
    }
    if (route === 'POST /posts') {
      if (!body?.submolt || !body.title || !(body.content || body.url)) {
        return { status: 400, body: { success: false, error: 'Title is required' } };
      }
      const post = {
        id: this.nextId(),
        title: body.title,
        content: body.content ?? null,
        url: body.url ?? null,
        upvotes: 0,
        downvotes: 0,
        comment_count: 0,
        created_at: this.tick(),
        author: { id: `agent-${me}`, name: me },
        submolt: { id: 'submolt-1', name: body.submolt, display_name: body.submolt },
      };
      this.posts.set(post.id, post);
      return { status: 201, body: { success: true, message: 'Post created! 🦞', post } };
    }
    if (postId && !this.posts.has(postId)) return notFound('Post');
    if (postId && route === 'GET /posts/:id') {
      return { status: 200, body: { success: true, post: this.posts.get(postId) } };
    }
    if (postId && route === 'GET /posts/:id/comments?sort=new') {
      return { status: 200, body: { success: true, comments: this.tree(postId, null) } };
    }
    if (postId && route === 'POST /posts/:id/comments' && body?.content) {
      const parent = body.parent_id ?? null;
      if (parent && !this.comments.some((c) => c.id === parent && c.post_id === postId)) {
        return notFound('Parent comment');
      }
      const comment = this.newComment(postId, me, body.content, parent);
      this.comments.push(comment);
      return { status: 201, body: { success: true, message: 'Comment added! 🦞', comment } };
    }
    this.unexpected.push(`${method} ${path}`);
    return notFound('Route');
  }

  /** The comments of a post under `parent`, newest first, each with its replies nested. */
  private tree(postId: string, parent: string | null): unknown[] {
    return this.comments
      .filter((comment) => comment.post_id === postId && comment.parent_id === parent)
      .sort((a, b) => b.created_at.localeCompare(a.created_at))
      .map((comment) => ({ ...comment, replies: this.tree(postId, comment.id) }));
  }
}

interface ToolResult {
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
  content: Array<{ type: string; text?: string }>;
}

async function connect(server: McpServer): Promise<Client> {
  const client = new Client({ name: 'moltbook-contract-test', version: '0' });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  await client.connect(clientSide);
  return client;
}

const textOf = (result: ToolResult) => result.content.map((part) => part.text ?? '').join('\n');

const fake = new FakeMoltbook();
beforeAll(() => fake.start());
afterAll(() => fake.stop());

describe('the Moltbook adapter', () => {
  let client: Client;
  const open = async (overrides: Partial<MoltbookServerOptions> = {}) => {
    client = await connect(
      createMoltbookServer({
        apiKey: DEFAULT_KEY,
        agentApiKeys: { ava: AVA_KEY },
        submolt: 'chimera-test',
        baseUrl: fake.baseUrl,
        now: () => NOW,
        ...overrides,
      }),
    );
  };
  const call = async (name: string, args: Record<string, unknown>) =>
    (await client.callTool({ name, arguments: args })) as ToolResult;
  const post = (key: string, overrides: Record<string, unknown> = {}) =>
    call('post_content', {
      platform: 'instagram',
      text_content: 'Spring drop is here\nThree new colours, one old favourite.',
      media_urls: ['https://cdn.example/spring.png'],
      disclosure_level: 'none',
      idempotency_key: key,
      author: 'ava',
      audience_labels: { format: 'image', topic: 'gear', hook: 'story', hour: 12 },
      ...overrides,
    });
  const since = (count: number) => fake.requests.slice(count);

  beforeEach(() => open());
  afterEach(async () => {
    await client.close();
    expect(fake.unexpected).toEqual([]);
  });

  it('lists the sandbox tools with the same names, input and output schemas, and resource', async () => {
    const sandbox = await connect(createSocialSandboxServer({ store: {} as SandboxStore }));
    const [theirs, ours] = await Promise.all([sandbox.listTools(), client.listTools()]);
    expect(ours.tools.map((tool) => tool.name)).toEqual(theirs.tools.map((tool) => tool.name));
    expect(ours.tools.map((tool) => tool.name)).toEqual([
      'post_content',
      'find_post',
      'reply_comment',
      'get_engagement',
    ]);
    for (const tool of ours.tools) {
      const twin = theirs.tools.find((candidate) => candidate.name === tool.name)!;
      expect(tool.inputSchema, tool.name).toEqual(twin.inputSchema);
      expect(tool.outputSchema, tool.name).toEqual(twin.outputSchema);
    }
    const templates = async (of: Client) =>
      (await of.listResourceTemplates()).resourceTemplates.map((template) => template.uriTemplate);
    expect(await templates(client)).toEqual(await templates(sandbox));
    await sandbox.close();
  });

  it('post_content posts to the submolt with the author’s key, once per idempotency key', async () => {
    const before = fake.requests.length;
    const first = await post('ava:instagram:spring-1');
    expect(first.isError).toBeFalsy();
    expect(since(before)).toEqual([
      {
        method: 'POST',
        path: '/posts',
        authorization: `Bearer ${AVA_KEY}`,
        body: {
          submolt: 'chimera-test',
          title: 'Spring drop is here',
          content:
            'Spring drop is here\nThree new colours, one old favourite.\n\nhttps://cdn.example/spring.png',
        },
      },
    ]);
    const made = [...fake.posts.values()].at(-1)!;
    expect(first.structuredContent).toEqual({
      post_id: made.id,
      platform: 'instagram',
      url: `https://www.moltbook.com/post/${made.id}`,
      author: 'ava',
      disclosure_level: 'automated',
      created_at: made.created_at,
      created: true,
    });

    const again = await post('ava:instagram:spring-1');
    expect(again.structuredContent).toEqual({ ...first.structuredContent, created: false });
    expect(since(before)).toHaveLength(1);

    const other = await post('chimera:threads:spring-1', {
      author: 'chimera',
      platform: 'threads',
    });
    expect(fake.requests.at(-1)).toMatchObject({ authorization: `Bearer ${DEFAULT_KEY}` });
    expect(other.structuredContent).toMatchObject({ platform: 'threads', created: true });
  });

  it('find_post answers from the key store without calling Moltbook', async () => {
    const posted = (await post('ava:instagram:find-1')).structuredContent!;
    const before = fake.requests.length;
    const found = await call('find_post', { idempotency_key: 'ava:instagram:find-1' });
    const { created: _created, ...view } = posted;
    expect(found.structuredContent).toEqual({ found: true, post: view });
    const missing = await call('find_post', { idempotency_key: 'ava:instagram:never' });
    expect(missing.structuredContent).toEqual({ found: false });
    expect(since(before)).toEqual([]);
  });

  it('get_engagement reads upvotes and comment_count, with views and shares 0', async () => {
    const { post_id } = (await post('ava:instagram:engagement-1')).structuredContent as {
      post_id: string;
    };
    Object.assign(fake.posts.get(post_id)!, { upvotes: 7, downvotes: 1 });
    fake.addComment(post_id, 'bob-molty', 'Love the colours');
    const before = fake.requests.length;
    const engagement = await call('get_engagement', { post_id });
    expect(since(before)).toEqual([
      {
        method: 'GET',
        path: `/posts/${post_id}`,
        authorization: `Bearer ${DEFAULT_KEY}`,
        body: undefined,
      },
    ]);
    expect(engagement.structuredContent).toEqual({
      post_id,
      views: 0,
      likes: 7,
      shares: 0,
      comments: 1,
    });
  });

  it('lists other accounts’ comments as mentions, and reply_comment threads a reply under one, once', async () => {
    const { post_id } = (await post('ava:instagram:mentions-1')).structuredContent as {
      post_id: string;
    };
    const question = fake.addComment(post_id, 'bob-molty', 'Are you a bot?');
    const praise = fake.addComment(post_id, 'cleo-molty', 'Great drop');
    const read = async () => {
      const result = await client.readResource({
        uri: 'social://instagram/mentions/recent?account=ava',
      });
      return JSON.parse(String((result.contents[0] as { text: string }).text));
    };
    let before = fake.requests.length;
    expect(await read()).toEqual([
      {
        id: `${post_id}:${praise.id}`,
        platform: 'instagram',
        mentioned: 'ava',
        author: 'cleo-molty',
        text: 'Great drop',
        created_at: praise.created_at,
        replied: false,
      },
      {
        id: `${post_id}:${question.id}`,
        platform: 'instagram',
        mentioned: 'ava',
        author: 'bob-molty',
        text: 'Are you a bot?',
        created_at: question.created_at,
        replied: false,
      },
    ]);
    expect(
      since(before).map(({ method, path, authorization }) => ({ method, path, authorization })),
    ).toEqual([
      { method: 'GET', path: '/agents/me', authorization: `Bearer ${AVA_KEY}` },
      {
        method: 'GET',
        path: `/posts/${post_id}/comments?sort=new`,
        authorization: `Bearer ${AVA_KEY}`,
      },
    ]);

    before = fake.requests.length;
    const reply = {
      mention_id: `${post_id}:${question.id}`,
      text_content: '@bob-molty Yes: I am an AI agent, run by a person.',
      idempotency_key: `ava:reply:${post_id}:${question.id}`,
      author: 'ava',
    };
    const first = await call('reply_comment', reply);
    expect(since(before)).toEqual([
      {
        method: 'POST',
        path: `/posts/${post_id}/comments`,
        authorization: `Bearer ${AVA_KEY}`,
        body: { content: reply.text_content, parent_id: question.id },
      },
    ]);
    const made = fake.comments.at(-1)!;
    expect(made).toMatchObject({ parent_id: question.id, author: { name: 'ava-molty' } });
    expect(first.structuredContent).toEqual({
      reply_id: made.id,
      mention_id: reply.mention_id,
      created: true,
    });
    const again = await call('reply_comment', reply);
    expect(again.structuredContent).toEqual({ ...first.structuredContent, created: false });
    expect(since(before)).toHaveLength(1);

    const mentions = await read();
    expect(
      mentions.map((mention: { author: string; replied: boolean }) => [
        mention.author,
        mention.replied,
      ]),
    ).toEqual([
      ['cleo-molty', false],
      ['bob-molty', true],
    ]);
  });

  it('refuses a mention id that is not <post_id>:<comment_id>, and a mention Moltbook does not have', async () => {
    const bad = await call('reply_comment', {
      mention_id: 'not-a-mention',
      text_content: 'hello',
      idempotency_key: 'ava:reply:bad-1',
    });
    expect(bad.isError).toBe(true);
    expect(textOf(bad)).toMatch(/^mention_id: 'not-a-mention' is not a Moltbook mention id/);
    const gone = `${fake.nextId()}:${fake.nextId()}`;
    const missing = await call('reply_comment', {
      mention_id: gone,
      text_content: 'hello',
      idempotency_key: 'ava:reply:gone-1',
    });
    expect(textOf(missing)).toContain(`mention_id: no mention '${gone}' on Moltbook`);
    expect(textOf(missing)).toContain('Post not found');
  });

  it('turns a 429 into a tool error with the retry time, and frees the key for the retry', async () => {
    fake.answerNext('POST /posts', {
      status: 429,
      body: {
        success: false,
        error: 'You can only post once every 30 minutes',
        hint: 'Wait 28 minutes before posting again',
        retry_after_minutes: 28,
      },
    });
    const limited = await post('ava:instagram:limited-1');
    expect(limited.isError).toBe(true);
    expect(textOf(limited)).toBe(
      "POST /posts: Moltbook's rate limit was reached (429: You can only post once every 30 minutes (hint: Wait 28 minutes before posting again)); retry in 1680 s, after 2026-03-01T12:28:00.000Z",
    );

    fake.answerNext('POST /posts/00000000-0000-4000-8000-000000009999/comments', {
      status: 429,
      body: { success: false, error: 'Slow down', retry_after_seconds: 20, daily_remaining: 49 },
      headers: { 'Retry-After': '17' },
    });
    const replied = await call('reply_comment', {
      mention_id: '00000000-0000-4000-8000-000000009999:00000000-0000-4000-8000-000000009998',
      text_content: 'hello',
      idempotency_key: 'ava:reply:limited-1',
      author: 'ava',
    });
    expect(textOf(replied)).toContain('retry in 17 s, after 2026-03-01T12:00:17.000Z');

    const retried = await post('ava:instagram:limited-1');
    expect(retried.structuredContent).toMatchObject({ created: true });
  });

  it('turns an answer missing a field into a tool error naming the field', async () => {
    const { post_id } = (await post('ava:instagram:contract-1')).structuredContent as {
      post_id: string;
    };
    const { upvotes: _upvotes, ...withoutUpvotes } = fake.posts.get(post_id)!;
    fake.answerNext(`GET /posts/${post_id}`, {
      status: 200,
      body: { success: true, post: withoutUpvotes },
    });
    const result = await call('get_engagement', { post_id });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(
      new RegExp(
        `^GET /posts/${post_id}: Moltbook's answer \\(200\\) breaks the contract .*: post\\.upvotes: `,
      ),
    );

    fake.answerNext('POST /posts', { status: 201, body: { success: true, post: {} } });
    const made = await post('ava:instagram:contract-2');
    expect(textOf(made)).toContain('post.id: ');
  });

  it('turns 401 and 404 into tool errors that say what to fix', async () => {
    await client.close();
    await open({ apiKey: 'moltbook_sk_revoked', agentApiKeys: {} });
    const refused = await post('ava:instagram:revoked-1');
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toBe(
      "POST /posts: Moltbook refused the API key (401: Invalid API key (hint: Check your API key)); give the server the key Moltbook issued to the agent's account (moltbook_…)",
    );
    await client.close();
    await open();
    const missing = await call('get_engagement', {
      post_id: '00000000-0000-4000-8000-00000000abcd',
    });
    expect(textOf(missing)).toBe(
      "post_id: no post '00000000-0000-4000-8000-00000000abcd' on Moltbook",
    );
  });

  it('reports a post Moltbook holds for verification until it is answered, and never posts it twice', async () => {
    fake.answerNext('POST /posts', (body) => {
      const id = fake.nextId();
      fake.posts.set(id, {
        id,
        title: (body as { title: string }).title,
        upvotes: 0,
        comment_count: 0,
        verification_status: 'pending',
      });
      return {
        status: 201,
        body: {
          success: true,
          message: 'Post created! Complete verification to publish. 🦞',
          verification_required: true,
          post: {
            id,
            title: 'Held',
            verification_status: 'pending',
            verification: {
              verification_code: 'moltbook_verify_abc',
              challenge_text: 'A] lO^bSt-Er S[wImS aT/ tW]eNn-Tyy',
              expires_at: '2026-03-01T12:05:00.000Z',
              instructions: 'Solve the math problem',
            },
          },
        },
      };
    });
    const held = await post('ava:instagram:held-1');
    const id = [...fake.posts.keys()].at(-1)!;
    expect(held.isError).toBe(true);
    expect(textOf(held)).toMatch(
      new RegExp(
        `^Moltbook made post ${id} but hides it until its AI verification challenge is answered \\(POST /verify before 2026-03-01T12:05:00.000Z\\)`,
      ),
    );
    expect(
      (await call('find_post', { idempotency_key: 'ava:instagram:held-1' })).structuredContent,
    ).toEqual({ found: false });

    const before = fake.requests.length;
    expect((await post('ava:instagram:held-1')).isError).toBe(true);
    fake.posts.get(id)!.verification_status = 'verified';
    const published = await post('ava:instagram:held-1');
    expect(published.structuredContent).toMatchObject({ post_id: id, created: false });
    expect(since(before).map((request) => `${request.method} ${request.path}`)).toEqual([
      `GET /posts/${id}`,
      `GET /posts/${id}`,
    ]);
  });

  it('keeps the key of a request that got no answer, so a retry refuses instead of posting twice', async () => {
    await client.close();
    let dropNext = true;
    await open({
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (!dropNext) return response;
        dropNext = false;
        throw new TypeError('fetch failed: other side closed');
      },
    });
    const lost = await post('ava:instagram:lost-1');
    expect(textOf(lost)).toContain('POST /posts: Moltbook at http://127.0.0.1:');
    expect(textOf(lost)).toContain('did not answer (fetch failed: other side closed)');
    const before = fake.requests.length;
    const retried = await post('ava:instagram:lost-1');
    expect(retried.isError).toBe(true);
    expect(textOf(retried)).toMatch(
      /^idempotency_key: an earlier post_content with 'ava:instagram:lost-1' is in flight or got no answer/,
    );
    expect(since(before)).toEqual([]);
  });

  it('refuses a base URL without www, which would lose the Authorization header', () => {
    expect(() =>
      createMoltbookServer({ apiKey: DEFAULT_KEY, baseUrl: 'https://moltbook.com/api/v1' }),
    ).toThrow(/drops the Authorization header; use https:\/\/www\.moltbook\.com\/api\/v1/);
  });
});
