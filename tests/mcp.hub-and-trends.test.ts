// FR-MCP-001, FR-MCP-002, SK-SCOUT-002: the hub reaches the bundled trends server over the
// in-memory transport and over stdio (`chimera mcp serve trends` as a child process), enforces
// allow-lists and rate limits, supports dry-run, checks structured output, and traces every call.

import { fileURLToPath } from 'node:url';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { TraceEvent } from '../src/domain/trace-event.js';
import { bundledServer } from '../src/mcp/bundled-servers.js';
import { McpHub, type McpServerTarget } from '../src/mcp/mcp-hub.js';
import { MemoryRateLimiter } from '../src/mcp/rate-limiter.js';

const BIN = fileURLToPath(new URL('../bin/chimera.js', import.meta.url));

const FetchTrendsOutput = z.object({
  as_of: z.string(),
  trends: z.array(z.object({ keyword: z.string(), mentions: z.number(), velocity: z.number() })),
  items: z.array(z.object({ id: z.string(), title: z.string(), platform: z.string() })),
});

function brokenServer(): McpServer {
  const server = new McpServer({ name: 'broken', version: '0.0.1' });
  server.registerTool('report', { description: 'returns the wrong shape' }, async () => ({
    content: [{ type: 'text', text: 'oops' }],
    structuredContent: { as_of: 42 },
  }));
  return server;
}

const TARGETS: Array<[string, McpServerTarget]> = [
  ['in-memory', { kind: 'in-process', create: () => bundledServer('trends').create({}) }],
  ['stdio', { kind: 'stdio', command: process.execPath, args: [BIN, 'mcp', 'serve', 'trends'] }],
];

describe.each(TARGETS)('the trends server over %s', (_label, target) => {
  const traces: TraceEvent[] = [];
  const hub = new McpHub({
    servers: { trends: target, broken: { kind: 'in-process', create: brokenServer } },
    allowLists: { byAgent: { ava: ['trends.*', 'broken.*'] }, default: [] },
    rateLimiter: new MemoryRateLimiter(),
    rateLimit: { max: 3, windowMs: 60_000 },
    trace: async (events) => {
      traces.push(...events);
    },
  });
  const caller = { agentId: 'ava', specId: 'SK-SCOUT-002', taskId: null };
  afterAll(() => hub.close());

  it('fetches trends by keyword within the timeframe, with velocity', async () => {
    const answer = await hub.callTool({
      ...caller,
      server: 'trends',
      tool: 'fetch_trends',
      arguments: { keywords: ['denim', 'dumplings'], timeframe: '24h' },
      outputSchema: FetchTrendsOutput,
    });
    const output = answer.output!;
    expect(output.as_of).toBe('2026-11-20T12:00:00.000Z');
    expect(output.trends.map((trend) => [trend.keyword, trend.mentions])).toEqual([
      ['denim', 2],
      ['dumplings', 2],
    ]);
    expect(output.items.map((item) => item.id)).toContain('threadline:tl-101');
    const call = traces.at(-1)!;
    expect(call).toMatchObject({
      kind: 'tool-call',
      spec_id: 'SK-SCOUT-002',
      agent_id: 'ava',
      outcome: 'ok',
    });
    expect(call.detail).toMatchObject({ server: 'trends', tool: 'fetch_trends' });
    expect(String(call.detail.args)).toMatch(/^sha256:[0-9a-f]{16}$/);
  });

  it('reads news and platform trends resources', async () => {
    const news = JSON.parse(
      await hub.readResource({ ...caller, server: 'trends', uri: 'news://streetwear/latest' }),
    );
    expect(news.map((item: { source: string }) => item.source)).toContain('threadline');
    const trends = JSON.parse(
      await hub.readResource({ ...caller, server: 'trends', uri: 'trends://instagram/current' }),
    );
    expect(trends.platform).toBe('instagram');
    expect(trends.keywords[0]).toMatchObject({
      keyword: expect.any(String),
      mentions: expect.any(Number),
    });
    expect(traces.at(-1)).toMatchObject({ kind: 'resource-read', outcome: 'ok' });
  });

  it('refuses a tool outside the allow-list and an unknown server, and traces the refusal', async () => {
    await expect(
      hub.callTool({
        ...caller,
        agentId: 'milo',
        server: 'trends',
        tool: 'fetch_trends',
        arguments: { keywords: ['x'] },
      }),
    ).rejects.toMatchObject({ code: 'MCP_TOOL_DENIED' });
    expect(traces.at(-1)).toMatchObject({ agent_id: 'milo', outcome: 'MCP_TOOL_DENIED' });
    await expect(
      hub.callTool({ ...caller, server: 'nope', tool: 't', arguments: {} }),
    ).rejects.toThrow("unknown MCP server 'nope'; configured servers: broken, trends");
  });

  it('dry-runs without calling, then rate limits the agent per tool', async () => {
    const dry = await hub.callTool({
      ...caller,
      server: 'trends',
      tool: 'fetch_trends',
      arguments: { keywords: ['x'] },
      dryRun: true,
    });
    expect(dry).toEqual({ output: undefined, text: '', dryRun: true });
    expect(traces.at(-1)?.outcome).toBe('dry-run');
    await hub.callTool({
      ...caller,
      server: 'trends',
      tool: 'fetch_trends',
      arguments: { keywords: ['x'] },
    });
    await expect(
      hub.callTool({
        ...caller,
        server: 'trends',
        tool: 'fetch_trends',
        arguments: { keywords: ['x'] },
      }),
    ).rejects.toMatchObject({ code: 'MCP_RATE_LIMITED', retryable: true });
  });

  it('reports invalid arguments as a tool failure and schema-invalid output naming the field', async () => {
    await expect(
      hub.callTool({
        ...caller,
        server: 'broken',
        tool: 'report',
        arguments: {},
        outputSchema: FetchTrendsOutput,
      }),
    ).rejects.toThrow(/broken\.report returned output that breaks its contract: as_of: .*string/);
  });
});
