// Issue 13 §5: a node's reputation is computed from evidence with the seed's formula and stored
// with its inputs; a hiring agent prefers the peer with the higher reputation and falls back to
// the next when one refuses.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHttpServer, startHttpServer } from '../src/api/http-server.js';
import type { ChimeraApp } from '../src/app/chimera-app.js';
import { HeartbeatPublisher } from '../src/network/discovery/heartbeat-publisher.js';
import { HeartbeatRegistry } from '../src/network/discovery/heartbeat-registry.js';
import { recomputeReputation } from '../src/network/discovery/node-reputation.js';
import type { NodeIdentity } from '../src/network/identity/node-identity.js';
import { ManualClock } from './support/manual-clock.js';
import { addAgent, openTestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-databases.js';

const MINUTE = 60_000;

/** A provider's finished hire, as its handshake record keeps it. */
function finishedHire(
  taskId: string,
  outcome: { settled: true; durationMs: number; quality: number } | { settled: false },
) {
  return {
    role: 'provider' as const,
    task_id: taskId,
    counterparty: 'h'.repeat(43),
    tenant_id: null,
    agent_id: null,
    skill: 'scout.analyze',
    input: {},
    phase: outcome.settled ? ('settled' as const) : ('refunded' as const),
    quote: null,
    escrow_request_id: null,
    result: null,
    receipt: outcome.settled
      ? {
          receipt: {
            success: true as const,
            transaction: `a2a-settlement:${taskId}`,
            network: 'chimera:ledger' as const,
            asset: 'USD' as const,
            amount: '25',
            payer: 'h'.repeat(43),
            payTo: 'p'.repeat(43),
            extensions: {
              chimera: {
                task_id: taskId,
                quote_id: crypto.randomUUID(),
                skill: 'scout.analyze',
                quality: outcome.quality,
                duration_ms: outcome.durationMs,
                settled_at: new Date().toISOString(),
              },
            },
          },
          signature: { protected: 'e30', signature: 'c2ln' },
        }
      : null,
    failure: outcome.settled ? null : 'quality 0.6 is below 0.8',
    created_at: new Date(),
  };
}

describe('reputation from evidence', () => {
  let database: TestDatabase;
  let app: ChimeraApp;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    app = await openTestApp(database);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  it('is computed with the seed formula from beats and hires, and stored with its inputs', async () => {
    const identity = await app.nodeIdentity();
    const start = new Date();
    const clock = new ManualClock(start);
    const publisher = new HeartbeatPublisher({
      identity,
      endpoint: 'http://node.chimera.internal:7420',
      capabilities: () => ['scout.analyze'],
      registry: new HeartbeatRegistry(app.store.network),
      now: () => clock.now(),
    });
    // Up 20 minutes, beating in 15 of them (five missed).
    for (let minute = 0; minute < 20; minute++) {
      if (minute % 4 !== 3) await publisher.beat();
      await clock.advance(MINUTE);
    }
    // Three hires settled (1,000, 1,250 and 1,500 ms; quality 0.9, 0.8, 1) and one refunded.
    const runs = [
      { durationMs: 1_000, quality: 0.9 },
      { durationMs: 1_250, quality: 0.8 },
      { durationMs: 1_500, quality: 1 },
    ];
    for (const run of runs) {
      await app.store.handshakes.open(finishedHire(crypto.randomUUID(), { settled: true, ...run }));
    }
    await app.store.handshakes.open(finishedHire(crypto.randomUUID(), { settled: false }));

    const reputation = await recomputeReputation(app.store, identity.nodeId, clock.now());

    expect(reputation.inputs).toEqual({
      hires: 4,
      succeeded: 3,
      medianResponseMs: 1_250,
      heartbeatsExpected: 20,
      heartbeatsSeen: 15,
      meanQuality: 0.9,
    });
    // Fractions: success 0.75, response (2000 − 1250) / 1500 = 0.5, uptime 0.75, quality 0.9.
    expect(reputation.components).toEqual({
      successRate: 0.75,
      responseTime: 0.5,
      uptime: 0.75,
      satisfaction: 0.9,
    });
    // 100 × (0.4·0.75 + 0.3·0.5 + 0.2·0.75 + 0.1·0.9) = 69
    expect(reputation.score).toBe(69);
    expect(await app.store.network.latestReputation(identity.nodeId)).toBe(69);
    const stored = await app.database.pool.query(
      'SELECT score, inputs, components FROM network_reputation WHERE node_id = $1',
      [identity.nodeId],
    );
    expect(stored.rows).toEqual([
      { score: 69, inputs: reputation.inputs, components: reputation.components },
    ]);
  });
});

describe('choosing a provider', () => {
  let databases: TestDatabase[];
  let hirer: ChimeraApp;
  let providers: Array<{ app: ChimeraApp; server: RunningHttpServer; identity: NodeIdentity }>;

  beforeAll(async () => {
    databases = await Promise.all([1, 2, 3].map(() => createTestDatabase('pglite')));
    const [hirerApp, ...providerApps] = await Promise.all(
      databases.map((database) => openTestApp(database)),
    );
    hirer = hirerApp as ChimeraApp;
    providers = await Promise.all(
      providerApps.map(async (app) => ({
        app,
        server: await startHttpServer(app, { host: '127.0.0.1', port: 0 }),
        identity: await app.nodeIdentity(),
      })),
    );
    await addAgent(hirer, 'ava');
  }, 120_000);
  afterAll(async () => {
    for (const provider of providers ?? []) {
      await provider.server.close();
      await provider.app.close();
    }
    await hirer?.close();
    for (const database of databases ?? []) await database.dispose();
  });

  it('prefers the higher reputation, and falls back when that provider refuses', async () => {
    const [trusted, other] = providers as [(typeof providers)[0], (typeof providers)[0]];
    // Both beat into the hirer's registry: the trusted one at 90, the other at 60.
    for (const [provider, reputation] of [
      [trusted, 90],
      [other, 60],
    ] as const) {
      await new HeartbeatPublisher({
        identity: provider.identity,
        endpoint: provider.server.url,
        capabilities: () => ['scout.analyze'],
        reputation: () => reputation,
        registry: new HeartbeatRegistry(hirer.store.network),
      }).beat();
    }
    const order = {
      tenantId: 'default',
      agentId: 'ava',
      skill: 'scout.analyze',
      input: { niche: 'sustainable streetwear', goal: 'Tease the spring capsule drop' },
    };
    const market = await hirer.market.hirer();

    const first = await market.hireFromNetwork(order);
    expect(first).toMatchObject({ status: 'settled', providers: [trusted.identity.nodeId] });

    // The trusted provider goes to sleep: its 503 sends the hire to the other one.
    await trusted.app.store.network.setSleeping(trusted.identity.nodeId, true, 'test', new Date());
    const second = await market.hireFromNetwork(order);
    expect(second).toMatchObject({
      status: 'settled',
      providers: [trusted.identity.nodeId, other.identity.nodeId],
    });
    if (second.status === 'settled')
      expect(second.receipt.receipt.payTo).toBe(other.identity.nodeId);
  });
});
