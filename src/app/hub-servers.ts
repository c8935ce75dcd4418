// Builds the MCP hub's server table: the bundled servers in-process, with their stores built here
// on the database, then the operator's external servers from the MCP configuration file (stdio or
// Streamable HTTP). An external server with a bundled server's name replaces it.

import type pg from 'pg';
import { BUNDLED_SERVERS, type BundledServerContext } from '../mcp/bundled-servers.js';
import { type McpConfig, resolveAllowLists } from '../mcp/mcp-config-file.js';
import type { McpServerTarget } from '../mcp/mcp-hub.js';
import type {
  LocalWalletStoreFactory,
  WalletConfig,
} from '../mcp/servers/wallet/open-wallet-backend.js';
import type { ToolAllowLists } from '../mcp/tool-allow-list.js';
import { PostgresSandboxStore } from '../store/postgres/sandbox-queries.js';
import { PostgresWalletStore } from '../store/postgres/wallet-queries.js';

/** What the bundled servers need from the process. */
export interface HubServerContext {
  pool: pg.Pool;
  dataDir: string;
  feedsManifest?: string | undefined;
  walletConfig?: WalletConfig;
}

/** The checked allow-lists, and the server table once the process can host bundled servers. */
export interface HubServers {
  allowLists: ToolAllowLists;
  targets(context: HubServerContext): Record<string, McpServerTarget>;
}

/** The local wallet store on `pool`, for openWalletBackend and openLocalWalletStore. */
export function postgresWalletStore(pool: pg.Pool): LocalWalletStoreFactory<PostgresWalletStore> {
  return (seed) => PostgresWalletStore.fromPool(pool, seed);
}

/** What the bundled servers get from the process: the settings, and their stores on `pool`. */
export function bundledServerContext(context: HubServerContext): BundledServerContext {
  const { pool, ...settings } = context;
  return {
    ...settings,
    sandboxStore: PostgresSandboxStore.fromPool(pool),
    localWalletStore: postgresWalletStore(pool),
  };
}

/**
 * Checks `mcpConfig` (read from `source`) against the servers it will have; the allow-lists are
 * checked first, before anything is opened.
 */
export function hubServers(mcpConfig: McpConfig, source: string): HubServers {
  const names = new Set([...Object.keys(BUNDLED_SERVERS), ...Object.keys(mcpConfig.servers)]);
  return {
    allowLists: resolveAllowLists(mcpConfig, [...names], source),
    targets(context) {
      const servers: Record<string, McpServerTarget> = {};
      for (const [name, server] of Object.entries(BUNDLED_SERVERS)) {
        servers[name] = {
          kind: 'in-process',
          create: () => server.create(bundledServerContext(context)),
        };
      }
      return Object.assign(servers, mcpConfig.servers);
    },
  };
}
