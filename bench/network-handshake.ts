// The agent network for `npm run bench` (issue 13): (1) the hiring handshake's latency on loopback
// and (2) how many heartbeats a second one registry node absorbs. No goals, so figures only, and
// it always exits 0; failed hires and refused heartbeats are printed.
// (1) Two real Chimeras in this process, each on its own PGlite with an HTTP server on 127.0.0.1:
// agent 'ava' on one hires `core.noop` (returns at once, so the time is the protocol's) from the
// other through all four phases, one hire at a time: 5 untimed, then BENCH_HANDSHAKES (100) timed.
// A wrapper round `fetch` stamps each request (sent, headers answered), splitting a hire into
// phases. The provider takes 100 A2A requests a minute from one address (two a hire), so the bench
// waits between hires to stay under it; the waits are not timed, and hires/s counts hire time only.
// (2) HeartbeatRegistry.accept (verification and write) on a fresh PGlite and a fresh database of
// the PostgreSQL server at DATABASE_URL (or the local one), for 200 nodes' heartbeats signed
// beforehand (signing is not timed), each received at its issued_at: a first round registers the
// nodes, then 5 rounds a minute apart one at a time, then 5 more with 8 in flight
// (BENCH_HEARTBEAT_NODES, BENCH_HEARTBEAT_ROUNDS).

import { generateKeyPairSync } from 'node:crypto';
import { startHttpServer } from '../src/api/http-server.js';
import type { ChimeraApp } from '../src/app/chimera-app.js';
import { HEARTBEAT_TTL_MS, type SignedHeartbeat } from '../src/domain/network/heartbeat.js';
import type { HireOutcome } from '../src/network/a2a/hirer.js';
import { A2A_ENDPOINT_PATH } from '../src/network/card/agent-card.js';
import { HeartbeatRegistry } from '../src/network/discovery/heartbeat-registry.js';
import { identityOf, type NodeIdentity } from '../src/network/identity/node-identity.js';
import { signJson } from '../src/network/identity/signed-json.js';
import type { Database } from '../src/store/database.js';
import { openMigratedStore } from '../tests/support/migrated-store.js';
import { openTestApp } from '../tests/support/test-app.js';
import {
  createTestDatabase,
  SERVER_URL,
  type TestDatabase,
} from '../tests/support/test-databases.js';
import { percentile, positiveInt } from './bench-measures.js';

const HANDSHAKES = positiveInt('BENCH_HANDSHAKES', 100);
/** Untimed hires first: the first reads the provider's card and registers its key. */
const WARM_UP_HANDSHAKES = 5;
/** What a node charges for a hire by default (CHIMERA_NETWORK_PRICE_CENTS), in US cents. */
const HIRE_PRICE_CENTS = 25;
/** The CFO's default cap on an agent's spend (commerce/cfo.ts DEFAULT_CAPS), in dollars a day. */
const DEFAULT_DAILY_CAP_DOLLARS = 50;
const HEARTBEAT_NODES = positiveInt('BENCH_HEARTBEAT_NODES', 200);
/** Timed rounds of every node's heartbeat, for each of the two ways of sending them. */
const HEARTBEAT_ROUNDS = positiveInt('BENCH_HEARTBEAT_ROUNDS', 5);
const CONCURRENCY = 8;
/** How often a node beats, so what one registry node's rate serves. */
const HEARTBEAT_EVERY_S = 60;
/** The heartbeats' clock: long past, one round a minute apart. */
const T0 = Date.parse('2020-03-01T12:00:00.000Z');

/** The provider's A2A requests a minute from one address (network/a2a/a2a-routes.ts). */
const A2A_LIMIT_PER_MINUTE = 100;
/** The minute the limit counts over, with a margin for the two clocks (ms). */
const A2A_WINDOW_MS = 60_500;
/** A hire's A2A requests: the hire request and the acceptance. */
const A2A_REQUESTS_PER_HIRE = 2;
/** A hire's phases, as its requests split it. */
const PHASES = [
  "card: fetch the provider's card and JWKS, verify",
  'quote: hire request → signed quote',
  "escrow: check the quote, hirer CFO's approval and reservation",
  'execution: acceptance → run, Judge, signed receipt',
  'settlement: check the receipt, settle the escrow, ledger',
] as const;

const out = (line = '') => process.stdout.write(`${line}\n`);
const ms = (value: number) => value.toFixed(2);

await measureHandshakes();
out();
await measureHeartbeats();

// ---- (1) The handshake ----

/** One node: its database, its Chimera and its HTTP server. */
interface Node {
  database: TestDatabase;
  app: ChimeraApp;
  server: Awaited<ReturnType<typeof startHttpServer>>;
}

