// FR-CFO-009, FR-CFO-010: every model call and priced tool call of an agent's task goes through
// cfo.approve against the agent's caps and is settled at its actual cost; a refusal fails the
// task for good; an escalated spend waits in the review queue as a spend, where approval resumes
// the task and rejection fails it with the reviewer's reason. The operator list of reviews reads
// the same task, result and request. Same suite on both adapters.

import { describe, expect, it } from 'vitest';
import { cfoKeyPath, loadCfoKey } from '../src/commerce/cfo-key.js';
import { verifyChain } from '../src/commerce/ledger-chain.js';
import { BUNDLED_TOOL_PRICES } from '../src/commerce/tool-prices.js';
import { DEFAULT_TENANT } from '../src/domain/actor.js';
import { money } from '../src/domain/money.js';
import { addPersonas, contentLoop } from './support/content-loop.js';
import { campaignOf, useTestApp } from './support/test-app.js';
import { ADAPTERS } from './support/test-databases.js';

/** $25 an image: over the $20 a person must approve. */
const DEAR_IMAGES = {
  'media.render_image': {
    ...BUNDLED_TOOL_PRICES['media.render_image']!,
    estimate: () => ({ amount: money(25_000_000n, 'USDC') }),
  },
};

describe.each(ADAPTERS)('the cost governor on %s', (kind) => {
  const suite = useTestApp(kind, { toolPrices: DEAR_IMAGES });

  /** Saves a copy of the example persona `from` as agent `id`, with `budgets` when given. */
  async function agentLike(id: string, from: string, budgets?: unknown[]) {
    const source = (await suite.app.store.agents.get(from))!;
    await suite.app.store.agents.upsert({
      ...source,
      id,
      persona: { ...source.persona, ...(budgets && { budgets }) },
    });
  }

  async function runLoop(agentId: string, through: 'brief' | 'asset') {
    const campaign = await suite.app.planner.launch(
      campaignOf(contentLoop({ through }), [agentId], 'Tease the spring capsule drop'),
    );
    await suite.app.runtime.runUntilQuiescent();
    const tasks = await suite.app.store.tasks.listByCampaign(campaign.id);
    return Object.fromEntries(tasks.map((task) => [task.step_key, task]));
  }

  async function spendRequests(agentId: string) {
    const { rows } = await suite.app.database.pool.query(
      `SELECT request_id, request_type, amount, currency, budget_amount, status,
              decision->>'decision' AS decision
         FROM spend_requests WHERE agent_id = $1 ORDER BY created_at, request_id`,
      [agentId],
    );
    return rows as Array<Record<string, string>>;
  }

  async function budget(agentId: string) {
    const [row] = (await suite.app.store.cfo.listCurrentBudgets(agentId)).filter(
      (line) => line.period === 'daily' && line.category === 'all',
    );
    return row!;
  }

  it('charges the model call through cfo.approve and settles its actual tokens', async () => {
    await addPersonas(suite.app);
    await agentLike('payer', 'ava');
    const tasks = await runLoop('payer', 'brief');
    expect(tasks.brief?.status).toBe('done');
    const requests = await spendRequests('payer');
    expect(requests).toEqual([
      expect.objectContaining({
        request_id: expect.stringMatching(new RegExp(`^cost:${tasks.brief!.id}:model:\\w+#1$`)),
        request_type: 'api_call',
        currency: 'USDC',
        status: 'settled',
        decision: 'approve',
      }),
    ]);
    // The estimate assumed the maximum output; the settlement counts the tokens used.
    const row = await budget('payer');
    expect(row.reserved).toBe(0n);
    expect(row.spent).toBeGreaterThan(0n);
    expect(row.spent).toBeLessThan(BigInt(requests[0]!.budget_amount!));
    const ledger = await suite.app.store.cfo.listLedger();
    expect(ledger.filter((entry) => entry.agent_id === 'payer')).toHaveLength(1);
  });

  it('fails the task for good with the CFO reason when a cost would break the cap', async () => {
    await agentLike('broke', 'ava', [{ period: 'daily', limit: '0.000001' }]);
    const tasks = await runLoop('broke', 'brief');
    expect(tasks.brief?.status).toBe('failed');
    expect(tasks.brief?.error_code).toBe('SPEND_REJECTED');
    expect(tasks.brief?.attempt).toBe(1);
    const result = await suite.app.store.results.latest(tasks.brief!.id);
    expect(result?.reasons[0]).toMatch(/the CFO refused .* exceeds daily limit/);
    expect(await budget('broke')).toMatchObject({ spent: 0n, reserved: 0n });
    expect((await spendRequests('broke')).map((request) => request.decision)).toEqual(['reject']);
  });

  it('parks a task whose spend is escalated, and resumes it when a person approves', async () => {
    await agentLike('buyer', 'ava');
    const tasks = await runLoop('buyer', 'asset');
    expect(tasks.asset?.status).toBe('awaiting_review');
    const [item] = (await suite.app.reviews.listPending()).filter(
      (pending) => pending.task.id === tasks.asset!.id,
    );
    expect(item?.review.kind).toBe('spend');
    expect(item?.review.reasons[0]).toMatch(
      /a person must approve .*\(25\.00 USDC\).*over the 20\.00 USDC/,
    );
    const spendId = item!.review.spend_request_id!;
    // The operator list reads task, result and request as JSON in one query: the same objects.
    const listed = await suite.app.store.tenantViews.listReviewItems(DEFAULT_TENANT, {
      status: 'pending',
      limit: 1_000,
    });
    expect(listed.find((each) => each.review.id === item!.review.id)).toEqual(item);
    expect(item?.spend?.request_id).toBe(spendId);
    // The escalation holds the money while it waits.
    expect((await budget('buyer')).reserved).toBe(25_000_000n);

    await suite.app.reviews.approve(item!.review.id, 'olivia');
    await suite.app.runtime.runUntilQuiescent();
    const asset = await suite.app.store.tasks.get(tasks.asset!.id);
    expect(asset?.status).toBe('done');
    const image = (await spendRequests('buyer')).filter((r) => r.request_id === spendId);
    expect(image).toEqual([expect.objectContaining({ status: 'settled', decision: 'approve' })]);
    const row = await budget('buyer');
    expect(row.reserved).toBe(0n);
    expect(row.spent).toBeGreaterThanOrEqual(25_000_000n);
    const entries = (await suite.app.store.cfo.listLedger()).filter((e) => e.tx_id === spendId);
    expect(entries.map((entry) => [entry.decision, entry.reasons])).toEqual([
      [
        'escalate',
        [expect.stringMatching(/25\.00 USDC is over the 20\.00 USDC a person must approve/)],
      ],
      ['approve', ['approved by olivia']],
    ]);
    const key = await loadCfoKey(cfoKeyPath(suite.app.config), false);
    expect(verifyChain(await suite.app.store.cfo.listLedger(), key.publicKey).ok).toBe(true);
  });

  it('fails the task and releases the money when a person rejects the spend', async () => {
    await agentLike('declined', 'ava');
    const tasks = await runLoop('declined', 'asset');
    const [item] = (await suite.app.reviews.listPending()).filter(
      (pending) => pending.task.id === tasks.asset!.id,
    );
    await suite.app.reviews.reject(item!.review.id, 'olivia', 'too dear for a teaser');
    await suite.app.runtime.runUntilQuiescent();
    const asset = await suite.app.store.tasks.get(tasks.asset!.id);
    expect(asset).toMatchObject({ status: 'failed', error_code: 'SPEND_REJECTED' });
    expect(asset?.feedback).toContain('reviewer olivia rejected the spend: too dear for a teaser');
    expect((await budget('declined')).reserved).toBe(0n);
    const last = (await suite.app.store.cfo.listLedger()).at(-1);
    expect(last).toMatchObject({
      tx_id: item!.review.spend_request_id,
      decision: 'reject',
      reasons: ['rejected by olivia: too dear for a teaser'],
    });
    await expect(suite.app.reviews.approve(item!.review.id, 'olivia')).rejects.toMatchObject({
      code: 'REVIEW_ALREADY_DECIDED',
    });
  });
});
