// SK-PAY-001, FR-WALLET-004, FR-CFO-009, FR-CFO-010: an agent pays another agent's wallet
// through the wallet MCP server, once, after the CFO and the Judge approve; the Planner holds a
// payment its wallet cannot cover until the wallet is funded; a payment over $20 waits for a
// person; no agent can touch another agent's wallet. Same suite on both adapters.

import { describe, expect, it } from 'vitest';
import { postgresWalletStore } from '../src/app/hub-servers.js';
import { formatSummary } from '../src/cli/run-summary.js';
import { money, parseMoney } from '../src/domain/money.js';
import { openLocalWalletStore } from '../src/mcp/servers/wallet/open-wallet-backend.js';
import { localOperator } from './support/api-fixture.js';
import { campaignOf, singleStep, useTestApp } from './support/test-app.js';
import { ADAPTERS } from './support/test-databases.js';

describe.each(ADAPTERS)('payments from agent wallets on %s', (kind) => {
  const suite = useTestApp(kind);

  async function wallets() {
    return openLocalWalletStore(
      postgresWalletStore(suite.app.database.pool),
      suite.app.config,
      true,
    );
  }

  async function agent(id: string, usdc?: string) {
    await suite.app.store.agents.upsert({
      id,
      name: id,
      niche: 'testing',
      persona: {},
      status: 'active',
    });
    const store = await wallets();
    if (usdc) await store.fund(id, parseMoney(usdc, 'USDC'));
    return (await store.getBalance(id, 'USDC')).address;
  }

  async function balance(id: string) {
    return (await (await wallets()).getBalance(id, 'USDC')).units;
  }

  async function pay(from: string, to: string, amount: string) {
    const campaign = await suite.app.planner.launch(
      campaignOf(singleStep('pay_agent', { to, amount, memo: 'for the trend report' }), [from]),
    );
    await suite.app.runtime.runUntilQuiescent();
    const [task] = await suite.app.store.tasks.listByCampaign(campaign.id);
    return { campaign, task: task! };
  }

  async function spendOf(taskId: string) {
    const { rows } = await suite.app.database.pool.query(
      `SELECT request_type, counterparty, status, budget_amount FROM spend_requests
        WHERE task_id = $1`,
      [taskId],
    );
    return rows;
  }

  it('pays once after approval, settles the CFO reservation, and moves the money', async () => {
    await agent('payer', '10');
    const payee = await agent('payee');
    const { task } = await pay('payer', payee, '2.50');
    expect(task.status).toBe('done');
    expect(await balance('payer')).toBe(7_500_000n);
    expect(await balance('payee')).toBe(2_500_000n);
    expect(await spendOf(task.id)).toEqual([
      {
        request_type: 'agent_payment',
        counterparty: payee,
        status: 'settled',
        budget_amount: '2500000',
      },
    ]);
    const [effect] = await suite.app.database.pool
      .query(`SELECT status, result FROM effects WHERE task_id = $1`, [task.id])
      .then((result) => result.rows);
    expect(effect).toMatchObject({
      status: 'performed',
      result: { replayed: false, amount: '2.50' },
    });
    // The same transfer again (a performer retried after a crash) replays the wallet's first
    // transaction: no second payment, and no second charge against the budget.
    const tools = suite.app.services.toolsFor({
      agentId: 'payer',
      specId: 'SK-PAY-001',
      taskId: task.id,
      campaignId: task.campaign_id,
      attempt: 2,
    });
    const replay = await tools.callTool(
      'wallet',
      'transfer',
      (task.output as { transfer: Record<string, unknown> }).transfer,
    );
    expect(replay).toMatchObject({ replayed: true });
    expect(await balance('payer')).toBe(7_500_000n);
    expect(await spendOf(task.id)).toHaveLength(1);
  });

  it('holds a payment the wallet cannot cover, and queues it once the wallet is funded', async () => {
    const payee = await agent('landlord');
    await agent('tenant', '1');
    const { campaign, task } = await pay('tenant', payee, '5');
    expect(task.status).toBe('pending');
    expect(task.hold_reason).toBe(
      "the wallet holds 1.00 USDC, short of the 5.00 USDC this task pays; fund agent tenant's wallet",
    );
    const holds = (await suite.app.store.traces.listByTask(task.id)).filter(
      (event) => event.kind === 'task-hold',
    );
    expect(holds).toEqual([expect.objectContaining({ outcome: 'balance-short' })]);
    expect((await suite.app.store.campaigns.get(campaign.id))?.status).toBe('active');
    const lines = formatSummary(await suite.app.operator.status.summary(localOperator('default')));
    expect(lines).toContain(`  held tenant/only: ${task.hold_reason}`);

    await (await wallets()).fund('tenant', money(10_000_000n, 'USDC'));
    await suite.app.runtime.runUntilQuiescent();
    const paid = await suite.app.store.tasks.get(task.id);
    expect(paid).toMatchObject({ status: 'done', hold_reason: null });
    expect(await balance('tenant')).toBe(6_000_000n);
    expect(await balance('landlord')).toBe(5_000_000n);
  });

  it('waits for a person before paying over $20, then pays once approved', async () => {
    await agent('patron', '100');
    const artist = await agent('artist');
    const { task } = await pay('patron', artist, '25');
    expect(task.status).toBe('awaiting_review');
    expect(await balance('patron')).toBe(100_000_000n);
    const [item] = (await suite.app.reviews.listPending()).filter((i) => i.task.id === task.id);
    expect(item?.review.kind).toBe('spend');
    expect(item?.spend).toMatchObject({ request_type: 'agent_payment', amount: '25000000' });

    await suite.app.reviews.approve(item!.review.id, 'olivia');
    await suite.app.runtime.runUntilQuiescent();
    expect((await suite.app.store.tasks.get(task.id))?.status).toBe('done');
    expect(await balance('patron')).toBe(75_000_000n);
    expect(await balance('artist')).toBe(25_000_000n);
    expect(await spendOf(task.id)).toEqual([expect.objectContaining({ status: 'settled' })]);
  });

  it("refuses a tool call made for another agent's wallet", async () => {
    await agent('mallory');
    const tools = suite.app.services.toolsFor({
      agentId: 'mallory',
      specId: 'SK-PAY-001',
      taskId: crypto.randomUUID(),
      campaignId: crypto.randomUUID(),
      attempt: 1,
    });
    await expect(
      tools.callTool('wallet', 'get_balance', { agent_id: 'patron', currency: 'USDC' }),
    ).rejects.toMatchObject({
      code: 'MCP_TOOL_DENIED',
      message: expect.stringContaining('agent_id must be the calling agent'),
    });
  });
});
