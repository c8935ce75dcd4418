// Operator HTTP API read latency for `npm run bench`: p50, p95 and p99 of GET /api/v1/campaigns,
// /api/v1/reviews and /api/v1/fleet with a viewer token, each driven at 1,000 requests/s over
// loopback by autocannon, against a Chimera seeded with the examples and run to quiescence.
// Embedded PGlite (a fresh data dir) by default; a fresh database on the PostgreSQL server when
// DATABASE_URL is set. Goal: p95 < 20 ms. The server runs in a child process of its own, so the
// load generator does not share its event loop. autocannon paces by the second: each connection
// sends its share back to back, one request in flight, until it has sent it, then waits for the
// next second; response times are taken from each response, the server's CPU over the run from
// its process. Always exits 0 (it is a measurement); misses are printed as GOAL MISSED lines.

import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
// @ts-expect-error autocannon 9 ships no type declarations; its shape is typed below.
import autocannon from 'autocannon';
import { startHttpServer } from '../src/api/http-server.js';
import { openChimera } from '../src/app/chimera-app.js';
import { readJsonFile, seedExamples } from '../src/app/example-seed.js';
import { loadConfig } from '../src/config/config.js';
import { DEFAULT_TENANT } from '../src/domain/actor.js';
import { createLogger } from '../src/observability/logger.js';
import { createTestDatabase, SERVER_URL } from '../tests/support/test-databases.js';
import { percentile, positiveInt } from './bench-measures.js';

const ENDPOINTS = ['/api/v1/campaigns', '/api/v1/reviews', '/api/v1/fleet'] as const;
const RATE = positiveInt('BENCH_API_RATE', 1_000);
const CONNECTIONS = positiveInt('BENCH_API_CONNECTIONS', 10);
const DURATION_S = positiveInt('BENCH_API_DURATION_S', 10);
const WARMUP_S = positiveInt('BENCH_API_WARMUP_S', 2);
/** Times the example campaigns are launched (the first by the seed), run to quiescence. */
const CAMPAIGN_ROUNDS = positiveInt('BENCH_API_CAMPAIGN_ROUNDS', 3);
const GOAL_P95_MS = 20;
/** Below this share of the target rate the latencies were not measured at the target load. */
const MIN_RATE_SHARE = 0.95;
/** Set (to the server's settings, as JSON) in the child process that serves the API. */
const SERVER_ENV = 'CHIMERA_BENCH_API_SERVER';
const EXAMPLE_CAMPAIGNS = ['content-loop.json', 'spring-drop.json'].map(
  (name) => new URL(`../examples/campaigns/${name}`, import.meta.url),
);

const out = (line = '') => process.stdout.write(`${line}\n`);

/** What the parent tells the server process: where its database is. */
interface ServerSettings {
  databaseUrl: string | undefined;
  dataDir: string;
}

/** What the server process answers once it listens. */
interface ServerReady {
  type: 'ready';
  url: string;
  secret: string;
  seedSeconds: number;
}

/** The part of autocannon 9's API this bench uses. */
interface AutocannonOptions {
  url: string;
  connections: number;
  overallRate: number;
  duration: number;
  headers: Record<string, string>;
}
interface AutocannonResult {
  errors: number;
  timeouts: number;
}
interface AutocannonInstance {
  on(
    event: 'response',
    listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void,
  ): void;
}
type Autocannon = (
  options: AutocannonOptions,
  done: (error: Error | null, result: AutocannonResult) => void,
) => AutocannonInstance;
const cannon = autocannon as Autocannon;

interface Measurement {
  path: string;
  /** Response times of every response, in ms. */
  samples: number[];
  non2xx: Map<number, number>;
  errors: number;
  timeouts: number;
  bytes: number;
  elapsedMs: number;
  /** The server process's CPU time over the run, as a share of one core. */
  serverCpu: number;
}

const pad = (text: string, width: number) => text.padEnd(width);
const num = (value: number, digits: number, width: number) => value.toFixed(digits).padStart(width);

// ---- the server process ----------------------------------------------------------------------

