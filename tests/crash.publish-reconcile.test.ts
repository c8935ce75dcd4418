// FR-EFFECT-001, SK-PUBLISH-001: the publisher is killed (SIGKILL, at a failpoint) between the
// MCP call that posts and the record of it; a restart reconciles by the post's key and the
// sandbox holds exactly one post. On PostgreSQL. The run that dies at the failpoint is the real
// executable (the failpoint SIGKILLs its process); the set-up and the restart run in-process.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli-process.js';
import { CONTENT_LOOP } from './support/content-loop.js';
import { runChimera } from './support/run-chimera.js';
import { createTestDatabase, type TestDatabase } from './support/test-databases.js';

describe('a publisher killed between posting and recording', () => {
  let database: TestDatabase;
  let workspace: string;
  let client: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    workspace = await mkdtemp(join(tmpdir(), 'chimera-publish-crash-'));
    client = new pg.Client({ connectionString: database.databaseUrl });
  });
  afterAll(async () => {
    await client?.end().catch(() => undefined);
    await database?.dispose();
    await rm(workspace, { recursive: true, force: true });
  });

  it('leaves exactly one post after a restart, reconciled by its key', async () => {
    const environment = {
      DATABASE_URL: database.databaseUrl,
      CHIMERA_DATA_DIR: join(workspace, 'data'),
      CHIMERA_LEASE_MS: '1000',
    };
    const file = join(workspace, 'campaign.json');
    await writeFile(
      file,
      JSON.stringify({
        name: 'crash post',
        goal: 'Tease the spring capsule drop',
        agent_ids: ['ava'],
        template: { steps: CONTENT_LOOP },
      }),
    );
    expect(
      (await runChimera(['agent', 'add', 'examples/personas/ava/SOUL.md'], environment)).code,
    ).toBe(0);
    expect((await runChimera(['campaign', 'launch', file], environment)).code).toBe(0);

    const killed = await runCli(['run', '--once', '--no-seed'], {
      ...environment,
      CHIMERA_FAILPOINT: 'publish-after-call',
    });
    // Killed by its own SIGKILL: no exit code, and nothing after the failpoint ran.
    expect(killed.code).not.toBe(0);
    await client.connect();
    const query = async (sql: string) => (await client.query(sql)).rows;
    expect(await query(`SELECT count(*)::int AS n FROM sandbox_posts`)).toEqual([{ n: 1 }]);
    expect(await query(`SELECT status FROM effects WHERE kind = 'publish'`)).toEqual([
      { status: 'recorded' },
    ]);

    const restart = await runChimera(['run', '--once', '--no-seed'], environment);
    expect(restart.code).toBe(0);
    expect(await query(`SELECT count(*)::int AS n FROM sandbox_posts`)).toEqual([{ n: 1 }]);
    const [effect] = await query(
      `SELECT status, attempts, result FROM effects WHERE kind = 'publish'`,
    );
    expect(effect).toMatchObject({
      status: 'performed',
      attempts: 2,
      result: { reconciled: true },
    });
    expect(
      await query(`SELECT count(*)::int AS n FROM content_pipeline WHERE stage = 'published'`),
    ).toEqual([{ n: 1 }]);
  });
});
