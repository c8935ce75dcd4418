// The MCP servers that ship with Chimera, by name. Each runs in-process (in-memory transport) for
// the embedded system, or on its own over stdio with `chimera mcp serve <name>`.

import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type pg from 'pg';
import { ChimeraError } from '../domain/errors.js';
import { PostgresSandboxStore } from '../store/postgres/sandbox-queries.js';
import { createMediaServer } from './servers/media/media-server.js';
import { createSocialSandboxServer } from './servers/social-sandbox/social-sandbox-server.js';
import { loadFeedLibrary } from './servers/trends/feed-library.js';
import { createTrendsServer } from './servers/trends/trends-server.js';
import { openWalletBackend, type WalletConfig } from './servers/wallet/open-wallet-backend.js';
import { createWalletServer } from './servers/wallet/wallet-server.js';

/** What a bundled server may need from the process hosting it. */
export interface BundledServerContext {
  /** Chimera's database, for servers that keep state (the sandbox platform). */
  pool?: pg.Pool;
  /** Chimera's data dir; rendered media go to `<dataDir>/media`. */
  dataDir?: string;
  /** Feed manifest of the trends server (CHIMERA_FEEDS); default: the shipped snapshots. */
  feedsManifest?: string;
  /** Settings of the wallet server (CHIMERA_WALLET, the seed file, CDP); default: local store. */
  walletConfig?: WalletConfig;
}

/** A bundled server: whether it needs the database, and how to build it. */
export interface BundledServer {
  needsDatabase: boolean;
  create(context: BundledServerContext): Promise<McpServer>;
}

export const BUNDLED_SERVERS: Record<string, BundledServer> = {
  trends: {
    needsDatabase: false,
    create: async ({ feedsManifest }) =>
      createTrendsServer(
        await loadFeedLibrary(feedsManifest ? pathToFileURL(resolve(feedsManifest)) : undefined),
      ),
  },
  media: {
    needsDatabase: false,
    create: async ({ dataDir }) =>
      createMediaServer({ mediaDir: resolve(dataDir ?? './.chimera', 'media') }),
  },
  'social-sandbox': {
    needsDatabase: true,
    create: async ({ pool }) => {
      if (!pool) throw new ChimeraError('MCP_UNAVAILABLE', 'social-sandbox needs the database');
      return createSocialSandboxServer({ store: PostgresSandboxStore.fromPool(pool) });
    },
  },
  wallet: {
    needsDatabase: true,
    create: async ({ pool, dataDir, walletConfig }) =>
      createWalletServer({
        backend: await openWalletBackend(
          walletConfig ?? { dataDir: dataDir ?? './.chimera' },
          pool,
        ),
      }),
  },
};

/** Bundled server `name`; throws MCP_UNKNOWN_SERVER listing the known ones. */
export function bundledServer(name: string): BundledServer {
  const server = BUNDLED_SERVERS[name];
  if (!server) {
    throw new ChimeraError(
      'MCP_UNKNOWN_SERVER',
      `no bundled MCP server '${name}'; bundled servers: ${Object.keys(BUNDLED_SERVERS).sort().join(', ')}`,
    );
  }
  return server;
}
