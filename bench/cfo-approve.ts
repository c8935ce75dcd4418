// cfo.approve latency for `npm run bench`: p50 and p95 of one decision (validate, lock the budget
// rows, decide, sign, append to the ledger, reserve) one request at a time, on embedded PGlite
// and on the PostgreSQL server. Goal: p95 < 5 ms embedded; the spec requires < 300 ms.

import { generateKeyPairSync } from 'node:crypto';
import { openChimera } from '../src/app/chimera-app.js';
import { Cfo } from '../src/commerce/cfo.js';
import { loadConfig } from '../src/config/config.js';
import { createLogger } from '../src/observability/logger.js';
import { createTestDatabase } from '../tests/support/test-databases.js';
import { percentile } from './bench-measures.js';

const REQUESTS = Number(process.env.BENCH_CFO_REQUESTS ?? 1_000);
const out = (line = '') => process.stdout.write(`${line}\n`);

async function measure(kind: 'pglite' | 'postgres'): Promise<void> {
  const database = await createTestDatabase(kind);
  const config = loadConfig(
    {},
    { databaseUrl: database.databaseUrl, dataDir: database.dataDir, logLevel: 'silent' },
  );
  const app = await openChimera(config, { logger: createLogger('silent'), createDataDir: true });
  try {
    // Caps high enough that every request is decided in full and approved.
    await app.store.agents.upsert({
      id: 'bench',
      name: 'bench',
      niche: 'bench',
      persona: { budgets: [{ period: 'daily', category: 'all', limit: '1000000000' }] },
      status: 'active',
    });
    const cfo = new Cfo({
      store: app.store,
      key: { keyId: 'bench', ...generateKeyPairSync('ed25519') },
    });
    const durations: number[] = [];
    for (let index = 0; index < REQUESTS + 50; index++) {
      const startedAt = performance.now();
      await cfo.approve({
        request_id: `bench-${index}`,
        agent_id: 'bench',
        request_type: 'api_call',
        amount: '0.25',
        currency: 'USD',
        justification: 'bench',
      });
      // The first 50 warm up connections and plans.
      if (index >= 50) durations.push(performance.now() - startedAt);
    }
    out(
      `  ${kind.padEnd(8)} p50 ${percentile(durations, 0.5).toFixed(2)} ms, p95 ${percentile(durations, 0.95).toFixed(2)} ms (${REQUESTS} requests one at a time; goal p95 < 5 ms embedded, spec < 300 ms)`,
    );
  } finally {
    await app.close();
    await database.dispose();
  }
}

out('cfo.approve latency (decide, sign, ledger, reserve in one transaction):');
await measure('pglite');
await measure('postgres');