type SettledHire = Extract<HireOutcome, { status: 'settled' }>;

/** When each request of the hire under way started and answered (performance.now()). */
interface Stamp {
  method: string;
  url: string;
  started: number;
  answered: number;
}

async function measureHandshakes(): Promise<void> {
  const hires = WARM_UP_HANDSHAKES + HANDSHAKES;
  const costDollars = (hires * HIRE_PRICE_CENTS) / 100;
  const [hirerNode, providerNode] = await Promise.all([startNode(), startNode()]);
  const stamps: Stamp[] = [];
  /** When each A2A request was sent, over the whole run: what the provider's limit counts. */
  const a2aSent: number[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    // Read without building a Request, which would consume a Request's body.
    const stamp = {
      method: init?.method ?? (input instanceof Request ? input.method : 'GET'),
      url: input instanceof Request ? input.url : String(input),
      started: performance.now(),
    };
    if (isA2a(stamp)) a2aSent.push(stamp.started);
    const response = await realFetch(input, init);
    stamps.push({ ...stamp, answered: performance.now() });
    return response;
  };
  try {
    await hirerNode.app.store.agents.upsert({
      id: 'ava',
      name: 'ava',
      niche: 'bench',
      // Room for every hire when the CFO's default cap would not hold them.
      persona:
        costDollars > DEFAULT_DAILY_CAP_DOLLARS
          ? {
              budgets: [
                { period: 'daily', category: 'all', limit: String(Math.ceil(costDollars * 2)) },
              ],
            }
          : {},
      status: 'active',
    });
    const hirer = await hirerNode.app.market.hirer();
    const hire = (): Promise<HireOutcome | Error> =>
      hirer
        .hire({
          tenantId: 'default',
          agentId: 'ava',
          providerUrl: providerNode.server.url,
          skill: 'core.noop',
          input: { confidence: 1 },
        })
        .catch((error: Error) => error);
    const failures: string[] = [];
    const settled: SettledHire[] = [];
    let awaitingApproval = 0;
    const check = (name: string, outcome: HireOutcome | Error) => {
      if (outcome instanceof Error) failures.push(`${name} threw: ${outcome.message}`);
      else if (outcome.status === 'settled') settled.push(outcome);
      else {
        if (outcome.status === 'awaiting-approval') awaitingApproval++;
        failures.push(`${name} ${outcome.status}: ${outcome.reason}`);
      }
    };
    for (let index = 1; index <= WARM_UP_HANDSHAKES; index++) {
      await withinA2aLimit(a2aSent);
      check(`warm-up hire ${index}`, await hire());
    }
    const timedFrom = settled.length;
    const timedFailuresFrom = failures.length;
    const totals: number[] = [];
    const phases: number[][] = PHASES.map(() => []);
    const runStarted = performance.now();
    let waitedMs = 0;
    for (let index = 1; index <= HANDSHAKES; index++) {
      waitedMs += await withinA2aLimit(a2aSent);
      stamps.length = 0;
      const started = performance.now();
      const outcome = await hire();
      const ended = performance.now();
      totals.push(ended - started);
      check(`hire ${index}`, outcome);
      const split = phasesOf(stamps, started, ended);
      for (const [phase, value] of split?.entries() ?? []) phases[phase]?.push(value);
    }
    const wallSeconds = (performance.now() - runStarted) / 1000;
    const hiringSeconds = totals.reduce((sum, value) => sum + value, 0) / 1000;
    const risks = await escrowRisks(hirerNode.app, settled);
    const timedSettled = settled.length - timedFrom;

    out(
      `Hiring handshake on loopback: agent 'ava' hires core.noop from a second node in this process, all four phases, ${HANDSHAKES} hires one after another after ${WARM_UP_HANDSHAKES} untimed (both nodes on PGlite)`,
    );
    out(
      '| hires | settled | awaiting approval | failed | p50 ms | p95 ms | max ms | hires/s back to back |',
    );
    out('|---|---|---|---|---|---|---|---|');
    out(
      `| ${HANDSHAKES} | ${timedSettled} | ${awaitingApproval} | ${failures.length - timedFailuresFrom} | ${ms(percentile(totals, 0.5))} | ${ms(percentile(totals, 0.95))} | ${ms(Math.max(...totals))} | ${(HANDSHAKES / hiringSeconds).toFixed(1)} |`,
    );
    for (const line of failures) out(`  FAILED ${line}`);
    out(
      `  hires/s counts the hires' own time. The provider takes ${A2A_LIMIT_PER_MINUTE} A2A requests a minute from one address (two a hire), so the bench waits between hires to stay under it: ${(waitedMs / 1000).toFixed(1)} s of the ${wallSeconds.toFixed(1)} s the timed hires took.`,
    );
    out(
      `  The hirer CFO's risk for each escrow: ${risks.first.toFixed(3)} for the first, at most ${risks.max.toFixed(3)} after (a person is asked over 0.7).`,
    );
    out();
    out(`Where a hire's time goes (${phases[0]?.length ?? 0} hires split by their requests)`);
    out('| phase | p50 ms | p95 ms | share of the mean |');
    out('|---|---|---|---|');
    const meanTotal = phases.reduce((sum, values) => sum + mean(values), 0);
    PHASES.forEach((name, phase) => {
      const values = phases[phase] ?? [];
      out(
        `| ${name} | ${ms(percentile(values, 0.5))} | ${ms(percentile(values, 0.95))} | ${((100 * mean(values)) / meanTotal).toFixed(0)}% |`,
      );
    });
  } finally {
    globalThis.fetch = realFetch;
    await stopNode(hirerNode);
    await stopNode(providerNode);
  }
}

