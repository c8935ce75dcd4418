// CLI start-up for `npm run bench`: how long the real `chimera` executable takes, as a person
// runs it from a shell (a child process each time, `node bin/chimera.js ...`), for `--help` and
// for `status` on an embedded data dir that a running `chimera start` holds (status attaches to
// its port). Median and p95 over BENCH_CLI_RUNS runs each after two warm-up runs. Goals: median
// `--help` ≤ 300 ms, median `status` ≤ 600 ms. For comparison it also times `status` on a data dir
// that no process holds, which opens the PGlite files itself (no goal), and a bare `node -e 0`.
// It builds dist/ first when it is stale; the data dir comes from `chimera run --once`. Always
// exits 0 (it is a measurement); misses are printed as GOAL MISSED lines.

import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentile, positiveInt } from './bench-measures.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin/chimera.js');
const BUILDER = join(ROOT, 'bin/build-dist.js');
const RUNS = positiveInt('BENCH_CLI_RUNS', 15);
const WARMUP = 2;
const GOAL_HELP_MS = 300;
const GOAL_STATUS_MS = 600;

const out = (line = '') => process.stdout.write(`${line}\n`);

/** The children's environment: this one without DATABASE_URL (embedded), logs at warn. */
function childEnvironment(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _embedded, ...rest } = process.env;
  return { ...rest, LOG_LEVEL: 'warn', CHIMERA_HTTP_PORT: '0' };
}

/** Runs `node ...args` to completion; rejects when it exits non-zero. */
function run(args: string[], timeout = 300_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      args,
      { cwd: ROOT, env: childEnvironment(), timeout, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error
          ? reject(new Error(`node ${args.join(' ')}: ${error.message}\n${stderr}`))
          : resolve(stdout),
    );
  });
}

/** True when bin/chimera.js would run dist/ (not the sources through tsx). */
async function distIsFresh(): Promise<boolean> {
  const check = `import(${JSON.stringify(BUILDER)}).then((m) => process.exit(m.distIsFresh() ? 0 : 1))`;
  return run(['-e', check]).then(
    () => true,
    () => false,
  );
}

/** Wall-clock ms of each of RUNS runs of `node ...args`, after WARMUP runs. */
async function time(args: string[], runs = RUNS): Promise<number[]> {
  for (let index = 0; index < WARMUP; index++) await run(args);
  const samples: number[] = [];
  for (let index = 0; index < runs; index++) {
    const startedAt = performance.now();
    await run(args);
    samples.push(performance.now() - startedAt);
  }
  return samples;
}

/** Starts `chimera start` on `dataDir` and resolves once it is up (it printed its login link). */
async function startChimera(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, '--data-dir', dataDir, 'start', '--no-seed'], {
    cwd: ROOT,
    env: childEnvironment(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += String(chunk);
      if (/^login link/m.test(output)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`chimera start exited (${code}) before it was up:\n${output}`)),
    );
  });
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

interface Row {
  label: string;
  samples: number[];
  goalMs?: number;
}

function report(rows: Row[], stale: boolean): void {
  const missed: string[] = [];
  for (const { label, samples, goalMs } of rows) {
    const median = percentile(samples, 0.5);
    const p95 = percentile(samples, 0.95);
    const verdict = goalMs === undefined ? '(no goal)' : median <= goalMs ? 'ok' : 'MISSED';
    const goal = goalMs === undefined ? '' : `, goal median ≤ ${goalMs} ms`;
    out(
      `  ${label.padEnd(36)} median ${median.toFixed(0).padStart(5)} ms, p95 ${p95.toFixed(0).padStart(5)} ms (${samples.length} runs${goal}) ${verdict}`,
    );
    if (goalMs !== undefined && median > goalMs) {
      missed.push(`GOAL MISSED: ${label}: median ${median.toFixed(0)} ms > ${goalMs} ms`);
    }
  }
  if (missed.length === 0) out('  goals met');
  for (const line of missed) out(`  ${line}`);
  if (stale) {
    out(
      '  note: dist/ went stale during the bench (a source changed), so some runs may have run the sources through tsx; run it again',
    );
  }
}

async function main(): Promise<void> {
  out(
    `CLI start-up: node bin/chimera.js as a child process, ${RUNS} runs each after ${WARMUP} warm-up runs (goals: median --help ≤ ${GOAL_HELP_MS} ms, status on an attached data dir ≤ ${GOAL_STATUS_MS} ms)`,
  );
  if (!(await distIsFresh())) {
    const startedAt = performance.now();
    await run([BUILDER]);
    out(`  built dist/ in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
  }
  const workspace = await mkdtemp(join(tmpdir(), 'chimera-cli-bench-'));
  try {
    const dataDir = join(workspace, 'data');
    await run([BIN, '--data-dir', dataDir, 'run', '--once']);
    const rows: Row[] = [
      { label: 'node -e 0 (the floor)', samples: await time(['-e', '0']) },
      { label: 'chimera --help', samples: await time([BIN, '--help']), goalMs: GOAL_HELP_MS },
    ];
    const server = await startChimera(dataDir);
    try {
      rows.push({
        label: 'chimera status (attached)',
        samples: await time([BIN, '--data-dir', dataDir, 'status']),
        goalMs: GOAL_STATUS_MS,
      });
    } finally {
      await stop(server);
    }
    rows.push({
      label: 'chimera status (opens the data dir)',
      samples: await time([BIN, '--data-dir', dataDir, 'status'], Math.min(RUNS, 5)),
    });
    report(rows, !(await distIsFresh()));
  } finally {
    await rm(workspace, { recursive: true, force: true });
  }
}

await main();
