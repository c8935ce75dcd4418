// A store on a fresh, migrated test database, for suites that test the store and the layers
// beside it without the whole app (no runtime, no MCP hub).

import { GraphileJobQueue } from '../../src/queue/graphile-job-queue.js';
import { type Database, openDatabase } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrator.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import type { TestDatabase } from './test-databases.js';

/** Opens `testDatabase`, brings its schema up to date, and builds the store on it. */
export async function openMigratedStore(
  testDatabase: TestDatabase,
): Promise<{ database: Database; store: PostgresStore }> {
  const database = await openDatabase({
    databaseUrl: testDatabase.databaseUrl,
    dataDir: testDatabase.dataDir,
    createDataDir: true,
  });
  await migrate(database.pool);
  const store = PostgresStore.fromPool(database.pool, (db) => new GraphileJobQueue(db));
  return { database, store };
}
