// FR-CFO-001, FR-CFO-003 on PostgreSQL: 1,000 concurrent spend requests of random amounts against
// one agent's $50 cap never overspend, with exactly one ledger entry each; and 1,000 random
// single-field edits made directly in the database (trigger disabled) are all detected.

import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Cfo } from '../src/commerce/cfo.js';
import { verifyChain } from '../src/commerce/ledger-chain.js';
import { addAgent, useTestApp } from './support/test-app.js';

const key = { keyId: 'cfo-test-2', ...generateKeyPairSync('ed25519') };

/** A deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('1,000 concurrent spend requests on PostgreSQL', () => {
  const suite = useTestApp('postgres', { config: { concurrency: 16 } });

  it('never lets spent + reserved pass the $50 cap, and ledgers each request once', async () => {
    const cfo = new Cfo({ store: suite.app.store, key });
    const next = random(50);
    const amounts = Array.from({ length: 1_000 }, () =>
      (0.01 + Math.floor(next() * 500) / 100).toFixed(2),
    );
    const decisions = await Promise.all(
      amounts.map((amount, index) =>
        cfo.approve({
          request_id: `burst-${index}`,
          agent_id: 'ava',
          request_type: 'api_call',
          amount,
          currency: 'USD',
          justification: 'burst',
        }),
      ),
    );
    const { rows } = await suite.app.database.pool.query(
      `SELECT (spent_amount + reserved_amount)::text AS used, limit_amount::text AS cap
         FROM budget_tracking WHERE agent_id = 'ava'`,
    );
    expect(rows).toHaveLength(1);
    expect(BigInt(rows[0].used)).toBeLessThanOrEqual(BigInt(rows[0].cap));
    const approved = decisions.filter((decision) => decision.decision !== 'reject');
    const reservedByRequests = await suite.app.database.pool.query(
      `SELECT coalesce(sum(budget_amount), 0)::text AS total FROM spend_requests
        WHERE agent_id = 'ava' AND status = 'reserved'`,
    );
    expect(reservedByRequests.rows[0].total).toBe(rows[0].used);
    expect(approved.length).toBeGreaterThan(10);
    expect(decisions.length - approved.length).toBeGreaterThan(0);
    const ledger = await suite.app.database.pool.query(
      `SELECT count(*)::int AS entries, count(DISTINCT tx_id)::int AS requests FROM ledger`,
    );
    expect(ledger.rows[0]).toEqual({ entries: 1_000, requests: 1_000 });
    const entries = await suite.app.store.cfo.listLedger();
    expect(verifyChain(entries, key.publicKey)).toEqual({ ok: true, entries: 1_000 });
  });
});

describe('tampering with the ledger directly in PostgreSQL', () => {
  const suite = useTestApp('postgres');

  it('detects 1,000 of 1,000 random single-field edits, and verifies the untouched ledger', async () => {
    const cfo = new Cfo({ store: suite.app.store, key });
    for (let index = 0; index < 25; index++) {
      await cfo.approve({
        request_id: `t-${index}`,
        agent_id: 'ava',
        request_type: index % 2 ? 'compute' : 'api_call',
        amount: `${(index % 7) + 0.5}`,
        currency: 'USD',
        ...(index % 3 === 0 && { projected_revenue: '30' }),
        justification: 'tamper target',
      });
    }
    await addAgent(suite.app, 'milo');
    const pool = suite.app.database.pool;
    const verify = async () => verifyChain(await suite.app.store.cfo.listLedger(), key.publicKey);
    expect(await verify()).toEqual({ ok: true, entries: 25 });

    const edits: Record<string, () => string> = {
      seq: () => 'seq = seq + 1000',
      tx_id: () => `tx_id = tx_id || 'x'`,
      agent_id: () => `agent_id = 'milo'`,
      request_type: () => `request_type = 'ads'`,
      amount: () => `amount = amount + 1`,
      currency: () => "currency = currency || 'X'",
      projected_roi: () => `projected_roi = coalesce(projected_roi, 0) + 0.5`,
      risk_score: () => `risk_score = risk_score + 0.01`,
      decision: () => `decision = CASE decision WHEN 'approve' THEN 'reject' ELSE 'approve' END`,
      reasons: () => `reasons = reasons || '["added"]'::jsonb`,
      approval_signature: () => `approval_signature = 'AAAA' || substr(approval_signature, 5)`,
      cfo_agent_id: () => `cfo_agent_id = 'someone-else'`,
      prev_hash: () => `prev_hash = md5(prev_hash) || md5(prev_hash)`,
      entry_hash: () => `entry_hash = md5(entry_hash) || md5(entry_hash)`,
      created_at: () => `created_at = created_at + interval '1 second'`,
    };
    const fields = Object.keys(edits);
    const original = (await pool.query('SELECT * FROM ledger ORDER BY seq')).rows;
    const restore = async () => {
      await pool.query('DELETE FROM ledger');
      await pool.query(
        'INSERT INTO ledger SELECT * FROM jsonb_populate_recordset(NULL::ledger, $1::jsonb)',
        [JSON.stringify(original)],
      );
    };
    const next = random(1_000);
    let detected = 0;
    await pool.query('ALTER TABLE ledger DISABLE TRIGGER ledger_no_update_or_delete');
    try {
      for (let trial = 0; trial < 1_000; trial++) {
        const seq = 1 + Math.floor(next() * 25);
        const field = fields[Math.floor(next() * fields.length)]!;
        const edited = await pool.query(`UPDATE ledger SET ${edits[field]!()} WHERE seq = $1`, [
          seq,
        ]);
        expect(edited.rowCount).toBe(1);
        if (!(await verify()).ok) detected++;
        await restore();
      }
    } finally {
      await pool.query('ALTER TABLE ledger ENABLE TRIGGER ledger_no_update_or_delete');
    }
    expect(detected).toBe(1_000);
    expect(await verify()).toEqual({ ok: true, entries: 25 });
  });
});
