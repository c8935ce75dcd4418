// FR-CFO-003, FR-CFO-005, FR-CFO-006: `chimera ledger verify` is green on an untouched ledger and exits 1
// naming the first bad entry after an edit; `ledger export` prints CSV and JSON Lines; `budget
// show` prints spent, reserved and remaining. The CFO key is created once and reused. Each
// describe has its own database; the commands run in-process.

import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChimeraApp } from '../src/app/chimera-app.js';
import { runChimera } from './support/run-chimera.js';
import { addAgent, openTestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-databases.js';

/**
 * A fresh PostgreSQL database for the enclosing describe, with agent ava and three spend
 * requests decided by the CFO (12.50 settled, 20 reserved, 30 over the daily limit and rejected).
 */
function useLedgerOfThree() {
  const suite = {} as { app: ChimeraApp; keyFile: string };
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    suite.keyFile = path.join(database.dataDir, 'keys', 'cfo.pem');
    suite.app = await openTestApp(database, { config: { cfoKeyFile: suite.keyFile } });
    await addAgent(suite.app, 'ava');
    const cfo = await suite.app.cfo();
    for (const [index, amount] of ['12.50', '20', '30'].entries()) {
      await cfo.approve({
        request_id: `cli-${index}`,
        agent_id: 'ava',
        request_type: 'ads',
        amount,
        currency: 'USD',
        justification: 'boost the drop post, "spring" edition',
      });
    }
    await cfo.settle('cli-0');
  });
  afterAll(async () => {
    await suite.app?.close();
    await database?.dispose();
  });
  const cli = (args: string[]) =>
    runChimera(args, {
      DATABASE_URL: database.databaseUrl,
      CHIMERA_DATA_DIR: database.dataDir,
      CHIMERA_CFO_KEY_FILE: suite.keyFile,
    });
  return { suite, cli };
}

describe('the CFO commands on PostgreSQL', () => {
  const { suite, cli } = useLedgerOfThree();

  it('created the key file once, readable by its owner only', async () => {
    expect((await stat(suite.keyFile)).mode & 0o777).toBe(0o600);
    expect(await readFile(suite.keyFile, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });

  it('verifies the untouched ledger', async () => {
    const result = await cli(['ledger', 'verify']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ledger verified: 3 entries, key cfo-[0-9a-f]{16}$/m);
  });

  it('exports CSV and JSON Lines', async () => {
    const csv = await cli(['ledger', 'export', '--format', 'csv']);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'seq,tx_id,agent_id,request_type,amount,currency,projected_roi,risk_score,decision,reasons,approval_signature,cfo_agent_id,prev_hash,entry_hash,created_at',
    );
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatch(/^3,cli-2,ava,ads,3000,USD,,[\d.]+,reject,"\[""exceeds daily limit/);
    const jsonl = await cli(['ledger', 'export']);
    expect(
      jsonl.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).tx_id),
    ).toEqual(['cli-0', 'cli-1', 'cli-2']);
    expect((await cli(['ledger', 'export', '--format', 'xml'])).code).toBe(2);
  });

  it('shows spent, reserved and remaining', async () => {
    const result = await cli(['budget', 'show', '--agent', 'ava']);
    expect(result.stdout.trim()).toMatch(
      /^ava {2}daily from \d{4}-\d{2}-\d{2} {2}all: spent 12\.50, reserved 20\.00, remaining 17\.50 of 50\.00 USD$/,
    );
  });

  it('freezes and unfreezes an agent (FR-CFO-006)', async () => {
    expect((await cli(['agent', 'freeze', 'ava'])).stdout.trim()).toBe('agent ava is frozen');
    expect((await suite.app.store.agents.get('ava'))?.status).toBe('frozen');
    expect((await cli(['agent', 'unfreeze', 'ava'])).stdout.trim()).toBe('agent ava is active');
    const unknown = await cli(['agent', 'freeze', 'nobody']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no agent 'nobody'/);
  });
});

describe('ledger verify on a ledger edited in the database', () => {
  const { suite, cli } = useLedgerOfThree();

  it('exits 1 at the first bad entry after an edit made in the database', async () => {
    const pool = suite.app.database.pool;
    await pool.query('ALTER TABLE ledger DISABLE TRIGGER ledger_no_update_or_delete');
    try {
      await pool.query(`UPDATE ledger SET amount = 1 WHERE seq = 2`);
    } finally {
      await pool.query('ALTER TABLE ledger ENABLE TRIGGER ledger_no_update_or_delete');
    }
    const result = await cli(['ledger', 'verify']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'ledger broken at seq 2 (tx cli-1): entry_hash does not match the entry: a field was changed',
    );
    // The exit code came back from the command; nothing was set on this (the test) process.
    expect(process.exitCode).toBeUndefined();
  });
});
