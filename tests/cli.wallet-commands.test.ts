// FR-WALLET-001: `chimera wallet fund` credits the local store from the faucet (audited) and
// `wallet show` prints the address and balances; bad input, an unknown agent and the AgentKit
// backend are refused with exit code 2, naming what is wrong. FR-WALLET-003: under
// CHIMERA_WALLET=agentkit a missing CDP variable is named. The commands run in-process.

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChimeraApp } from '../src/app/chimera-app.js';
import { loadWalletSeed } from '../src/mcp/servers/wallet/wallet-seed-file.js';
import { runChimera } from './support/run-chimera.js';
import { addAgent, openTestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-databases.js';

describe('the wallet commands on PostgreSQL', () => {
  let database: TestDatabase;
  let app: ChimeraApp;
  let seedFile: string;
  const cli = (args: string[], environment: Record<string, string> = {}) =>
    runChimera(['wallet', ...args], {
      DATABASE_URL: database.databaseUrl,
      CHIMERA_DATA_DIR: database.dataDir,
      CHIMERA_WALLET_SEED_FILE: seedFile,
      ...environment,
    });

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    seedFile = path.join(database.dataDir, 'keys', 'wallet-seed');
    app = await openTestApp(database);
    await addAgent(app, 'ava');
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  it('funds the local wallet and shows its address and balances', async () => {
    const funded = await cli(['fund', 'ava', '12.5']);
    expect(funded.stderr).toBe('');
    expect(funded.code).toBe(0);
    const address = (await loadWalletSeed(seedFile, false)).addressFor('ava');
    expect(funded.stdout.trim()).toMatch(
      new RegExp(
        `^funded ava \\(${address}\\) with 12\\.50 USDC; balance 12\\.50 USDC \\(tx [0-9a-f-]{36}\\)$`,
      ),
    );
    expect((await cli(['fund', 'ava', '0.25', '--currency', 'ETH'])).code).toBe(0);
    const shown = await cli(['show', 'ava']);
    expect(shown.stdout.trim().split('\n')).toEqual([
      `ava  ${address}  (local wallet)`,
      '  12.50 USDC',
      '  0.25 ETH',
      '  0.00 USD',
    ]);
    const json = JSON.parse((await cli(['show', 'ava', '--json'])).stdout);
    expect(json).toEqual({
      agent_id: 'ava',
      address,
      wallet: 'local',
      balances: [
        { currency: 'USDC', balance: '12.50', units: '12500000' },
        { currency: 'ETH', balance: '0.25', units: '250000000000000000' },
        { currency: 'USD', balance: '0.00', units: '0' },
      ],
    });
    const audit = await app.database.pool.query(
      `SELECT count(*)::int AS n FROM audit_logs WHERE action = 'wallet.fund' AND subject_id = 'ava'`,
    );
    expect(audit.rows[0].n).toBe(2);
  });

  it.each([
    [['fund', 'ava', '1.0000001'], 'amount: 1.0000001 has 7 decimals; USDC has at most 6'],
    [['fund', 'ava', '0'], 'amount: 0 USDC must be more than 0'],
    [['fund', 'ava', 'lots'], "amount: 'lots' is not a decimal amount such as 12.50"],
    [['fund', 'ava', '5', '--currency', 'DOGE'], "--currency: unknown currency 'DOGE'"],
    [['fund', 'nobody', '5'], "agent: no agent 'nobody' (known: ava)"],
    [['show', 'nobody'], "agent: no agent 'nobody' (known: ava)"],
  ])('refuses `wallet %j` with exit code 2, naming what is wrong', async (args, message) => {
    const result = await cli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses the faucet and names missing CDP variables under CHIMERA_WALLET=agentkit', async () => {
    const fund = await cli(['fund', 'ava', '5'], { CHIMERA_WALLET: 'agentkit' });
    expect(fund.code).toBe(2);
    expect(fund.stderr).toContain('CHIMERA_WALLET=agentkit: the local wallet store is not in use');
    const show = await cli(['show', 'ava'], { CHIMERA_WALLET: 'agentkit', CDP_API_KEY_NAME: 'k' });
    expect(show.code).toBe(2);
    expect(show.stderr).toContain(
      'CHIMERA_WALLET=agentkit needs CDP_API_KEY_PRIVATE_KEY (the CDP API key',
    );
  });
});
