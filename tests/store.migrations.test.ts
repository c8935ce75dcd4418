// TR-STORE-001, TR-STORE-003, TR-STORE-004: one migration set creates the same tables on PGlite
// and PostgreSQL, applies once however often it runs, and refuses a database newer than the code
// or a migration file changed after it was applied.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../src/store/database.js';
import { currentVersion, loadMigrations, migrate } from '../src/store/migrator.js';
import {
  ADAPTERS,
  createTestDatabase,
  SERVER_URL,
  type TestDatabase,
} from './support/test-databases.js';

const CORE_TABLES = [
  'agents',
  'audit_logs',
  'campaigns',
  'effects',
  'reviews',
  'task_results',
  'tasks',
  'trace_events',
];

describe.each(ADAPTERS)('migrations on %s', (kind) => {
  let testDatabase: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    testDatabase = await createTestDatabase(kind, SERVER_URL, { empty: true });
    database = await openDatabase({
      databaseUrl: testDatabase.databaseUrl,
      dataDir: testDatabase.dataDir,
      createDataDir: true,
    });
  });
  afterAll(async () => {
    await database?.close();
    await testDatabase?.dispose();
  });

  it('creates every core table and the queue schema', async () => {
    const report = await migrate(database.pool);
    expect(report.applied).toEqual((await loadMigrations()).map((migration) => migration.name));
    const tables = await database.pool.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    const names = tables.rows.map((row) => row.table_name);
    for (const table of CORE_TABLES) expect(names).toContain(table);
    const queue = await database.pool.query(
      `SELECT 1 FROM information_schema.schemata WHERE schema_name = 'graphile_worker'`,
    );
    expect(queue.rowCount).toBe(1);
  });

  it('applies nothing the second time, even when two runs race', async () => {
    const reports = await Promise.all([migrate(database.pool), migrate(database.pool)]);
    expect(reports.map((report) => report.applied)).toEqual([[], []]);
    const latest = (await loadMigrations()).at(-1)?.version;
    expect(await currentVersion(database.pool)).toBe(latest);
  });

  it('refuses a migration file that changed after it was applied', async () => {
    await database.pool.query(
      `UPDATE chimera_migrations SET checksum = 'edited' WHERE version = 1`,
    );
    await expect(migrate(database.pool)).rejects.toMatchObject({ code: 'STORE_MIGRATION_CHANGED' });
    const restore = (await loadMigrations())[0]!;
    const { createHash } = await import('node:crypto');
    await database.pool.query(`UPDATE chimera_migrations SET checksum = $1 WHERE version = 1`, [
      createHash('sha256').update(restore.sql).digest('hex'),
    ]);
  });

  it('refuses a database whose schema is newer than the code, naming both versions', async () => {
    await database.pool.query(
      `INSERT INTO chimera_migrations (version, name, checksum) VALUES (9999, '9999_future', 'x')`,
    );
    const latest = (await loadMigrations()).at(-1)?.version;
    await expect(migrate(database.pool)).rejects.toMatchObject({
      code: 'STORE_SCHEMA_TOO_NEW',
      message: expect.stringMatching(new RegExp(`version 9999 .* up to ${latest}`)),
    });
  });
});