async function serve(settings: ServerSettings): Promise<void> {
  const send = (message: object) =>
    new Promise<void>((resolve, reject) =>
      process.send?.(message, undefined, {}, (error) => (error ? reject(error) : resolve())),
    );
  const config = loadConfig(
    {},
    {
      databaseUrl: settings.databaseUrl,
      dataDir: settings.dataDir,
      logLevel: 'silent',
      httpPort: 0,
      // The per-token limiter would answer 429 well before a minute at 1,000 requests/s.
      apiRateLimit: 1_000_000,
    },
  );
  const app = await openChimera(config, { logger: createLogger('silent'), createDataDir: true });
  let server: Awaited<ReturnType<typeof startHttpServer>> | undefined;
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await server?.close();
      await app.close();
    })();
    return closing;
  };
  process.once('disconnect', () => void close().finally(() => process.exit(0)));
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'cpu') {
      const usage = process.cpuUsage();
      void send({ type: 'cpu', micros: usage.user + usage.system });
      return;
    }
    if (message.type !== 'close') return;
    void close().then(
      () => process.disconnect(),
      (error: unknown) => {
        process.stderr.write(`api-latency server: close failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  });
  const startedAt = performance.now();
  // Realistic data: the examples' agents, campaigns and reviews, CAMPAIGN_ROUNDS times over.
  await seedExamples(app);
  for (let round = 1; round < CAMPAIGN_ROUNDS; round++) {
    for (const file of EXAMPLE_CAMPAIGNS)
      await app.planner.launch(await readJsonFile(file), 'bench');
  }
  await app.runtime.runUntilQuiescent();
  const seedSeconds = (performance.now() - startedAt) / 1000;
  const actor = await app.localActor({ user: 'bench', tenantId: DEFAULT_TENANT });
  const { secret } = await app.operator.tokens.create(actor, {
    role: 'viewer',
    name: 'api-latency bench',
  });
  server = await startHttpServer(app, { host: '127.0.0.1', port: 0 });
  await send({
    type: 'ready',
    url: server.url,
    secret,
    seedSeconds,
  } satisfies ServerReady);
}

// ---- the load generator ----------------------------------------------------------------------

/** The server process's CPU time so far (user + system), in µs. */
function serverCpuMicros(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { type?: string; micros?: number }) => {
      if (message.type !== 'cpu') return;
      child.off('message', onMessage);
      resolve(message.micros ?? Number.NaN);
    };
    child.on('message', onMessage);
    child.send({ type: 'cpu' }, (error) => {
      if (error) reject(error);
    });
  });
}

async function drive(
  child: ChildProcess,
  url: string,
  secret: string,
  seconds: number,
): Promise<Measurement> {
  const samples: number[] = [];
  const non2xx = new Map<number, number>();
  let bytes = 0;
  const cpuBefore = await serverCpuMicros(child);
  const startedAt = performance.now();
  const result = await new Promise<AutocannonResult>((resolve, reject) => {
    const instance = cannon(
      {
        url,
        connections: CONNECTIONS,
        overallRate: RATE,
        duration: seconds,
        headers: { authorization: `Bearer ${secret}` },
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, statusCode, resBytes, responseTime) => {
      samples.push(responseTime);
      bytes += resBytes;
      if (statusCode < 200 || statusCode > 299) {
        non2xx.set(statusCode, (non2xx.get(statusCode) ?? 0) + 1);
      }
    });
  });
  const elapsedMs = performance.now() - startedAt;
  const cpuMicros = (await serverCpuMicros(child)) - cpuBefore;
  return {
    path: new URL(url).pathname,
    samples,
    non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    bytes,
    elapsedMs,
    serverCpu: cpuMicros / 1000 / elapsedMs,
  };
}

/** One GET of each endpoint: its status and how many items it lists. */
async function describeData(url: string, secret: string): Promise<string> {
  const get = async (path: string) => {
    const response = await fetch(`${url}${path}`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  const campaigns = (await get('/api/v1/campaigns')).campaigns as unknown[];
  const reviews = (await get('/api/v1/reviews')).reviews as unknown[];
  const fleet = await get('/api/v1/fleet');
  const agents = fleet.agents as unknown[];
  return `${agents.length} agents, ${campaigns.length} campaigns, ${reviews.length} pending reviews, queue depth ${String(fleet.queue_depth)}`;
}

function startServer(
  settings: ServerSettings,
): Promise<{ child: ChildProcess; ready: ServerReady }> {
  const child = fork(fileURLToPath(import.meta.url), [], {
    env: { ...process.env, [SERVER_ENV]: JSON.stringify(settings) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`the API server process exited (${code}) before it listened`));
    child.once('exit', onExit);
    child.once('error', reject);
    child.on('message', (message: { type?: string }) => {
      if (message.type !== 'ready') return;
      child.off('exit', onExit);
      resolve({ child, ready: message as ServerReady });
    });
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.send({ type: 'close' });
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

function report(measurements: Measurement[]): void {
  out(
    `  ${pad('endpoint', 26)}${'requests'.padStart(9)}${'req/s'.padStart(8)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'max ms'.padStart(9)}${'non-2xx'.padStart(9)}${'errors'.padStart(8)}${'B/resp'.padStart(8)}${'srv CPU'.padStart(9)}  verdict`,
  );
  const missed: string[] = [];
  let slow = false;
  for (const m of measurements) {
    const sorted = [...m.samples].sort((a, b) => a - b);
    const count = sorted.length;
    const rate = count / (m.elapsedMs / 1000);
    const p95 = percentile(sorted, 0.95);
    const non2xx = [...m.non2xx.values()].reduce((sum, each) => sum + each, 0);
    const problems: string[] = [];
    if (!(p95 < GOAL_P95_MS)) problems.push(`p95 ${p95.toFixed(2)} ms ≥ ${GOAL_P95_MS} ms`);
    if (rate < MIN_RATE_SHARE * RATE) {
      slow = true;
      problems.push(`drove only ${rate.toFixed(0)} of the ${RATE} req/s asked`);
    }
    if (non2xx > 0) {
      const codes = [...m.non2xx].map(([code, n]) => `${n}×${code}`).join(', ');
      problems.push(`${non2xx} non-2xx responses (${codes})`);
    }
    if (m.errors > 0) problems.push(`${m.errors} request errors (${m.timeouts} timeouts)`);
    out(
      `  ${pad(`GET ${m.path}`, 26)}${String(count).padStart(9)}${num(rate, 0, 8)}${num(percentile(sorted, 0.5), 2, 9)}${num(p95, 2, 9)}${num(percentile(sorted, 0.99), 2, 9)}${num(sorted[count - 1] ?? Number.NaN, 2, 9)}${String(non2xx).padStart(9)}${String(m.errors).padStart(8)}${num(count ? m.bytes / count : 0, 0, 8)}${`${(100 * m.serverCpu).toFixed(0)}%`.padStart(9)}  ${problems.length ? 'MISSED' : 'ok'}`,
    );
    for (const problem of problems) missed.push(`GOAL MISSED: GET ${m.path}: ${problem}`);
  }
  out();
  if (missed.length === 0) {
    out(
      `  goal met: p95 < ${GOAL_P95_MS} ms on every endpoint at ${RATE} req/s, every response 2xx`,
    );
  }
  for (const line of missed) out(`  ${line}`);
  if (slow) {
    out(
      `  note: where the server fell short of ${RATE} req/s, each connection waited for its response before the next request, so those latencies understate a true ${RATE} req/s`,
    );
  }
}

async function main(): Promise<void> {
  const kind =
    process.env.BENCH_API_DATABASE === 'pglite' || process.env.BENCH_API_DATABASE === 'postgres'
      ? process.env.BENCH_API_DATABASE
      : process.env.DATABASE_URL
        ? 'postgres'
        : 'pglite';
  out(
    `Operator API read latency: GET with a viewer token, ${RATE} req/s over ${CONNECTIONS} connections for ${DURATION_S} s per endpoint after ${WARMUP_S} s of warm-up (goal p95 < ${GOAL_P95_MS} ms)`,
  );
  const database = await createTestDatabase(kind, SERVER_URL);
  try {
    const { child, ready } = await startServer({
      databaseUrl: database.databaseUrl,
      dataDir: database.dataDir,
    });
    try {
      out(
        `  database ${kind === 'postgres' ? 'PostgreSQL server (fresh database)' : 'embedded PGlite (fresh data dir)'}; server ${ready.url} in its own process; node ${process.version}`,
      );
      out(
        `  data: ${await describeData(ready.url, ready.secret)} (examples launched ${CAMPAIGN_ROUNDS}× and run to quiescence in ${ready.seedSeconds.toFixed(1)} s)`,
      );
      out();
      const measurements: Measurement[] = [];
      for (const path of ENDPOINTS) {
        await drive(child, `${ready.url}${path}`, ready.secret, WARMUP_S);
        measurements.push(await drive(child, `${ready.url}${path}`, ready.secret, DURATION_S));
      }
      report(measurements);
    } finally {
      await stopServer(child);
    }
  } finally {
    await database.dispose();
  }
}

const serverSettings = process.env[SERVER_ENV];
if (serverSettings !== undefined && process.send) {
  await serve(JSON.parse(serverSettings) as ServerSettings);
} else {
  await main();
}