/**
 * The phases of one hire from its requests' stamps: up to the first A2A POST (the card), that
 * POST (the quote), up to the second (the escrow), the second (execution) and after it
 * (settlement); undefined when the hire did not make two A2A POSTs.
 */
function phasesOf(stamps: readonly Stamp[], started: number, ended: number): number[] | undefined {
  const posts = stamps.filter(isA2a);
  const [quote, acceptance] = posts;
  if (posts.length !== 2 || !quote || !acceptance) return undefined;
  return [
    quote.started - started,
    quote.answered - quote.started,
    acceptance.started - quote.answered,
    acceptance.answered - acceptance.started,
    ended - acceptance.answered,
  ];
}

/** Whether a request went to a provider's A2A endpoint. */
function isA2a(stamp: Pick<Stamp, 'method' | 'url'>): boolean {
  return stamp.method === 'POST' && new URL(stamp.url).pathname === A2A_ENDPOINT_PATH;
}

/**
 * Waits until one more hire's A2A requests fit the provider's per-address limit, counted over
 * any minute (the limiter's fixed windows then hold them too); returns how long it waited (ms).
 */
async function withinA2aLimit(sent: readonly number[]): Promise<number> {
  const started = performance.now();
  for (;;) {
    const now = performance.now();
    const recent = sent.filter((at) => at > now - A2A_WINDOW_MS);
    if (recent.length + A2A_REQUESTS_PER_HIRE <= A2A_LIMIT_PER_MINUTE) break;
    const oldest = Math.min(...recent);
    await new Promise((resolve) => setTimeout(resolve, oldest + A2A_WINDOW_MS - now + 1));
  }
  return performance.now() - started;
}

/** The CFO's risk score for the escrow of the first settled hire, and the highest of all. */
async function escrowRisks(
  app: ChimeraApp,
  settled: readonly SettledHire[],
): Promise<{ first: number; max: number }> {
  const risks: number[] = [];
  for (const outcome of settled) {
    const quoteId = outcome.receipt.receipt.extensions.chimera.quote_id;
    const request = await app.store.cfo.getRequest(`a2a-escrow:${quoteId}`);
    if (request) risks.push(request.decision.risk_score);
  }
  return { first: risks[0] ?? Number.NaN, max: risks.length ? Math.max(...risks) : Number.NaN };
}

async function startNode(): Promise<Node> {
  const database = await createTestDatabase('pglite');
  const app = await openTestApp(database);
  const server = await startHttpServer(app, { host: '127.0.0.1', port: 0 });
  return { database, app, server };
}

async function stopNode(node: Node): Promise<void> {
  await node.server.close();
  await node.app.close();
  await node.database.dispose();
}

function mean(values: readonly number[]): number {
  return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : 0;
}

// ---- (2) Heartbeats ----

/** One way of sending the heartbeats, as measured. */
interface Accepts {
  label: string;
  accepted: number;
  refused: number;
  /** The first refusal's reason and message, if any. */
  firstRefusal: string | undefined;
  perSecond: number;
  p50: number;
  p95: number;
}

