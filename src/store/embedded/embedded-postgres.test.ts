// The embedded database on its own thread: it serves the data dir, what it wrote is there after
// a restart, and a data dir it cannot open is refused with the reason and leaves no lock behind.
// (A second process attaching to the first's port is tested through the CLI.)

import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEmbeddedPostgres } from './embedded-postgres.js';

async function query(url: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

describe('openEmbeddedPostgres', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'chimera-embedded-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves the data dir from its thread and keeps what it wrote across a restart', async () => {
    const first = await openEmbeddedPostgres({ dataDir, create: false });
    expect(first.owner).toBe(true);
    const lock = JSON.parse(await readFile(join(dataDir, 'server.lock.json'), 'utf8'));
    expect(lock.pid).toBe(process.pid);
    await query(first.url, 'CREATE TABLE notes (body text)');
    await query(first.url, "INSERT INTO notes VALUES ('kept')");
    await first.close();
    await expect(stat(join(dataDir, 'server.lock.json'))).rejects.toMatchObject({
      code: 'ENOENT',
    });

    const reopened = await openEmbeddedPostgres({ dataDir, create: false });
    try {
      expect((await query(reopened.url, 'SELECT body FROM notes')).rows).toEqual([
        { body: 'kept' },
      ]);
    } finally {
      await reopened.close();
    }
  });

  it('refuses a data dir the database cannot open, with the reason, and leaves no lock', async () => {
    await writeFile(join(dataDir, 'pgdata'), 'not a folder');
    await expect(openEmbeddedPostgres({ dataDir, create: false })).rejects.toThrow(
      /the embedded database did not open: .+/,
    );
    await expect(stat(join(dataDir, 'server.lock.json'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});
