// Issue 13 §3, FR-NET-003: an agent on node A hires node B's Scout through the four phases on A2A
// tasks: verification (signed request), negotiation (B's signed quote; A's CFO approves and holds
// the escrow), execution (B runs the skill, its Judge scores it ≥ 0.8) and settlement (B's signed
// x402-shaped receipt; A's escrow is released to B; both ledgers record the receipt and verify).
// Two real Chimeras, each with its own embedded database, talk over loopback HTTP.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHttpServer, startHttpServer } from '../src/api/http-server.js';
import type { ChimeraApp } from '../src/app/chimera-app.js';
import { SETTLEMENT_REQUEST_TYPE } from '../src/commerce/cfo.js';
import { addAgent, openTestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-databases.js';

interface Node {
  database: TestDatabase;
  app: ChimeraApp;
  server: RunningHttpServer;
}

async function startNode(): Promise<Node> {
  const database = await createTestDatabase('pglite');
  const app = await openTestApp(database);
  const server = await startHttpServer(app, { host: '127.0.0.1', port: 0 });
  return { database, app, server };
}

async function stopNode(node: Node | undefined): Promise<void> {
  await node?.server.close();
  await node?.app.close();
  await node?.database.dispose();
}

const SCOUT_INPUT = { niche: 'sustainable streetwear', goal: 'Tease the spring capsule drop' };

describe('hiring a Scout on another node', () => {
  let hirerNode: Node;
  let providerNode: Node;

  beforeAll(async () => {
    [hirerNode, providerNode] = await Promise.all([startNode(), startNode()]);
    await addAgent(hirerNode.app, 'ava');
  }, 120_000);
  afterAll(async () => {
    await stopNode(hirerNode);
    await stopNode(providerNode);
  });

  it('goes through all four phases, and both ledgers record the same settlement', async () => {
    const hirer = await hirerNode.app.market.hirer();
    const outcome = await hirer.hire({
      tenantId: 'default',
      agentId: 'ava',
      providerUrl: providerNode.server.url,
      skill: 'scout.analyze',
      input: SCOUT_INPUT,
    });

    expect(outcome).toMatchObject({ status: 'settled' });
    if (outcome.status !== 'settled') return;
    expect(outcome.output).toHaveProperty('trends');
    const { receipt } = outcome.receipt;
    const provider = await providerNode.app.nodeIdentity();
    const hirerId = (await hirerNode.app.nodeIdentity()).nodeId;
    expect(receipt).toMatchObject({
      success: true,
      network: 'chimera:ledger',
      asset: 'USD',
      amount: '25',
      payer: hirerId,
      payTo: provider.nodeId,
    });
    expect(receipt.extensions.chimera.quality).toBeGreaterThanOrEqual(0.8);

    // Each side's record went through the phases to settled, each move traced.
    for (const [node, role] of [
      [hirerNode, 'hirer'],
      [providerNode, 'provider'],
    ] as const) {
      const record = await node.app.store.handshakes.get(role, outcome.taskId);
      expect(record).toMatchObject({ phase: 'settled', state_version: 3 });
      const moves = await node.app.store.traces.listByTask(outcome.taskId);
      expect(
        moves.filter((event) => event.kind === 'handshake-move').map((event) => event.outcome),
      ).toEqual(['execution', 'settlement', 'settled']);
    }
    // The escrow moved from reserved to spent.
    const escrow = await hirerNode.app.store.cfo.getRequest(
      `a2a-escrow:${receipt.extensions.chimera.quote_id}`,
    );
    expect(escrow).toMatchObject({ status: 'settled', request_type: 'agent_payment' });

    // Both ledgers hold the settlement under the receipt's transaction, for the same amount,
    // and verify end to end.
    const settlements = await Promise.all(
      [hirerNode, providerNode].map(async (node) =>
        (await node.app.store.cfo.listLedger()).filter(
          (entry) => entry.request_type === SETTLEMENT_REQUEST_TYPE,
        ),
      ),
    );
    for (const entries of settlements) {
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        tx_id: receipt.transaction,
        amount: '25',
        currency: 'USD',
      });
    }
    for (const node of [hirerNode, providerNode]) {
      const actor = await node.app.localActor({ user: 'auditor' });
      expect(await node.app.operator.money.verifyLedger(actor)).toMatchObject({ ok: true });
    }
  });
});
