// The light way in for commands that only read (`status`, `agent list`, `review list`, `ledger
// verify`, ...): opens the database, checks that its schema is the one this code knows instead of
// migrating it, and builds only the store and the services reads use. No MCP hub, no model, no
// swarm runtime, no spec catalog: openChimera's wiring is most of a command's start-up, and a
// read needs none of it. Kept apart from chimera-app.ts so that importing it does not load those.

import { readdir } from 'node:fs/promises';
import { type ChimeraConfig, mediaDirOf } from '../config/config.js';
import type { Actor } from '../domain/actor.js';
import { ChimeraError, ConfigError } from '../domain/errors.js';
import { GraphileJobQueue } from '../queue/graphile-job-queue.js';
import type { ChimeraServices } from '../services/chimera-services.js';
import type { ServiceDependencies } from '../services/service-dependencies.js';
import { type Database, openDatabase } from '../store/database.js';
import { PostgresEventFeed } from '../store/postgres/event-feed.js';
import { PostgresStore } from '../store/postgres/postgres-store.js';
import type { EventFeed, Store } from '../store/store.js';
import { resolveLocalActor } from './local-actor.js';

/** The migrations this code ships (store/migrator.ts applies them; here only their versions). */
const MIGRATIONS_DIR = new URL('../store/migrations/', import.meta.url);

/** The services a reader can have: those whose reads need nothing but the store. */
export type ReadServices = Pick<
  ChimeraServices,
  'agents' | 'campaigns' | 'reviews' | 'calibration' | 'money' | 'tokens' | 'status' | 'network'
>;

/**
 * How each read service is built, its module loaded only when asked for: a command loads the
 * one it uses (agent-service alone brings a YAML parser, for SOUL.md files).
 */
const READ_SERVICES: {
  [K in keyof ReadServices]: (deps: ServiceDependencies) => Promise<ReadServices[K]>;
} = {
  agents: async (deps) => new (await import('../services/agent-service.js')).AgentService(deps),
  campaigns: async (deps) =>
    new (await import('../services/campaign-service.js')).CampaignService(deps),
  reviews: async (deps) => new (await import('../services/review-service.js')).ReviewService(deps),
  calibration: async (deps) =>
    new (await import('../services/judge-calibration-service.js')).JudgeCalibrationService(deps),
  money: async (deps) => new (await import('../services/money-service.js')).MoneyService(deps),
  tokens: async (deps) => new (await import('../services/token-service.js')).TokenService(deps),
  status: async (deps) => new (await import('../services/status-service.js')).StatusService(deps),
  network: async (deps) =>
    new (await import('../services/network-service.js')).NetworkService(deps),
};

/** Chimera opened for reading, with the read services `K` (and `tokens`). `close` releases it. */
export interface ChimeraReader<K extends keyof ReadServices = keyof ReadServices> {
  config: ChimeraConfig;
  database: Database;
  store: Store;
  /** The application services asked for. Writes that need the swarm or the CFO throw. */
  operator: Pick<ReadServices, K | 'tokens'>;
  /** The local CLI's actor, found as ChimeraApp.localActor finds it. */
  localActor(options: {
    user: string;
    tenantId?: string | undefined;
    token?: string | undefined;
  }): Promise<Actor>;
  close(): Promise<void>;
}

/**
 * Opens Chimera for commands that only read, with the read services `services` (and `tokens`,
 * which localActor uses). The MCP configuration file, when there is one, is checked first, as
 * openChimera checks it. The data dir is never created, and a database whose schema is older or
 * newer than this code is refused: `chimera migrate` brings it up to date.
 */
