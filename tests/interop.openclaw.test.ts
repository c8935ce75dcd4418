// Issue 13 §6 interop: the OpenClaw gateway's configuration for Chimera's MCP server and the
// Chimera skill (integrations/openclaw/), checked against OpenClaw's documented formats and a
// live Chimera. OpenClaw cannot run here, so an MCP client is configured exactly as the
// `mcp.servers.chimera` block says (URL path, Streamable HTTP, the bearer header with the token
// put in for ${CHIMERA_TOKEN}); it connects, every tool of the filter and of the skill is served,
// every resource the skill names is there, and a tool call answers as the token.

import { readFile } from 'node:fs/promises';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { startHttpServer } from '../src/api/http-server.js';
import { localOperator } from './support/api-fixture.js';
import { useTestApp } from './support/test-app.js';

const FOLDER = new URL('../integrations/openclaw/', import.meta.url);

interface ServerEntry {
  url: string;
  transport: string;
  headers: Record<string, string>;
  toolFilter: { include: string[] };
}

/** What OpenClaw replaces with the CHIMERA_TOKEN variable, written as is in openclaw.json. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: OpenClaw's placeholder, not a template
const TOKEN_PLACEHOLDER = '${CHIMERA_TOKEN}';

describe('the OpenClaw gateway configuration for Chimera', () => {
  const suite = useTestApp('pglite');

  it('connects as configured and finds every tool and resource the skill names', async () => {
    const config = JSON.parse(await readFile(new URL('openclaw.json', FOLDER), 'utf8'));
    const entry = config.mcp.servers.chimera as ServerEntry;
    expect(entry.transport).toBe('streamable-http');
    expect(entry.headers.Authorization).toBe(`Bearer ${TOKEN_PLACEHOLDER}`);
    const skill = await readFile(new URL('skills/chimera/SKILL.md', FOLDER), 'utf8');
    const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(skill) ?? [];
    const meta = parseYaml(frontmatter) as Record<string, unknown>;
    expect(meta).toMatchObject({
      name: 'chimera',
      description: expect.any(String),
      metadata: { openclaw: { requires: { env: ['CHIMERA_TOKEN'] } } },
    });
    const skillTools = [...body.matchAll(/^\| `([\w.]+)` \|/gm)].map((match) => match[1]);
    const skillResources = [...body.matchAll(/`(chimera:\/\/[^`]+)`/g)].map((match) => match[1]);

    const token = (
      await suite.app.operator.tokens.create(localOperator('default'), {
        role: 'operator',
        agentId: 'ava',
      })
    ).secret;
    const server = await startHttpServer(suite.app, { host: '127.0.0.1', port: 0 });
    const client = new Client({ name: 'openclaw-contract', version: '1' });
    try {
      const configured = new URL(entry.url);
      const url = new URL(configured.pathname, server.url);
      const headers = Object.fromEntries(
        Object.entries(entry.headers).map(([name, value]) => [
          name,
          value.replace(TOKEN_PLACEHOLDER, token),
        ]),
      );
      await client.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers } }));
      const served = (await client.listTools()).tools.map((tool) => tool.name);
      expect(served).toEqual(expect.arrayContaining(entry.toolFilter.include));
      expect(entry.toolFilter.include.sort()).toEqual([...skillTools].sort());
      const resources = [
        ...(await client.listResources()).resources.map((resource) => resource.uri),
        ...(await client.listResourceTemplates()).resourceTemplates.map(
          (template) => template.uriTemplate,
        ),
      ];
      expect(resources).toEqual(expect.arrayContaining(skillResources));
      const budget = await client.callTool({ name: 'budget.show', arguments: {} });
      expect(budget.isError ?? false).toBe(false);
    } finally {
      await client.close();
      await server.close();
    }
  });
});
