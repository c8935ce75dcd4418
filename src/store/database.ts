// Picks the database at start-up: a PostgreSQL server when DATABASE_URL is set, otherwise the
// embedded PGlite in the data dir. Either way the rest of Chimera sees one `pg` pool.

import pg from 'pg';
import { ChimeraError, ConfigError } from '../domain/errors.js';
import { openEmbeddedPostgres } from './embedded/embedded-postgres.js';

/** An open database: a pool, its URL, and what kind it is. */
export interface Database {
  pool: pg.Pool;
  url: string;
  kind: 'embedded' | 'server';
  close(): Promise<void>;
}

/** How to reach the database. */
export interface DatabaseOptions {
  /** A postgres:// URL; when absent, the embedded database in `dataDir` is used. */
  databaseUrl?: string | undefined;
  /** Folder of the embedded database. */
  dataDir: string;
  /** Create the data dir if missing (commands that run the system); read-only commands pass false. */
  createDataDir: boolean;
  /** Pool size. Default 10. */
  maxConnections?: number;
}

/** Opens the configured database and checks that it answers. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl !== undefined) {
    const url = checkUrl(options.databaseUrl);
    const pool = await connectPool(url, options.maxConnections, 'DATABASE_URL');
    return { pool, url, kind: 'server', close: () => pool.end() };
  }
  const embedded = await openEmbeddedPostgres({
    dataDir: options.dataDir,
    create: options.createDataDir,
  });
  try {
    const pool = await connectPool(embedded.url, options.maxConnections, 'the embedded database');
    return {
      pool,
      url: embedded.url,
      kind: 'embedded',
      close: async () => {
        await pool.end();
        await embedded.close();
      },
    };
  } catch (error) {
    await embedded.close();
    throw error;
  }
}

function checkUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(
      'CONFIG_INVALID',
      `DATABASE_URL '${redact(value)}' is not a URL; use postgres://user@host:5432/database`,
    );
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(
      'CONFIG_INVALID',
      `DATABASE_URL must start with postgres:// (got ${url.protocol}//); use postgres://user@host:5432/database`,
    );
  }
  return value;
}

/** Longest a query waits for a free pooled client once the server has answered. */
const POOL_WAIT_MS = 120_000;

async function connectPool(url: string, max = 10, label: string): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5_000 });
  // A client losing its server is reported on these; the failed query rejects on its own and the
  // next checkout reconnects, so the events themselves need no action.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  try {
    await pool.query('SELECT 1');
    // The server is there. From now on the timeout bounds waiting for a free client, which a
    // burst (a thousand spend requests at once) can make long without anything being wrong.
    pool.options.connectionTimeoutMillis = POOL_WAIT_MS;
    return pool;
  } catch (error) {
    await pool.end().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new ChimeraError(
      'STORE_UNREACHABLE',
      `cannot reach ${label} at ${redact(url)}: ${reason}; check that PostgreSQL runs and the URL is right`,
      { cause: error },
    );
  }
}

/** Hides the password of a URL for messages and logs. */
export function redact(value: string): string {
  return value.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
