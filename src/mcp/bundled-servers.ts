// The MCP servers that ship with Chimera, by name. Each runs in-process (in-memory transport) for
// the embedded system, or on its own over stdio with `chimera mcp serve <name>`.

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ChimeraError } from '../domain/errors.js';
import { loadFeedLibrary } from './servers/trends/feed-library.js';
import { createTrendsServer } from './servers/trends/trends-server.js';

/** Factories of the bundled servers. */
export const BUNDLED_SERVERS: Record<string, () => Promise<McpServer>> = {
  trends: async () => createTrendsServer(await loadFeedLibrary()),
};

/** The factory of bundled server `name`; throws MCP_UNKNOWN_SERVER listing the known ones. */
export function bundledServer(name: string): () => Promise<McpServer> {
  const factory = BUNDLED_SERVERS[name];
  if (!factory) {
    throw new ChimeraError(
      'MCP_UNKNOWN_SERVER',
      `no bundled MCP server '${name}'; bundled servers: ${Object.keys(BUNDLED_SERVERS).sort().join(', ')}`,
    );
  }
  return factory;
}
