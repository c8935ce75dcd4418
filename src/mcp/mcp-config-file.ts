// The operator's MCP configuration file (`.mcp.json`, or the file CHIMERA_MCP_CONFIG names):
// external servers reached over stdio or Streamable HTTP, in the `mcpServers` shape other MCP
// hosts use, plus Chimera's per-agent tool allow-lists. Checked by zod; every problem names its
// field, and an allow-list that names a server nobody configured is refused.

import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ConfigError } from '../domain/errors.js';
import { fieldProblems } from '../domain/field-problems.js';
import type { ToolAllowLists } from './tool-allow-list.js';

const ServerName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'use lowercase letters, digits, "-" and "_"');

const StdioServer = z.strictObject({
  type: z.literal('stdio').optional(),
  command: z.string().min(1),
  args: z.array(z.string()).default([]),
  env: z.record(z.string(), z.string()).default({}),
});

const HttpServer = z.strictObject({
  type: z.enum(['http', 'streamable-http']),
  url: z.url({ protocol: /^https?$/ }),
  /** Sent with every request, e.g. `Authorization: Bearer …` for another Chimera's /mcp. */
  headers: z.record(z.string().min(1), z.string()).default({}),
});

/** `server.tool`, `server.*` or `*`. */
const ToolPattern = z
  .string()
  .regex(/^(\*|[a-z0-9][a-z0-9_-]*\.(\*|[\w.-]+))$/, 'use "server.tool", "server.*" or "*"');

const McpConfigFile = z.strictObject({
  mcpServers: z.record(ServerName, z.union([StdioServer, HttpServer])).default({}),
  toolAllowLists: z
    .strictObject({
      /** For agents without their own list; default: every configured server. */
      default: z.array(ToolPattern).optional(),
      agents: z.record(z.string().min(1), z.array(ToolPattern)).default({}),
    })
    .default({ agents: {} }),
});

/** How the hub reaches an external server. */
export type ExternalServerTarget =
  | { kind: 'stdio'; command: string; args: string[]; env: Record<string, string> }
  | { kind: 'http'; url: string; headers: Record<string, string> };

/** The checked file: external servers by name and the allow-list settings. */
export interface McpConfig {
  servers: Record<string, ExternalServerTarget>;
  allowLists: { default?: string[]; agents: Record<string, string[]> };
}

/** An empty configuration: bundled servers only, every agent allowed all of them. */
export const NO_MCP_CONFIG: McpConfig = { servers: {}, allowLists: { agents: {} } };

/** Parses a configuration file's JSON; `source` names the file in errors. */
export function parseMcpConfig(raw: unknown, source: string): McpConfig {
  const parsed = McpConfigFile.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      'CONFIG_INVALID',
      `invalid MCP configuration in ${source}: ${fieldProblems(parsed.error).join('; ')}`,
    );
  }
  const servers: Record<string, ExternalServerTarget> = {};
  for (const [name, server] of Object.entries(parsed.data.mcpServers)) {
    servers[name] =
      'url' in server
        ? { kind: 'http', url: server.url, headers: server.headers }
        : { kind: 'stdio', command: server.command, args: server.args, env: server.env };
  }
  const { default: defaultList, agents } = parsed.data.toolAllowLists;
  return { servers, allowLists: { ...(defaultList && { default: defaultList }), agents } };
}

/** Reads and parses the file at `path`. */
export async function loadMcpConfig(path: string): Promise<McpConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError(
      'CONFIG_INVALID',
      `cannot read the MCP configuration ${path}: ${(error as Error).message}`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(
      'CONFIG_INVALID',
      `the MCP configuration ${path} is not valid JSON: ${(error as Error).message}`,
    );
  }
  return parseMcpConfig(raw, path);
}

/**
 * The hub's allow-lists over every server it will know (`serverNames`: bundled and external).
 * A pattern naming a server outside that set is refused with the field and the known servers.
 */
export function resolveAllowLists(
  config: McpConfig,
  serverNames: readonly string[],
  source: string,
): ToolAllowLists {
  const known = new Set(serverNames);
  const check = (field: string, patterns: readonly string[]) => {
    patterns.forEach((pattern, index) => {
      const server = pattern.split('.')[0] ?? '';
      if (pattern !== '*' && !known.has(server)) {
        throw new ConfigError(
          'MCP_UNKNOWN_SERVER',
          `invalid MCP configuration in ${source}: ${field}[${index}]: unknown MCP server '${server}'; configured servers: ${[...known].sort().join(', ')}`,
        );
      }
    });
  };
  const { default: defaultList, agents } = config.allowLists;
  if (defaultList) check('toolAllowLists.default', defaultList);
  for (const [agent, patterns] of Object.entries(agents)) {
    check(`toolAllowLists.agents.${agent}`, patterns);
  }
  return {
    byAgent: agents,
    default: defaultList ?? [...known].sort().map((name) => `${name}.*`),
  };
}
