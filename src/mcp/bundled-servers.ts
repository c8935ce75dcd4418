// The MCP servers that ship with Chimera, by name. Each runs in-process (in-memory transport) for
// the embedded system, or on its own over stdio with `chimera mcp serve <name>`. Servers that keep
// state get their stores from the host (app/hub-servers.ts builds them on the database).

import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { mediaDirOf } from '../config/config.js';
import { ChimeraError } from '../domain/errors.js';
import { createMediaServer } from './servers/media/media-server.js';
import type { SandboxStore } from './servers/social-sandbox/sandbox-store.js';
import { createSocialSandboxServer } from './servers/social-sandbox/social-sandbox-server.js';
import { loadFeedLibrary } from './servers/trends/feed-library.js';
import { createTrendsServer } from './servers/trends/trends-server.js';
import {
  type LocalWalletStoreFactory,
  openWalletBackend,
  type WalletConfig,
} from './servers/wallet/open-wallet-backend.js';
import { createWalletServer } from './servers/wallet/wallet-server.js';

/** What a bundled server may need from the process hosting it. */
export interface BundledServerContext {
  /** The sandbox platform's storage on Chimera's database, for social-sandbox. */
  sandboxStore?: SandboxStore;
  /** Builds the local wallet store on Chimera's database, for wallet under CHIMERA_WALLET=local. */
  localWalletStore?: LocalWalletStoreFactory;
  /** Chimera's data dir; rendered media go to `<dataDir>/media`. */
  dataDir?: string;
  /** Feed manifest of the trends server (CHIMERA_FEEDS); default: the shipped snapshots. */
  feedsManifest?: string;
  /** Settings of the wallet server (CHIMERA_WALLET, the seed file, CDP); default: local store. */
  walletConfig?: WalletConfig;
}

/** A bundled server: whether it needs the database (its stores), and how to build it. */
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
      createMediaServer({ mediaDir: mediaDirOf(dataDir ?? './.chimera') }),
  },
  'social-sandbox': {
    needsDatabase: true,
    create: async ({ sandboxStore }) => {
      if (!sandboxStore) {
        throw new ChimeraError('MCP_UNAVAILABLE', 'social-sandbox needs the database');
      }
      return createSocialSandboxServer({ store: sandboxStore });
    },
  },
  wallet: {
    needsDatabase: true,
    create: async ({ localWalletStore, dataDir, walletConfig }) =>
      createWalletServer({
        backend: await openWalletBackend(
          walletConfig ?? { dataDir: dataDir ?? './.chimera' },
          localWalletStore,
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
