// `npm run bench`: bare graphile-worker jobs/s against governed Chimera tasks/s, on embedded PGlite
// and on a fresh PostgreSQL server database, with SQL statements per job/task. Writes to stdout.

import { openChimera } from '../src/app/chimera-app.js';
import { loadConfig } from '../src/config/config.js';
import { createLogger } from '../src/observability/logger.js';
import { redact } from '../src/store/database.js';
import { createTestDatabase, type TestDatabase } from '../tests/support/test-databases.js';
import { type BareQueueResult, runBareQueue } from './bare-queue.js';
import { positiveInt } from './bench-measures.js';
import {
  type GovernedResult,
  launchCampaigns,
  MAX_TEMPLATE_STEPS,
  runToQuiescence,
} from './governed.js';
import { SqlCounter, type SqlSnapshot } from './sql-counter.js';

const SERVER_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';
const TASKS = positiveInt('BENCH_TASKS', 2_000);
const CONCURRENCY = positiveInt('BENCH_CONCURRENCY', 8);
const WARMUP = positiveInt('BENCH_WARMUP', 200);
const STEPS_PER_CAMPAIGN = Math.min(
  MAX_TEMPLATE_STEPS,
  positiveInt('BENCH_STEPS_PER_CAMPAIGN', MAX_TEMPLATE_STEPS),
);
const POLL_INTERVAL_MS = positiveInt('BENCH_POLL_INTERVAL_MS', 50);
const TIMEOUT_MS = positiveInt('BENCH_TIMEOUT_MS', 120_000);
const AGENT_ID = 'bench';
const TARGET_RATIO = 0.5;
const TARGET_SERVER_TASKS_PER_SECOND = 500;
const TOP_SHAPES = 12;

/** A fresh database for one target, and how to throw it away. */
interface BenchDatabase extends TestDatabase {
  label: 'PGlite' | 'PostgreSQL';
}

const TARGETS = [
  { label: 'PGlite', kind: 'pglite' },
  { label: 'PostgreSQL', kind: 'postgres' },
] as const;

interface Measurement {
  label: string;
  bare: BareQueueResult;
  bareSql: SqlSnapshot;
  governed: GovernedResult;
  /** Statements of the timed run (runUntilQuiescent). */
  governedSql: SqlSnapshot;
  /** Statements of the untimed launch (campaigns, tasks, root jobs). */
  launchSql: SqlSnapshot;
}

const out = (line = '') => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const counter = new SqlCounter();
  out(`Chimera bench: ${TASKS} jobs/tasks per measurement, concurrency ${CONCURRENCY}`);
  out(
    `  warm-up ${WARMUP} (not counted), poll ${POLL_INTERVAL_MS}ms, ≤${STEPS_PER_CAMPAIGN} steps per campaign, node ${process.version}`,
  );
  out(
    `  target: governed/bare ≥ ${TARGET_RATIO} on both; ≥ ${TARGET_SERVER_TASKS_PER_SECOND} governed tasks/s on PostgreSQL`,
  );
  const results: Measurement[] = [];
  for (const target of TARGETS) {
    const database: BenchDatabase = {
      ...(await createTestDatabase(target.kind, SERVER_URL)),
      label: target.label,
    };
    try {
      results.push(await measure(database, counter));
    } finally {
      await database.dispose();
    }
  }
  out();
  out('Summary');
  out(
    `${pad('database', 11)}${pad('N', 7)}${pad('conc', 6)}${pad('bare jobs/s', 13)}${pad('gov tasks/s', 13)}${pad('ratio', 7)}${pad('stmts/task', 12)}${pad('tx/task', 9)}verdict`,
  );
  for (const result of results) {
    out(
      `${pad(result.label, 11)}${pad(String(TASKS), 7)}${pad(String(CONCURRENCY), 6)}${pad(fixed(result.bare.jobsPerSecond, 0), 13)}${pad(fixed(result.governed.tasksPerSecond, 0), 13)}${pad(fixed(ratioOf(result), 2), 7)}${pad(fixed(result.governedSql.statements / TASKS, 1), 12)}${pad(fixed(result.governedSql.transactions / TASKS, 1), 9)}${verdict(result)}`,
    );
  }
}