async function measureHeartbeats(): Promise<void> {
  const identities = await Promise.all(
    Array.from({ length: HEARTBEAT_NODES }, () =>
      identityOf(generateKeyPairSync('ed25519').privateKey),
    ),
  );
  // Round 0 registers the nodes; then the timed rounds, one at a time and then 8 in flight.
  const rounds = await Promise.all(
    Array.from({ length: 1 + 2 * HEARTBEAT_ROUNDS }, (_, round) => signedRound(identities, round)),
  );
  const [first = [], ...later] = rounds;
  const sequential = later.slice(0, HEARTBEAT_ROUNDS).flat();
  const concurrent = later.slice(HEARTBEAT_ROUNDS).flat();

  out(
    `Heartbeats absorbed by one registry node: HeartbeatRegistry.accept (verification and write) of ${HEARTBEAT_NODES} nodes' heartbeats signed beforehand, ${HEARTBEAT_ROUNDS} rounds a minute apart each way`,
  );
  out(
    '| Database | sending | accepted | refused | heartbeats/s | p50 ms | p95 ms | nodes at one beat a minute |',
  );
  out('|---|---|---|---|---|---|---|---|');
  const refusals: string[] = [];
  for (const kind of ['pglite', 'postgres'] as const) {
    const testDatabase = await createTestDatabase(kind, SERVER_URL);
    const { database, store } = await openMigratedStore(testDatabase);
    try {
      const registry = new HeartbeatRegistry(store.network);
      const label = await databaseLabel(database);
      for (const result of [
        await accepts(registry, first, 1, 'first beats (registration), 1 at a time'),
        await accepts(registry, sequential, 1, '1 at a time'),
        await accepts(registry, concurrent, CONCURRENCY, `${CONCURRENCY} in flight`),
      ]) {
        out(
          `| ${label} | ${result.label} | ${result.accepted} | ${result.refused} | ${result.perSecond.toFixed(0)} | ${ms(result.p50)} | ${ms(result.p95)} | ${Math.floor(result.perSecond * HEARTBEAT_EVERY_S).toLocaleString('en')} |`,
        );
        if (result.firstRefusal) {
          refusals.push(`${label}, ${result.label}: first refused as ${result.firstRefusal}`);
        }
      }
    } finally {
      await database.close();
      await testDatabase.dispose();
    }
  }
  for (const line of refusals) out(`  REFUSED ${line}`);
  out(
    `  Nodes at one beat a minute: heartbeats/s × ${HEARTBEAT_EVERY_S}, the nodes one registry node keeps listed at that rate, each beating every ${HEARTBEAT_EVERY_S} s.`,
  );
}

/** Every node's heartbeat of round `round`, issued `round` minutes after T0, signed. */
function signedRound(
  identities: readonly NodeIdentity[],
  round: number,
): Promise<SignedHeartbeat[]> {
  const issuedAt = new Date(T0 + round * HEARTBEAT_EVERY_S * 1000).toISOString();
  return Promise.all(
    identities.map(async (identity, index) => {
      const heartbeat: SignedHeartbeat['heartbeat'] = {
        node_id: identity.nodeId,
        capabilities: ['core.noop', 'scout.analyze'],
        reputation_score: 50,
        endpoint: `http://node-${index}.chimera.internal:8080`,
        status: 'ready',
        issued_at: issuedAt,
        ttl_s: HEARTBEAT_TTL_MS / 1000,
      };
      const { kty, crv, x } = identity.publicJwk as SignedHeartbeat['public_jwk'];
      return {
        heartbeat,
        signature: await signJson(identity, heartbeat),
        public_jwk: { kty, crv, x },
      };
    }),
  );
}

/** Accepts `heartbeats` in order, `inFlight` at a time, each received when it was issued. */
async function accepts(
  registry: HeartbeatRegistry,
  heartbeats: readonly SignedHeartbeat[],
  inFlight: number,
  label: string,
): Promise<Accepts> {
  const timings: number[] = [];
  let accepted = 0;
  let firstRefusal: string | undefined;
  let next = 0;
  const worker = async () => {
    while (next < heartbeats.length) {
      const signed = heartbeats[next++] as SignedHeartbeat;
      const started = performance.now();
      const answer = await registry.accept(signed, new Date(signed.heartbeat.issued_at));
      timings.push(performance.now() - started);
      if (answer.accepted) accepted++;
      else firstRefusal ??= `${answer.reason}: ${answer.message}`;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  const seconds = (performance.now() - started) / 1000;
  return {
    label,
    accepted,
    refused: heartbeats.length - accepted,
    firstRefusal,
    perSecond: heartbeats.length / seconds,
    p50: percentile(timings, 0.5),
    p95: percentile(timings, 0.95),
  };
}

async function databaseLabel(database: Database): Promise<string> {
  if (database.kind === 'embedded') return 'PGlite';
  const version = await database.pool.query<{ server_version: string }>('SHOW server_version');
  return `PostgreSQL ${version.rows[0]?.server_version.split(' ')[0] ?? '?'}`;
}
