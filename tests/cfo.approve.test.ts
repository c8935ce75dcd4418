// FR-CFO-001, FR-CFO-002, FR-CFO-003, FR-CFO-004, FR-CFO-007: cfo.approve on PGlite and PostgreSQL. Every
// rule boundary through the store, idempotency, reservation expiry, period rollover, signatures
// that check out with the public key, and bad input that changes nothing.

import { generateKeyPairSync } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { Cfo, expireReservations, type SpendRequest } from '../src/commerce/cfo.js';
import { verifyChain } from '../src/commerce/ledger-chain.js';
import { addAgent, useTestApp } from './support/test-app.js';
import { ADAPTERS } from './support/test-databases.js';

const key = { keyId: 'cfo-test-1', ...generateKeyPairSync('ed25519') };

describe.each(ADAPTERS)('cfo.approve on %s', (kind) => {
  const suite = useTestApp(kind);
  let clock = new Date('2026-11-22T10:00:00Z');
  let cfo: Cfo;
  let sequence = 0;

  beforeAll(() => {
    cfo = new Cfo({ store: suite.app.store, key, now: () => clock, reservationMs: 60_000 });
  });

  /** A fresh agent, so each case starts from an empty budget. */
  async function freshAgent(persona: Record<string, unknown> = {}): Promise<string> {
    const id = `agent-${++sequence}`;
    await addAgent(suite.app, id);
    if (Object.keys(persona).length > 0) {
      const agent = (await suite.app.store.agents.get(id))!;
      await suite.app.store.agents.upsert({ ...agent, persona });
    }
    return id;
  }

  const request = (agentId: string, amount: string, extra: Partial<SpendRequest> = {}) => ({
    request_id: `req-${agentId}-${++sequence}`,
    agent_id: agentId,
    request_type: 'api_call',
    amount,
    currency: 'USD',
    justification: 'render a video',
    ...extra,
  });

  async function budget(agentId: string) {
    const { rows } = await suite.app.database.pool.query(
      `SELECT period, period_start::text AS start, spent_amount::text AS spent,
              reserved_amount::text AS reserved
         FROM budget_tracking WHERE agent_id = $1 ORDER BY period, period_start`,
      [agentId],
    );
    return rows;
  }

  it('approves up to exactly $50.00 in the day and rejects $50.01, naming the limit', async () => {
    const agent = await freshAgent();
    for (const amount of ['20', '20', '10']) {
      expect((await cfo.approve(request(agent, amount))).decision).toBe('approve');
    }
    const over = await cfo.approve(request(agent, '0.01'));
    expect(over).toMatchObject({
      decision: 'reject',
      reasons: [
        'exceeds daily limit: 0.00 USDC spent + 50.00 USDC reserved + 0.01 USDC requested > 50.00 USDC',
      ],
    });
    expect(await budget(agent)).toEqual([
      { period: 'daily', start: '2026-11-22', spent: '0', reserved: '50000000' },
    ]);
  });

  it('approves $20.00 and escalates $20.01 (which still holds its money)', async () => {
    const agent = await freshAgent();
    expect((await cfo.approve(request(agent, '20.00'))).decision).toBe('approve');
    const escalated = await cfo.approve(request(agent, '20.01'));
    expect(escalated).toMatchObject({
      decision: 'escalate',
      reasons: ['20.01 USDC is over the 20.00 USDC a person must approve'],
    });
    expect((await budget(agent))[0].reserved).toBe('40010000');
  });

  it('passes ROI 1.5 and rejects 1.49', async () => {
    const agent = await freshAgent();
    expect(await cfo.approve(request(agent, '10', { projected_revenue: '25' }))).toMatchObject({
      decision: 'approve',
      roi: 1.5,
    });
    expect(await cfo.approve(request(agent, '10', { projected_revenue: '24.90' }))).toMatchObject({
      decision: 'reject',
      roi: 1.49,
      reasons: ['ROI 1.49 is below the minimum of 1.5'],
    });
  });

  it('approves risk 0.70 and escalates 0.71 (blockchain to a new counterparty)', async () => {
    const agent = await freshAgent();
    const chain = { request_type: 'blockchain' as const, counterparty: '0xabc' };
    expect(await cfo.approve(request(agent, '18.75', chain))).toMatchObject({
      decision: 'approve',
      risk_score: 0.7,
    });
    const other = await freshAgent();
    expect(await cfo.approve(request(other, '20', chain))).toMatchObject({
      decision: 'escalate',
      risk_score: 0.71,
      reasons: ['risk 0.71 is over 0.7'],
    });
  });

  it('answers the same request_id with its first decision and writes nothing twice', async () => {
    const agent = await freshAgent();
    const once = request(agent, '5');
    const first = await cfo.approve(once);
    const again = await cfo.approve({ ...once, amount: '49' });
    expect(again).toEqual(first);
    const { rows } = await suite.app.database.pool.query(
      `SELECT count(*)::int AS n FROM ledger WHERE tx_id = $1`,
      [once.request_id],
    );
    expect(rows[0].n).toBe(1);
    expect((await budget(agent))[0].reserved).toBe('5000000');
  });

  it('settles a reservation into spent, and releases an expired one', async () => {
    const agent = await freshAgent();
    const settled = request(agent, '7');
    const expiring = request(agent, '3');
    await cfo.approve(settled);
    await cfo.approve(expiring);
    expect(await cfo.settle(settled.request_id)).toBe(true);
    expect(await cfo.settle(settled.request_id)).toBe(false);
    expect((await budget(agent))[0]).toMatchObject({ spent: '7000000', reserved: '3000000' });
    clock = new Date(clock.getTime() + 61_000);
    expect(await expireReservations(suite.app.store, clock)).toBeGreaterThanOrEqual(1);
    expect((await budget(agent))[0]).toMatchObject({ spent: '7000000', reserved: '0' });
    expect(await cfo.settle(expiring.request_id)).toBe(false);
  });

  it("lets the runtime's sweep release reservations that expired", async () => {
    const agent = await freshAgent();
    const spend = request(agent, '4');
    await cfo.approve(spend);
    await suite.app.database.pool.query(
      `UPDATE spend_requests SET reserved_until = now() - interval '1 second' WHERE request_id = $1`,
      [spend.request_id],
    );
    await suite.app.runtime.runUntilQuiescent();
    expect((await budget(agent))[0]).toMatchObject({ spent: '0', reserved: '0' });
    expect((await suite.app.store.cfo.getRequest(spend.request_id))?.status).toBe('released');
  });

  it('starts a new daily budget at midnight in the agent time zone', async () => {
    const agent = await freshAgent({ timezone: 'Asia/Tokyo' });
    clock = new Date('2026-11-22T14:59:00Z'); // 23:59 in Tokyo
    for (const amount of ['20', '20', '10']) {
      expect((await cfo.approve(request(agent, amount))).decision).toBe('approve');
    }
    expect((await cfo.approve(request(agent, '1'))).decision).toBe('reject');
    clock = new Date('2026-11-22T15:00:00Z'); // midnight in Tokyo
    expect((await cfo.approve(request(agent, '20'))).decision).toBe('approve');
    expect((await budget(agent)).map((row) => [row.start, row.reserved])).toEqual([
      ['2026-11-22', '50000000'],
      ['2026-11-23', '20000000'],
    ]);
  });

  it('signs every decision; the ledger verifies with the public key and no other', async () => {
    const ledger = await suite.app.store.cfo.listLedger();
    expect(ledger.length).toBeGreaterThan(10);
    expect(verifyChain(ledger, key.publicKey)).toEqual({ ok: true, entries: ledger.length });
    const other = generateKeyPairSync('ed25519');
    expect(verifyChain(ledger, other.publicKey)).toMatchObject({ ok: false, seq: 1 });
  });

  it.each([
    [{ amount: '-5' }, 'amount: must be more than zero'],
    [{ amount: '0' }, 'amount: must be more than zero'],
    [{ currency: 'DOGE' }, "currency: unknown currency 'DOGE'"],
    [
      { currency: 'USDC', amount: '1.0000001' },
      'amount: 1.0000001 has 7 decimals; USDC has at most 6',
    ],
    [{ agent_id: 'nobody' }, "agent_id: no agent 'nobody'"],
    [{ request_type: 'lottery' }, 'request_type'],
  ])('refuses bad input %j with a clear reason and changes nothing', async (change, reason) => {
    const agent = await freshAgent();
    const before = await suite.app.store.cfo.listLedger();
    await expect(cfo.approve({ ...request(agent, '5'), ...change })).rejects.toThrow(reason);
    expect(await budget(agent)).toEqual([]);
    expect((await suite.app.store.cfo.listLedger()).length).toBe(before.length);
  });

  it.each([
    [{ budgets: [{ period: 'hourly', limit: '5' }] }, /invalid persona\.budgets: \[0\]\.period/],
    [
      { budgets: [{ period: 'daily', limit: '5.0000001' }] },
      /persona\.budgets\[0\]\.limit: 5\.0000001 has 7 decimals/,
    ],
    [
      { timezone: 'Mars/Olympus' },
      /invalid persona\.timezone: 'Mars\/Olympus' is not an IANA time zone/,
    ],
  ])('fails closed on a malformed budget setting %j, writing nothing', async (persona, reason) => {
    const agent = await freshAgent(persona);
    const before = (await suite.app.store.cfo.listLedger()).length;
    await expect(cfo.approve(request(agent, '5'))).rejects.toThrow(reason);
    expect(await budget(agent)).toEqual([]);
    expect((await suite.app.store.cfo.listLedger()).length).toBe(before);
  });

  it('rejects a frozen agent, records the rejection, and holds no money', async () => {
    const agent = await freshAgent();
    const stored = (await suite.app.store.agents.get(agent))!;
    await suite.app.store.agents.upsert({ ...stored, status: 'frozen' });
    expect(await cfo.approve(request(agent, '5'))).toMatchObject({
      decision: 'reject',
      reasons: ['the agent is frozen'],
    });
    expect(await budget(agent)).toEqual([]);
  });
});
