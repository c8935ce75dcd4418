// FR-MCP-005, FR-MCP-006: while `chimera start` runs, Chimera's MCP server answers Streamable
// HTTP at /mcp, to the bearer of a token: the operator token the first start wrote into the data
// dir. The official MCP Inspector CLI lists its tools and calls the Scout over HTTP, the SDK's
// client reads a resource, and the MCP hub reaches it as an external `type: http` server from
// .mcp.json with an Authorization header. A port already in use stops a second service with a clear error. Both
// services run in this process; the Inspector is a real process speaking HTTP to the first.

import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChimeraApp } from '../src/app/chimera-app.js';
import { type RunningChimera, runChimera, startChimera } from './support/run-chimera.js';
import { openTestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-databases.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const INSPECTOR = join(ROOT, 'node_modules/.bin/mcp-inspector');
const workspace = mkdtempSync(join(tmpdir(), 'chimera-http-'));

describe('the Streamable HTTP MCP endpoint of a running chimera', () => {
  let database: TestDatabase;
  let service: RunningChimera;
  let mcpUrl: string;
  let token: string;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    service = startChimera(['start', '--no-seed'], {
      DATABASE_URL: database.databaseUrl,
      CHIMERA_DATA_DIR: database.dataDir,
    });
    mcpUrl = (await service.waitForOutput(/mcp endpoint \(Streamable HTTP\): (\S+)/))[1]!;
    const tokenFile = (await service.waitForOutput(/operator token: (\S+)/))[1]!;
    expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
    token = (await readFile(tokenFile, 'utf8')).trim();
  });
  afterAll(async () => {
    expect((await service?.stop())?.code).toBe(0);
    await database?.dispose();
    await rm(workspace, { recursive: true, force: true });
  });

  const inspect = (...args: string[]) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      execFile(
        INSPECTOR,
        [
          '--cli',
          mcpUrl,
          '--transport',
          'http',
          '--header',
          `Authorization: Bearer ${token}`,
          ...args,
        ],
        { cwd: ROOT, timeout: 120_000 },
        (error, stdout, stderr) =>
          error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout)),
      );
    });

  it('serves the Inspector CLI: tools/list and a Scout call', async () => {
    expect(mcpUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    const { tools } = (await inspect('--method', 'tools/list')) as {
      tools: Array<{ name: string }>;
    };
    expect(tools.map((tool) => tool.name)).toEqual([
      'scout.analyze',
      'director.create_brief',
      'artist.produce',
      'cfo.approve',
      'budget.show',
    ]);
    const result = (await inspect(
      ...['--method', 'tools/call', '--tool-name', 'scout.analyze'],
      ...[
        '--tool-arg',
        'niche=budget travel and street food',
        '--tool-arg',
        'goal=Share cheap eats',
      ],
    )) as { structuredContent: { trends: unknown[] }; isError?: boolean };
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent.trends.length).toBeGreaterThan(0);
  });

  it('serves the SDK client a resource, and answers GET with 405 (stateless)', async () => {
    const client = new Client({ name: 'http-test', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(mcpUrl), {
        requestInit: { headers: { authorization: `Bearer ${token}` } },
      }),
    );
    try {
      const read = await client.readResource({ uri: 'chimera://reviews/pending' });
      expect(JSON.parse(String((read.contents[0] as { text: string }).text))).toEqual([]);
    } finally {
      await client.close();
    }
    expect((await fetch(mcpUrl, { headers: { authorization: `Bearer ${token}` } })).status).toBe(
      405,
    );
    expect((await fetch(mcpUrl, { method: 'POST' })).status).toBe(401);
    expect(await (await fetch(new URL('/healthz', mcpUrl))).json()).toEqual({
      status: 'ok',
      database: 'server',
    });
  });

  it("is reached by another Chimera's MCP hub as an external http server", async () => {
    const configPath = join(workspace, '.mcp.json');
    await writeFile(
      configPath,
      JSON.stringify({
        mcpServers: {
          chimera: { type: 'http', url: mcpUrl, headers: { Authorization: `Bearer ${token}` } },
        },
      }),
    );
    const other = await createTestDatabase('pglite');
    let app: ChimeraApp | undefined;
    try {
      app = await openTestApp(other, { config: { mcpConfig: configPath } });
      const answer = await app.hub.callTool({
        agentId: 'ava',
        specId: 'FR-MCP-006',
        server: 'chimera',
        tool: 'scout.analyze',
        arguments: { niche: 'budget travel and street food', goal: 'Share cheap eats' },
      });
      expect((answer.output as { trends: unknown[] }).trends.length).toBeGreaterThan(0);
    } finally {
      await app?.close();
      await other.dispose();
    }
  });

  it('stops a second service on the same port with one line and exit 2', async () => {
    const port = new URL(mcpUrl).port;
    const second = await runChimera(['start', '--no-seed'], {
      DATABASE_URL: database.databaseUrl,
      CHIMERA_DATA_DIR: join(workspace, 'second'),
      CHIMERA_HTTP_PORT: port,
    });
    expect(second.code).toBe(2);
    expect(second.stderr.trim().split('\n')).toHaveLength(1);
    expect(second.stderr).toMatch(
      new RegExp(
        `cannot listen on 127\\.0\\.0\\.1:${port} \\(EADDRINUSE\\); set CHIMERA_HTTP_PORT`,
      ),
    );
  });
});
