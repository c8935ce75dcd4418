// TR-BENCH-001: the benchmark runs end to end on both databases and reports governed tasks/s,
// bare queue jobs/s and their ratio, and cfo.approve latency. A tiny N keeps it a smoke test; speed is measured by
// `npm run bench`, never asserted here.

import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SERVER_URL } from './support/test-databases.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

describe('npm run bench', () => {
  it('reports both figures and their ratio for PGlite and PostgreSQL', async () => {
    const output = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'bench/run.ts'],
        {
          cwd: ROOT,
          timeout: 180_000,
          env: {
            ...process.env,
            BENCH_DATABASE_URL: SERVER_URL,
            BENCH_TASKS: '60',
            BENCH_WARMUP: '10',
          },
        },
        (error, stdout, stderr) =>
          error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
      );
    });
    expect(output).toMatch(/^PGlite\s+60\s+8\s+\d+\s+\d+\s+\d+\.\d+/m);
    expect(output).toMatch(/^PostgreSQL\s+60\s+8\s+\d+\s+\d+\s+\d+\.\d+/m);
    expect(output).toMatch(/ratio governed\/bare \d+\.\d+/);
  });

  it('reports cfo.approve p50 and p95 on PGlite and PostgreSQL', async () => {
    const output = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'bench/cfo-approve.ts'],
        { cwd: ROOT, timeout: 180_000, env: { ...process.env, BENCH_CFO_REQUESTS: '20' } },
        (error, stdout, stderr) =>
          error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
      );
    });
    expect(output).toMatch(/^ {2}pglite\s+p50 \d+\.\d+ ms, p95 \d+\.\d+ ms \(20 requests/m);
    expect(output).toMatch(/^ {2}postgres\s+p50 \d+\.\d+ ms, p95 \d+\.\d+ ms \(20 requests/m);
  });
});
