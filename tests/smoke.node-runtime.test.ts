// Runtime smoke: the real `chimera run --once`, started as a child of the node binary running the
// tests (process.execPath), seeds the examples into a fresh PGlite data dir or a fresh PostgreSQL
// database, exits 0 and reports done tasks. .ci/run runs this file under Node 24 as well as 20;
// it deliberately spawns a real process, unlike the in-process CLI tests.

import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ADAPTERS, createTestDatabase } from './support/test-databases.js';

const BIN = fileURLToPath(new URL('../bin/chimera.js', import.meta.url));

/** Bounds a hung child; a healthy run takes seconds. */
const RUN_TIMEOUT_MS = 100_000;

/** Runs `chimera ...args` on this node binary; DATABASE_URL is only what `databaseUrl` says. */
function runChimera(args: string[], databaseUrl: string | undefined) {
  const { DATABASE_URL: _server, ...environment } = process.env;
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      {
        env: {
          ...environment,
          ...(databaseUrl && { DATABASE_URL: databaseUrl }),
          LOG_LEVEL: 'warn',
          CHIMERA_HTTP_PORT: '0',
        },
        timeout: RUN_TIMEOUT_MS,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe.each(ADAPTERS)(`runtime smoke on node ${process.version}: run --once on %s`, (kind) => {
  it(
    'seeds the examples, runs them to quiescence, reports done tasks and exits 0',
    async () => {
      const database = await createTestDatabase(kind);
      onTestFinished(() => database.dispose());
      const result = await runChimera(
        ['--data-dir', database.dataDir, 'run', '--once'],
        database.databaseUrl,
      );
      expect(result.code, `exit code; stderr:\n${result.stderr}`).toBe(0);
      expect(result.stdout).toMatch(/^first run: seeded \d+ example agents/m);
      expect(result.stdout).toMatch(/^run complete in [\d.]+s$/m);
      const done = Number(/^tasks: .*?\b(\d+) done\b/m.exec(result.stdout)?.[1] ?? 0);
      expect(done, result.stdout).toBeGreaterThan(0);

      if (database.databaseUrl) {
        // The run used the fresh server database, not an embedded one beside it.
        const client = new pg.Client({ connectionString: database.databaseUrl });
        await client.connect();
        try {
          const { rows } = await client.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM tasks WHERE status = 'done'`,
          );
          expect(rows[0]?.n).toBe(done);
        } finally {
          await client.end();
        }
      }
    },
    RUN_TIMEOUT_MS + 20_000,
  );
});