export async function openChimeraForReading<K extends keyof ReadServices>(
  config: ChimeraConfig,
  services: readonly K[],
): Promise<ChimeraReader<K>> {
  if (config.mcpConfig) {
    const { loadMcpConfig } = await import('../mcp/mcp-config-file.js');
    const { hubServers } = await import('./hub-servers.js');
    hubServers(await loadMcpConfig(config.mcpConfig), config.mcpConfig);
  }
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    createDataDir: false,
  });
  try {
    await checkSchema(database);
    const store = PostgresStore.fromPool(database.pool, (db) => new GraphileJobQueue(db));
    // Connects only if a service listens (the token cache, when a secret is authenticated).
    const events = new PostgresEventFeed(database.pool);
    const deps = readingDependencies(config, database, store, events);
    const names = [...new Set<keyof ReadServices>(['tokens', ...services])];
    const built = await Promise.all(
      names.map(async (name) => [name, await READ_SERVICES[name](deps)] as const),
    );
    const operator = Object.fromEntries(built) as Pick<ReadServices, K | 'tokens'>;
    return {
      config,
      database,
      store,
      operator,
      localActor: (options) =>
        resolveLocalActor({ store, tokens: operator.tokens, dataDir: config.dataDir }, options),
      close: async () => {
        await events.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Refuses a database whose schema is not at the latest migration this code ships. */
async function checkSchema(database: Database): Promise<void> {
  const files = await readdir(MIGRATIONS_DIR);
  const codeVersion = Math.max(
    0,
    ...files
      .filter((file) => /^\d{4}_.+\.sql$/.test(file))
      .map((file) => Number.parseInt(file.slice(0, 4), 10)),
  );
  const databaseVersion = await schemaVersion(database);
  if (databaseVersion > codeVersion) {
    throw new ChimeraError(
      'STORE_SCHEMA_TOO_NEW',
      `the database schema is at version ${databaseVersion} but this code knows up to ${codeVersion}; upgrade Chimera before using it on this database`,
    );
  }
  if (databaseVersion < codeVersion) {
    throw new ConfigError(
      'CONFIG_INVALID',
      `the database schema is at version ${databaseVersion} but this code needs version ${codeVersion}; run 'chimera migrate' (with the same --data-dir or DATABASE_URL) first`,
    );
  }
}

/** The highest applied migration, 0 when the database has none (no migrations table). */
async function schemaVersion(database: Database): Promise<number> {
  try {
    const result = await database.pool.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM chimera_migrations',
    );
    return result.rows[0]?.version ?? 0;
  } catch (error) {
    if ((error as { code?: string }).code === '42P01') return 0; // undefined_table
    throw error;
  }
}

/**
 * What the read services are built from: the store, the event feed, the CFO's public key and the
 * wallets, loaded when first used. The swarm's parts are not there; a service method that reaches
 * for one throws.
 */
function readingDependencies(
  config: ChimeraConfig,
  database: Database,
  store: Store,
  events: EventFeed,
): ServiceDependencies {
  const missing = (part: string): never => {
    throw new Error(`${part} is not opened for reading; this command must open Chimera in full`);
  };
  const wallets = async () => {
    const { backendWallets } = await import('./backend-wallets.js');
    return backendWallets(config, database.pool);
  };
  return {
    store,
    cfoPublicKey: async () => {
      const { cfoKeyPath, loadCfoKey } = await import('../commerce/cfo-key.js');
      return loadCfoKey(cfoKeyPath(config), false);
    },
    wallets: {
      show: async (agentId) => (await wallets()).show(agentId),
      fund: async (agentId, amount) => (await wallets()).fund(agentId, amount),
    },
    cfo: async () => missing('the CFO'),
    hirer: async () => missing('the hirer'),
    get skills() {
      return missing('the skill registry');
    },
    get planner() {
      return missing('the Planner');
    },
    get goalPlanner() {
      return missing('the goal planner');
    },
    get memory() {
      return missing("agents' memory");
    },
    get reviewDesk() {
      return missing('the review desk');
    },
    get judge() {
      return missing('the Judge');
    },
    get worker() {
      return missing('the task worker');
    },
    events,
    judgeThresholds: { approveAt: config.approveAt, escalateAt: config.escalateAt },
    nodeId: async () => {
      const { loadNodeIdentity, nodeKeyPath } = await import(
        '../network/identity/node-identity.js'
      );
      return (await loadNodeIdentity(nodeKeyPath(config), false)).nodeId;
    },
    mediaDir: mediaDirOf(config.dataDir),
  };
}