async function measure(database: BenchDatabase, counter: SqlCounter): Promise<Measurement> {
  out();
  out(`== ${database.label} ==`);
  const config = loadConfig(
    {},
    {
      databaseUrl: database.databaseUrl,
      dataDir: database.dataDir,
      concurrency: CONCURRENCY,
      pollIntervalMs: POLL_INTERVAL_MS,
      logLevel: 'silent',
    },
  );
  const app = await openChimera(config, {
    logger: createLogger(config.logLevel),
    createDataDir: true,
  });
  try {
    out(`  database ${app.database.kind} at ${redact(app.database.url)}`);
    const bareOptions = {
      pool: app.database.pool,
      concurrency: CONCURRENCY,
      pollIntervalMs: POLL_INTERVAL_MS,
      timeoutMs: TIMEOUT_MS,
    };
    out('  bare queue');
    await runBareQueue({ ...bareOptions, jobs: WARMUP });
    counter.start();
    const bare = await runBareQueue({ ...bareOptions, jobs: TASKS });
    const bareSql = counter.stop();
    out(
      `    ${TASKS} jobs in ${fixed(bare.elapsedMs, 0)}ms → ${fixed(bare.jobsPerSecond, 0)} jobs/s; ${fixed(bareSql.statements / TASKS, 1)} statements/job; node CPU ${cpuShare(bare.cpuMs, bare.elapsedMs)}`,
    );

    await app.store.agents.upsert({
      id: AGENT_ID,
      name: 'Bench Agent',
      niche: '',
      persona: {},
      status: 'active',
    });
    const governedOptions = {
      agentId: AGENT_ID,
      stepsPerCampaign: STEPS_PER_CAMPAIGN,
      timeoutMs: TIMEOUT_MS,
    };
    out('  governed loop (core.noop, confidence 1, judge on)');
    const warmup = { ...governedOptions, tasks: WARMUP, label: 'warm-up' };
    await runToQuiescence(app, await launchCampaigns(app, warmup), warmup);
    const measured = { ...governedOptions, tasks: TASKS, label: 'measured' };
    counter.start();
    const campaignIds = await launchCampaigns(app, measured);
    const launchSql = counter.stop();
    counter.start();
    const governed = await runToQuiescence(app, campaignIds, measured);
    const governedSql = counter.stop();
    out(
      `    ${TASKS} tasks in ${governed.campaigns} campaigns in ${fixed(governed.elapsedMs, 0)}ms → ${fixed(governed.tasksPerSecond, 0)} tasks/s; node CPU ${cpuShare(governed.cpuMs, governed.elapsedMs)}`,
    );
    const result: Measurement = {
      label: database.label,
      bare,
      bareSql,
      governed,
      governedSql,
      launchSql,
    };
    out(
      `  ratio governed/bare ${fixed(ratioOf(result), 2)} (bare ${fixed(bare.jobsPerSecond, 0)} jobs/s, governed ${fixed(governed.tasksPerSecond, 0)} tasks/s, concurrency ${CONCURRENCY}) ${verdict(result)}`,
    );
    out(
      `  launch (untimed): ${fixed(launchSql.statements / TASKS, 2)} statements and ${fixed(launchSql.transactions / TASKS, 3)} transactions per task, ${fixed(launchSql.totalMs, 0)}ms of statements`,
    );
    printSqlBreakdown(governedSql, governed.elapsedMs);
    return result;
  } finally {
    await app.close();
  }
}

function printSqlBreakdown(sql: SqlSnapshot, elapsedMs: number): void {
  out(
    `  timed run, SQL per governed task: ${fixed(sql.statements / TASKS, 1)} statements, ${fixed(sql.transactions / TASKS, 2)} transactions; summed statement time ${fixed(sql.totalMs, 0)}ms over ${fixed(elapsedMs, 0)}ms wall (≈${fixed(sql.totalMs / elapsedMs, 1)} in flight)`,
  );
  out(`    ${pad('statement shape', 44)}${pad('per task', 10)}${pad('avg ms', 8)}share of time`);
  for (const shape of sql.shapes.slice(0, TOP_SHAPES)) {
    out(
      `    ${pad(shape.shape.slice(0, 42), 44)}${pad(fixed(shape.count / TASKS, 2), 10)}${pad(fixed(shape.totalMs / shape.count, 2), 8)}${fixed((100 * shape.totalMs) / sql.totalMs, 1)}%`,
    );
  }
  const rest = sql.shapes.slice(TOP_SHAPES);
  if (rest.length > 0) {
    const count = rest.reduce((sum, shape) => sum + shape.count, 0);
    const totalMs = rest.reduce((sum, shape) => sum + shape.totalMs, 0);
    out(
      `    ${pad(`(${rest.length} other shapes)`, 44)}${pad(fixed(count / TASKS, 2), 10)}${pad(fixed(totalMs / count, 2), 8)}${fixed((100 * totalMs) / sql.totalMs, 1)}%`,
    );
  }
}

function cpuShare(cpuMs: number, elapsedMs: number): string {
  return `${fixed((100 * cpuMs) / elapsedMs, 0)}% of one core`;
}

function ratioOf(result: Measurement): number {
  return result.governed.tasksPerSecond / result.bare.jobsPerSecond;
}

function verdict(result: Measurement): string {
  const ratioOk = ratioOf(result) >= TARGET_RATIO;
  if (result.label === 'PGlite') {
    return ratioOk ? 'PASS (ratio)' : 'BELOW TARGET (ratio)';
  }
  const rateOk = result.governed.tasksPerSecond >= TARGET_SERVER_TASKS_PER_SECOND;
  if (ratioOk && rateOk) return 'PASS';
  const missed = [!ratioOk && 'ratio', !rateOk && 'tasks/s'].filter(Boolean).join(', ');
  return `BELOW TARGET (${missed})`;
}

function pad(text: string, width: number): string {
  return text.padEnd(width);
}

function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '-';
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
