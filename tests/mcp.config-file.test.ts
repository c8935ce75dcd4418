// FR-MCP-006, FR-MCP-001: external MCP servers from the operator's `.mcp.json`. A stdio server
// configured there feeds the Scout inside the governed loop; an unknown server and a denied one
// fail their task for good with a clear reason while the agent's other work runs on; a malformed
// file stops `chimera` at start-up with the field named (in-process). The stdio server is the
// real executable, `chimera mcp serve trends`, spoken to by the hub as an MCP client.

import { mkdtempSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TrendReport } from '../src/skills/content/trend-report.js';
import { runChimera } from './support/run-chimera.js';
import { addAgent, campaignOf, singleStep, useTestApp } from './support/test-app.js';
import { ADAPTERS } from './support/test-databases.js';

const BIN = fileURLToPath(new URL('../bin/chimera.js', import.meta.url));
const TRAVEL = {
  niche: 'budget travel and street food',
  goal: 'Share cheap eats for winter trips',
};

const configDir = mkdtempSync(path.join(tmpdir(), 'chimera-mcp-config-'));
const configPath = path.join(configDir, '.mcp.json');

beforeAll(async () => {
  await writeFile(
    configPath,
    JSON.stringify({
      mcpServers: {
        // Chimera's own trends server, run as an external stdio process under another name.
        news: { command: process.execPath, args: [BIN, 'mcp', 'serve', 'trends'] },
      },
      toolAllowLists: { agents: { milo: ['trends.*', 'media.*'] } },
    }),
  );
});
afterAll(async () => {
  await rm(configDir, { recursive: true, force: true });
});

describe.each(ADAPTERS)('.mcp.json servers on %s', (kind) => {
  const suite = useTestApp(kind, { config: { mcpConfig: configPath } });
  beforeAll(() => addAgent(suite.app, 'milo'));

  async function runScout(input: Record<string, unknown>, agent = 'ava') {
    const campaign = await suite.app.planner.launch(
      campaignOf(singleStep('scout.analyze', { ...TRAVEL, ...input }), [agent]),
    );
    await suite.app.runtime.runUntilQuiescent();
    const [task] = await suite.app.store.tasks.listByCampaign(campaign.id);
    return task!;
  }

  it('reaches a configured stdio server by its name, and traces the call under that name', async () => {
    expect(suite.app.hub.serverNames()).toEqual([
      'media',
      'news',
      'social-sandbox',
      'trends',
      'wallet',
    ]);
    const task = await runScout({ trend_servers: ['news'] });
    expect(task.status).toBe('done');
    expect(TrendReport.parse(task.output).trends.length).toBeGreaterThan(0);
    const calls = (await suite.app.store.traces.listByTask(task.id)).filter(
      (event) => event.kind === 'tool-call',
    );
    expect(calls.map((event) => [event.detail.server, event.outcome])).toEqual([['news', 'ok']]);
  });

  it('fails a task that asks for an unknown server for good, naming the configured ones', async () => {
    const task = await runScout({ trend_servers: ['tiktok-trends'] });
    expect(task.status).toBe('failed');
    expect(task.attempt).toBe(1);
    expect(task.error_code).toBe('MCP_UNKNOWN_SERVER');
    expect(task.feedback.join('\n')).toContain(
      "unknown MCP server 'tiktok-trends'; configured servers: media, news, social-sandbox, trends, wallet",
    );
  });

  it("refuses a server outside the agent's own allow-list", async () => {
    const task = await runScout({ trend_servers: ['news'] }, 'milo');
    expect(task.status).toBe('failed');
    expect(task.error_code).toBe('MCP_TOOL_DENIED');
    expect(task.feedback.join('\n')).toContain("agent 'milo' may not call news.fetch_trends");
  });

  it('keeps the agent working after those failures: its next scout task is done', async () => {
    const task = await runScout({});
    expect(task.status).toBe('done');
    const agent = await suite.app.store.agents.get('ava');
    expect(agent?.status).toBe('active');
  });
});

describe('a malformed .mcp.json', () => {
  it.each([
    [{ mcpServers: { news: { args: ['x'] } } }, /mcpServers\.news/],
    [{ mcpServers: { web: { type: 'http', url: 'ftp://example.test' } } }, /mcpServers\.web/],
    [
      { toolAllowLists: { agents: { ava: ['nope.*'] } } },
      /toolAllowLists\.agents\.ava\[0\]: unknown MCP server 'nope'/,
    ],
  ])('stops chimera at start-up with exit 2 and the field named (%j)', async (content, message) => {
    const bad = path.join(configDir, 'bad.mcp.json');
    await writeFile(bad, JSON.stringify(content));
    const dataDir = path.join(configDir, 'data');
    const result = await runChimera(['status', '--data-dir', dataDir], {
      CHIMERA_MCP_CONFIG: bad,
    });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });
});
