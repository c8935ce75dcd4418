// The two database adapters every integration suite (and the benchmark) runs against: embedded
// PGlite (a fresh data dir: under vitest, a copy of the run's migrated template, see
// pglite-template.global-setup.ts) and the PostgreSQL server (a fresh database on the server named
// by DATABASE_URL, or the local one). The server suite never skips: an unreachable server fails.

import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** Where the server-backed suites create their databases. */
export const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh, empty database to run Chimera on, and how to throw it away. */
export interface TestDatabase {
  kind: 'pglite' | 'postgres';
  /** Set for the server; undefined means embedded. */
  databaseUrl: string | undefined;
  dataDir: string;
  dispose(): Promise<void>;
}

/** Both adapters, for `describe.each`. */
export const ADAPTERS = ['pglite', 'postgres'] as const;

/**
 * Creates a fresh database of `kind`; a server database is created on `serverUrl`'s server. A
 * PGlite one starts migrated when the run has a template, unless `empty` (a suite that tests the
 * migrations themselves); a server one always starts empty.
 */
export async function createTestDatabase(
  kind: 'pglite' | 'postgres',
  serverUrl: string = SERVER_URL,
  options: { empty?: boolean } = {},
): Promise<TestDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), 'chimera-test-'));
  if (kind === 'pglite') {
    const template = process.env.CHIMERA_TEST_PGLITE_TEMPLATE;
    if (template && !options.empty) {
      await cp(template, join(dataDir, 'data'), { recursive: true });
    }
    return {
      kind,
      databaseUrl: undefined,
      dataDir: join(dataDir, 'data'),
      dispose: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `chimera_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    kind,
    databaseUrl: url.toString(),
    dataDir,
    dispose: async () => {
      await withAdmin(serverUrl, (admin) =>
        admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function withAdmin<T>(
  serverUrl: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
