// Applies the numbered SQL files in ./migrations, forward only, each in its own transaction
// under a transaction-scoped advisory lock, so two processes migrating at once collide harmlessly.
// It also installs graphile-worker's schema. It never rolls back or edits an applied migration.

import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { Logger as QueueLogger, runMigrations as runQueueMigrations } from 'graphile-worker';
import type pg from 'pg';
import { ChimeraError } from '../domain/errors.js';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
/** Arbitrary constant shared by every Chimera process: the advisory lock key for migrations. */
const MIGRATION_LOCK_KEY = 7_142_001;

/** One numbered migration file. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Reads the migration files shipped with this code, in version order. */
export async function loadMigrations(): Promise<Migration[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((file) => /^\d{4}_.+\.sql$/.test(file));
  const migrations = await Promise.all(
    files.sort().map(async (file) => ({
      version: Number.parseInt(file.slice(0, 4), 10),
      name: file.replace(/\.sql$/, ''),
      sql: await readFile(new URL(file, MIGRATIONS_DIR), 'utf8'),
    })),
  );
  return migrations;
}

/** What a migration run did. */
export interface MigrationReport {
  applied: string[];
  version: number;
}

/** Brings the database up to this code's schema; refuses a schema newer than the code. */
export async function migrate(pool: pg.Pool): Promise<MigrationReport> {
  const migrations = await loadMigrations();
  const codeVersion = migrations.at(-1)?.version ?? 0;
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS chimera_migrations (
      version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
  });
  const databaseVersion = await currentVersion(pool);
  if (databaseVersion > codeVersion) {
    throw new ChimeraError(
      'STORE_SCHEMA_TOO_NEW',
      `the database schema is at version ${databaseVersion} but this code knows up to ${codeVersion}; upgrade Chimera before starting it on this database`,
    );
  }
  const applied: string[] = [];
  for (const migration of migrations) {
    const ran = await inTransaction(pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      const checksum = createHash('sha256').update(migration.sql).digest('hex');
      const done = await client.query<{ checksum: string }>(
        'SELECT checksum FROM chimera_migrations WHERE version = $1',
        [migration.version],
      );
      const applied = done.rows[0];
      if (applied) {
        if (applied.checksum !== checksum) {
          throw new ChimeraError(
            'STORE_MIGRATION_CHANGED',
            `migration ${migration.name} was changed after it was applied; restore the file and add a new migration instead`,
          );
        }
        return false;
      }
      await client.query(migration.sql);
      await client.query(
        'INSERT INTO chimera_migrations (version, name, checksum) VALUES ($1, $2, $3)',
        [migration.version, migration.name, checksum],
      );
      return true;
    });
    if (ran) applied.push(migration.name);
  }
  await runQueueMigrations({ pgPool: pool, logger: silentQueueLogger() });
  return { applied, version: codeVersion };
}

/** The highest applied migration version, 0 when none. */
export async function currentVersion(pool: pg.Pool): Promise<number> {
  const result = await pool.query<{ version: number | null }>(
    'SELECT max(version) AS version FROM chimera_migrations',
  );
  return result.rows[0]?.version ?? 0;
}

async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function silentQueueLogger() {
  // graphile-worker logs every migration at info; Chimera reports its own summary instead.
  return new QueueLogger(() => () => undefined);
}
