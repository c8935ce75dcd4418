// FR-MCP-005, FR-CFO-008: Chimera is an MCP server. Over stdio, the real `chimera mcp serve`
// process gives the official MCP Inspector CLI its tools, and an SDK client a Scout call and a
// resource; in-process, an SDK client gets the campaign_brief prompt, a spend decision from
// cfo.approve with budget.show, and a clear error for bad tool input.

import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChimeraServer } from '../src/mcp/servers/chimera/chimera-server.js';
import { localOperator } from './support/api-fixture.js';
import { useTestApp } from './support/test-app.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const INSPECTOR = join(ROOT, 'node_modules/.bin/mcp-inspector');

/** `chimera mcp serve` on the embedded database in `dataDir`, as an MCP client starts it. */
const serve = (dataDir: string) => ['bin/chimera.js', '--data-dir', dataDir, 'mcp', 'serve'];

describe('the MCP Inspector CLI against `chimera mcp serve`', () => {
  let workspace: string;
  beforeAll(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'chimera-inspector-'));
  });
  afterAll(() => rm(workspace, { recursive: true, force: true }));

  const inspect = (...args: string[]) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      execFile(
        INSPECTOR,
        ['--cli', 'node', ...serve(join(workspace, 'data')), ...args],
        { cwd: ROOT, timeout: 120_000 },
        (error, stdout, stderr) =>
          error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout)),
      );
    });

  it('lists the skill tools with input and output schemas', async () => {
    const { tools } = (await inspect('--method', 'tools/list')) as {
      tools: Array<Record<string, unknown>>;
    };
    expect(tools.map((tool) => tool.name)).toEqual([
      'scout.analyze',
      'director.create_brief',
      'artist.produce',
      'cfo.approve',
      'budget.show',
    ]);
    for (const tool of tools) {
      expect(tool.inputSchema).toMatchObject({ type: 'object' });
      expect(tool.outputSchema).toMatchObject({ type: 'object' });
    }
  });
});

describe('an SDK client against `chimera mcp serve` over stdio', () => {
  let workspace: string;
  let client: Client;
  beforeAll(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'chimera-stdio-'));
    client = new Client({ name: 'stdio-test', version: '0' });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: serve(join(workspace, 'data')),
        cwd: ROOT,
        stderr: 'inherit',
      }),
    );
  });
  afterAll(async () => {
    await client?.close();
    await rm(workspace, { recursive: true, force: true });
  });

  it('calls scout.analyze and gets a structured trend report', async () => {
    const result = await client.callTool({
      name: 'scout.analyze',
      arguments: { niche: 'budget travel and street food', goal: 'Share cheap eats' },
    });
    expect(result.isError).toBeFalsy();
    const report = result.structuredContent as { niche: string; trends: unknown[] };
    expect(report.niche).toBe('budget travel and street food');
    expect(report.trends.length).toBeGreaterThan(0);
  });

  it('reads the campaigns resource', async () => {
    const result = (await client.readResource({ uri: 'chimera://campaigns' })) as {
      contents: Array<{ uri: string; text: string }>;
    };
    expect(result.contents[0]?.uri).toBe('chimera://campaigns');
    expect(JSON.parse(result.contents[0]!.text)).toEqual([]);
  });
});

describe('the Chimera MCP server in-process', () => {
  const suite = useTestApp('pglite');
  let client: Client;
  beforeAll(async () => {
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    // As an operator token of the default tenant that acts as ava: spends are charged to her.
    const actor = { ...localOperator('default'), agentId: 'ava' };
    await createChimeraServer(suite.app.operator, suite.app.skills, actor).connect(serverSide);
    client = new Client({ name: 'test', version: '0' });
    await client.connect(clientSide);
  });
  afterAll(() => client?.close());

  it('offers a campaign_brief prompt that carries the goal', async () => {
    const prompt = await client.getPrompt({
      name: 'campaign_brief',
      arguments: { goal: 'Launch the spring drop', agent_ids: 'ava,milo' },
    });
    const text = (prompt.messages[0]?.content as { text: string }).text;
    expect(text).toContain('"Launch the spring drop" for agents ava,milo');
  });

  it('decides a spend with cfo.approve and shows it in budget.show (FR-CFO-008)', async () => {
    const approved = await client.callTool({
      name: 'cfo.approve',
      arguments: {
        request_id: 'mcp-spend-1',
        agent_id: 'ava',
        request_type: 'compute',
        amount: '4.50',
        currency: 'USD',
        justification: 'render the teaser video',
      },
    });
    expect(approved.isError).toBeFalsy();
    expect(approved.structuredContent).toMatchObject({
      decision: 'approve',
      cfo_key_id: expect.stringMatching(/^cfo-[0-9a-f]{16}$/),
    });
    const shown = await client.callTool({ name: 'budget.show', arguments: { agent_id: 'ava' } });
    expect(shown.structuredContent).toMatchObject({
      budgets: [{ agent_id: 'ava', period: 'daily', reserved: '4.50', remaining: '45.50' }],
    });
    const bad = await client.callTool({
      name: 'cfo.approve',
      arguments: {
        request_id: 'mcp-spend-2',
        agent_id: 'ava',
        request_type: 'compute',
        amount: '1.0000001',
        currency: 'USDC',
        justification: 'too precise',
      },
    });
    expect(bad.isError).toBe(true);
    expect(JSON.stringify(bad.content)).toContain(
      'amount: 1.0000001 has 7 decimals; USDC has at most 6',
    );
  });

  it('answers bad tool input with an error naming the field', async () => {
    const result = await client.callTool({
      name: 'director.create_brief',
      arguments: { report: {}, persona: {} },
    });
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result.content)).toMatch(/report|persona/);
  });
});
