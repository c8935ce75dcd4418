// FR-API-004: Chimera's MCP endpoint over HTTP needs a token and acts as it. Without a token it
// answers 401; a viewer may read but cfo.approve is refused as forbidden (403); an operator token
// that names agent ava has its spends charged to ava, and cannot spend for another agent; a token
// that names no agent cannot spend. The official MCP Inspector CLI passes with a bearer header.
// The server runs in this process on a loopback port; the Inspector is a real process.

import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpServer } from '../src/api/http-server.js';
import type { Role } from '../src/domain/actor.js';
import { localOperator } from './support/api-fixture.js';
import { useTestApp } from './support/test-app.js';

const INSPECTOR = fileURLToPath(
  new URL('../node_modules/@modelcontextprotocol/inspector/cli/build/index.js', import.meta.url),
);

describe('the MCP endpoint over HTTP with tokens', () => {
  const suite = useTestApp('pglite');
  let mcpUrl: string;
  let close: () => Promise<void>;
  const tokens = {} as Record<Role | 'agentless', string>;

  beforeAll(async () => {
    const services = suite.app.operator;
    const operator = localOperator('default');
    for (const role of ['viewer', 'reviewer'] as const) {
      tokens[role] = (await services.tokens.create(operator, { role })).secret;
    }
    tokens.operator = (
      await services.tokens.create(operator, { role: 'operator', agentId: 'ava' })
    ).secret;
    tokens.agentless = (await services.tokens.create(operator, { role: 'operator' })).secret;
    const http = await buildHttpServer(suite.app);
    await http.listen({ host: '127.0.0.1', port: 0 });
    const address = http.server.address() as { port: number };
    mcpUrl = `http://127.0.0.1:${address.port}/mcp`;
    close = () => http.close();
  });
  afterAll(() => close?.());

  async function clientAs(token: string) {
    const client = new Client({ name: 'auth-test', version: '1' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(mcpUrl), {
        requestInit: { headers: { authorization: `Bearer ${token}` } },
      }),
    );
    return client;
  }

  const spend = (requestId: string, agentId: string) => ({
    name: 'cfo.approve',
    arguments: {
      request_id: requestId,
      agent_id: agentId,
      request_type: 'compute',
      amount: '4.50',
      currency: 'USD',
      justification: 'render the teaser video',
    },
  });

  it('answers 401 without a token, or with an unknown one', async () => {
    const initialize = {
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: {
        protocolVersion: '2025-06-18',
        capabilities: {},
        clientInfo: { name: 'x', version: '1' },
      },
    };
    for (const headers of [{}, { authorization: 'Bearer chm_not-a-token' }] as Array<
      Record<string, string>
    >) {
      const answer = await fetch(mcpUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          ...headers,
        },
        body: JSON.stringify(initialize),
      });
      expect(answer.status).toBe(401);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });

  it('lets a viewer read, and refuses it cfo.approve as forbidden (403)', async () => {
    const client = await clientAs(tokens.viewer);
    try {
      const shown = await client.callTool({ name: 'budget.show', arguments: {} });
      expect(shown.isError).toBeFalsy();
      const refused = await client.callTool(spend('viewer-spend', 'ava'));
      expect(refused.isError).toBe(true);
      expect(JSON.stringify(refused.content)).toMatch(
        /403 .*needs the operator role.*AUTH_FORBIDDEN/,
      );
      expect(await suite.app.store.cfo.getRequest('viewer-spend')).toBeUndefined();
    } finally {
      await client.close();
    }
  });

  it("charges an agent token's spend to its agent, and to no other", async () => {
    const client = await clientAs(tokens.operator);
    try {
      const approved = await client.callTool(spend('ava-spend', 'ava'));
      expect(approved.isError).toBeFalsy();
      expect(approved.structuredContent).toMatchObject({ decision: 'approve' });
      expect((await suite.app.store.cfo.getRequest('ava-spend'))?.agent_id).toBe('ava');
      const shown = await client.callTool({ name: 'budget.show', arguments: { agent_id: 'ava' } });
      expect(shown.structuredContent).toMatchObject({
        budgets: [{ agent_id: 'ava', period: 'daily', reserved: '4.50' }],
      });
      await suite.app.operator.agents.save(localOperator('default'), {
        id: 'milo',
        name: 'Milo',
        niche: 'food',
        persona: {},
        status: 'active',
      });
      const other = await client.callTool(spend('milo-spend', 'milo'));
      expect(other.isError).toBe(true);
      expect(JSON.stringify(other.content)).toContain("this token spends for agent 'ava'");
      expect(await suite.app.store.cfo.getRequest('milo-spend')).toBeUndefined();
    } finally {
      await client.close();
    }
  });

  it('refuses to spend for a token that names no agent, but runs a skill that costs nothing', async () => {
    const client = await clientAs(tokens.agentless);
    try {
      const refused = await client.callTool(spend('agentless-spend', 'ava'));
      expect(refused.isError).toBe(true);
      expect(JSON.stringify(refused.content)).toMatch(/403 .*names no agent/);
      const scouted = await client.callTool({
        name: 'scout.analyze',
        arguments: { niche: 'budget travel and street food', goal: 'Share cheap eats' },
      });
      expect(scouted.isError).toBeFalsy();
    } finally {
      await client.close();
    }
  });

  it('passes the MCP Inspector CLI with a bearer header', async () => {
    const inspect = (...args: string[]) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        execFile(
          process.execPath,
          [
            INSPECTOR,
            mcpUrl,
            '--transport',
            'http',
            '--header',
            `Authorization: Bearer ${tokens.operator}`,
            ...args,
          ],
          { timeout: 120_000 },
          (error, stdout, stderr) =>
            error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout)),
        );
      });
    const { tools } = (await inspect('--method', 'tools/list')) as {
      tools: Array<{ name: string }>;
    };
    expect(tools.map((tool) => tool.name)).toContain('cfo.approve');
    const result = (await inspect(
      ...['--method', 'tools/call', '--tool-name', 'scout.analyze'],
      ...['--tool-arg', 'niche=budget travel', '--tool-arg', 'goal=Share cheap eats'],
    )) as { structuredContent: { trends: unknown[] }; isError?: boolean };
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent.trends.length).toBeGreaterThan(0);
  });
});
