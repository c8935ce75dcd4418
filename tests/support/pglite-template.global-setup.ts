// Vitest globalSetup: one embedded database, created and migrated once per run, that every PGlite
// test database starts as a copy of (test-databases.ts). Creating a PGlite data dir runs initdb,
// about 4 s on a slow machine; copying a made one takes a fraction of that. Its path reaches the
// test workers through CHIMERA_TEST_PGLITE_TEMPLATE (they are started after this runs).

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrator.js';

/** The variable that carries the template's path to the workers. */
export const PGLITE_TEMPLATE_VARIABLE = 'CHIMERA_TEST_PGLITE_TEMPLATE';

export default async function setup(): Promise<() => Promise<void>> {
  const folder = await mkdtemp(join(tmpdir(), 'chimera-template-'));
  const dataDir = join(folder, 'data');
  const database = await openDatabase({
    databaseUrl: undefined,
    dataDir,
    createDataDir: true,
  });
  try {
    await migrate(database.pool);
  } finally {
    await database.close();
  }
  process.env[PGLITE_TEMPLATE_VARIABLE] = dataDir;
  return () => rm(folder, { recursive: true, force: true });
}
