// FR-WALLET-001, FR-WALLET-002: the bundled wallet server over the in-memory MCP transport, on the
// local store, on both adapters: wallets created on first use with seed-derived addresses, the
// faucet, transfers (local credit, external address), idempotent replay, a reused key refused,
// insufficient funds, concurrency under one key and across keys, get_transaction, bad input.
// Also over stdio (`chimera mcp serve wallet`) on the same database and seed file.

import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bundledServerContext } from '../src/app/hub-servers.js';
import { parseMoney } from '../src/domain/money.js';
import { WalletSeed } from '../src/domain/wallet-keys.js';
import { bundledServer } from '../src/mcp/bundled-servers.js';
import { McpHub, type McpServerTarget } from '../src/mcp/mcp-hub.js';
import { MemoryRateLimiter } from '../src/mcp/rate-limiter.js';
import { loadWalletSeed, walletSeedPath } from '../src/mcp/servers/wallet/wallet-seed-file.js';
import { PostgresWalletStore } from '../src/store/postgres/wallet-queries.js';
import { useTestApp } from './support/test-app.js';
import { ADAPTERS } from './support/test-databases.js';

const BIN = fileURLToPath(new URL('../bin/chimera.js', import.meta.url));
const EXTERNAL = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';

const Balance = z.object({
  agent_id: z.string(),
  address: z.string(),
  currency: z.string(),
  balance: z.string(),
  units: z.string(),
});
const Transaction = z.object({
  tx_id: z.string(),
  from: z.string(),
  to: z.string(),
  amount: z.string(),
  units: z.string(),
  currency: z.string(),
  status: z.string(),
  idempotency_key: z.string(),
  created_at: z.string(),
  replayed: z.boolean().optional(),
});

function hubFor(target: McpServerTarget) {
  return new McpHub({
    servers: { wallet: target },
    allowLists: { byAgent: {}, default: ['*'] },
    rateLimiter: new MemoryRateLimiter(),
    rateLimit: { max: 100_000, windowMs: 60_000 },
    trace: async () => undefined,
  });
}

describe.each(ADAPTERS)('the wallet server on %s', (kind) => {
  const suite = useTestApp(kind);
  let hub: McpHub;
  let store: PostgresWalletStore;
  let seedFile: string;
  const caller = { agentId: 'ava', specId: 'FR-WALLET-002' };

  beforeAll(async () => {
    seedFile = walletSeedPath(suite.app.config);
    hub = hubFor({
      kind: 'in-process',
      create: () =>
        bundledServer('wallet').create(
          bundledServerContext({
            pool: suite.app.database.pool,
            dataDir: suite.app.config.dataDir,
          }),
        ),
    });
    store = PostgresWalletStore.fromPool(
      suite.app.database.pool,
      await loadWalletSeed(seedFile, true),
    );
  });
  afterAll(() => hub?.close());

  const balance = async (agentId: string, currency = 'USDC') =>
    (
      await hub.callTool({
        ...caller,
        server: 'wallet',
        tool: 'get_balance',
        arguments: { agent_id: agentId, currency },
        outputSchema: Balance,
      })
    ).output!;
  const transfer = async (args: Record<string, unknown>) =>
    (
      await hub.callTool({
        ...caller,
        server: 'wallet',
        tool: 'transfer',
        arguments: { currency: 'USDC', ...args },
        outputSchema: Transaction,
      })
    ).output!;
  const getTransaction = async (txId: string) =>
    (
      await hub.callTool({
        ...caller,
        server: 'wallet',
        tool: 'get_transaction',
        arguments: { tx_id: txId },
        outputSchema: Transaction,
      })
    ).output!;
  const fund = (agentId: string, amount: string, currency = 'USDC') =>
    store.fund(agentId, parseMoney(amount, currency));
  const count = async (sql: string, params: unknown[] = []) =>
    (await suite.app.database.pool.query(sql, params)).rows[0].n as number;

  it('creates a wallet with balance 0 on first use, at the address the seed derives (FR-WALLET-001)', async () => {
    const first = await balance('ava');
    const seed = await loadWalletSeed(seedFile, false);
    expect(first).toEqual({
      agent_id: 'ava',
      address: seed.addressFor('ava'),
      currency: 'USDC',
      balance: '0.00',
      units: '0',
    });
    expect(first.address).toMatch(/^0x[0-9a-fA-F]{40}$/);
    expect((await balance('ava', 'ETH')).address).toBe(first.address);
    expect(
      await count('SELECT count(*)::int AS n FROM wallet_accounts WHERE agent_id = $1', ['ava']),
    ).toBe(1);
    expect((await stat(seedFile)).mode & 0o777).toBe(0o600);
    expect((await readFile(seedFile)).length).toBe(32);
  });

  it('keeps no key material in the database (FR-WALLET-001)', async () => {
    await fund('ava', '1');
    const seedHex = (await readFile(seedFile)).toString('hex');
    const dump = await suite.app.database.pool.query(
      `SELECT (SELECT json_agg(a)::text FROM wallet_accounts a) ||
              (SELECT json_agg(b)::text FROM wallet_balances b) ||
              (SELECT json_agg(t)::text FROM wallet_transactions t) AS text`,
    );
    expect(dump.rows[0].text.toLowerCase()).not.toContain(seedHex.slice(0, 16));
  });

  it('refuses a database whose wallets another seed derived (FR-WALLET-001)', async () => {
    const other = PostgresWalletStore.fromPool(
      suite.app.database.pool,
      new WalletSeed(new Uint8Array(32).fill(1)),
    );
    await expect(other.getBalance('ava', 'USDC')).rejects.toThrow(
      /agent 'ava' has the wallet 0x[0-9a-fA-F]{40}, but the wallet seed now derives 0x[0-9a-fA-F]{40}; restore the seed file/,
    );
  });

  it('funds a wallet from the faucet in exact minor units', async () => {
    const funded = await fund('bob', '12.50');
    expect(funded.balance.units).toBe(12_500_000n);
    expect(funded.transaction).toMatchObject({
      from: '0x0000000000000000000000000000000000000000',
      to: funded.balance.address,
      units: 12_500_000n,
      status: 'confirmed',
    });
    expect(await balance('bob')).toMatchObject({ balance: '12.50', units: '12500000' });
    await fund('bob', '0.000000000000000001', 'ETH');
    expect(await balance('bob', 'ETH')).toMatchObject({
      balance: '0.000000000000000001',
      units: '1',
    });
  });

  it('transfers to another local wallet, crediting it, and answers get_transaction', async () => {
    await fund('carol', '10');
    const dave = (await balance('dave')).address;
    const sent = await transfer({
      agent_id: 'carol',
      to: dave.toLowerCase(),
      amount: '2.25',
      idempotency_key: 'carol-pays-dave-1',
    });
    expect(sent).toMatchObject({
      from: (await balance('carol')).address,
      to: dave,
      amount: '2.25',
      units: '2250000',
      currency: 'USDC',
      status: 'confirmed',
      idempotency_key: 'carol-pays-dave-1',
      replayed: false,
    });
    expect(sent.tx_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await balance('carol')).toMatchObject({ balance: '7.75' });
    expect(await balance('dave')).toMatchObject({ balance: '2.25' });
    const { replayed: _replayed, ...shape } = sent;
    expect(await getTransaction(sent.tx_id)).toEqual(shape);
  });

  it('debits a transfer to an outside address', async () => {
    await fund('erin', '5');
    await transfer({
      agent_id: 'erin',
      to: EXTERNAL,
      amount: '1.5',
      idempotency_key: 'erin-out-1',
    });
    expect(await balance('erin')).toMatchObject({ balance: '3.50' });
  });

  it('replays the same idempotency key without moving money again', async () => {
    await fund('frank', '10');
    const args = { agent_id: 'frank', to: EXTERNAL, amount: '4', idempotency_key: 'frank-once-1' };
    const first = await transfer(args);
    const again = await transfer(args);
    expect(first.replayed).toBe(false);
    expect(again).toEqual({ ...first, replayed: true });
    expect(await balance('frank')).toMatchObject({ balance: '6.00' });
    expect(
      await count('SELECT count(*)::int AS n FROM wallet_transactions WHERE idempotency_key = $1', [
        'frank-once-1',
      ]),
    ).toBe(1);
  });

  it('refuses the same key with different arguments and moves nothing', async () => {
    await fund('gina', '10');
    const first = await transfer({
      agent_id: 'gina',
      to: EXTERNAL,
      amount: '1',
      idempotency_key: 'gina-key-1',
    });
    await expect(
      transfer({ agent_id: 'gina', to: EXTERNAL, amount: '2', idempotency_key: 'gina-key-1' }),
    ).rejects.toThrow(
      `idempotency_key: 'gina-key-1' was used by transaction ${first.tx_id} (1.00 USDC from`,
    );
    await expect(
      transfer({
        agent_id: 'gina',
        to: EXTERNAL,
        amount: '1',
        idempotency_key: 'gina-key-1',
        currency: 'ETH',
      }),
    ).rejects.toThrow(/idempotency_key: 'gina-key-1' was used by transaction/);
    expect(await balance('gina')).toMatchObject({ balance: '9.00' });
  });

  it('refuses more than the balance, saying both, and moves nothing', async () => {
    await fund('hank', '3');
    const hank = (await balance('hank')).address;
    await expect(
      transfer({
        agent_id: 'hank',
        to: EXTERNAL,
        amount: '3.000001',
        idempotency_key: 'hank-too-much',
      }),
    ).rejects.toThrow(
      `amount: 3.000001 USDC is more than the balance of 3.00 USDC in ${hank} (agent 'hank'); nothing moved`,
    );
    expect(await balance('hank')).toMatchObject({ balance: '3.00' });
    expect(
      await count('SELECT count(*)::int AS n FROM wallet_transactions WHERE idempotency_key = $1', [
        'hank-too-much',
      ]),
    ).toBe(0);
    // The refused key stays free: with enough money it goes through.
    await fund('hank', '1');
    await transfer({
      agent_id: 'hank',
      to: EXTERNAL,
      amount: '3.000001',
      idempotency_key: 'hank-too-much',
    });
    expect(await balance('hank')).toMatchObject({ units: '999999' });
  });

  it('makes one transaction and one debit from 20 concurrent calls with one key', async () => {
    await fund('ivan', '10');
    const args = { agent_id: 'ivan', to: EXTERNAL, amount: '1', idempotency_key: 'ivan-race-1' };
    const answers = await Promise.all(Array.from({ length: 20 }, () => transfer(args)));
    expect(new Set(answers.map((answer) => answer.tx_id)).size).toBe(1);
    expect(answers.filter((answer) => !answer.replayed)).toHaveLength(1);
    expect(await balance('ivan')).toMatchObject({ balance: '9.00' });
    expect(
      await count('SELECT count(*)::int AS n FROM wallet_transactions WHERE from_address = $1', [
        (await balance('ivan')).address,
      ]),
    ).toBe(1);
  });

  it('never goes below zero under 25 concurrent transfers with different keys', async () => {
    await fund('judy', '10');
    const kate = (await balance('kate')).address;
    const results = await Promise.allSettled(
      Array.from({ length: 25 }, (_, index) =>
        transfer({
          agent_id: 'judy',
          to: kate,
          amount: '1',
          idempotency_key: `judy-spree-${index}`,
        }),
      ),
    );
    const refused = results.filter((result) => result.status === 'rejected');
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(10);
    expect(refused).toHaveLength(15);
    for (const result of refused) {
      expect(String((result as PromiseRejectedResult).reason)).toMatch(
        /amount: 1\.00 USDC is more than the balance of 0\.00 USDC/,
      );
    }
    expect(await balance('judy')).toMatchObject({ units: '0' });
    expect(await balance('kate')).toMatchObject({ balance: '10.00' });
  });

  it('settles crossing transfers between two wallets without a deadlock', async () => {
    await fund('liam', '20');
    await fund('mona', '20');
    const liam = (await balance('liam')).address;
    const mona = (await balance('mona')).address;
    await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        index % 2 === 0
          ? transfer({
              agent_id: 'liam',
              to: mona,
              amount: '1',
              idempotency_key: `cross-l-${index}`,
            })
          : transfer({
              agent_id: 'mona',
              to: liam,
              amount: '2',
              idempotency_key: `cross-m-${index}`,
            }),
      ),
    );
    expect(await balance('liam')).toMatchObject({ balance: '25.00' });
    expect(await balance('mona')).toMatchObject({ balance: '15.00' });
  });

  it('conserves money across 60 concurrent transfers among five wallets, one of them new', async () => {
    const agents = ['pia', 'quin', 'rosa', 'sam', 'tess'];
    for (const agent of agents.slice(0, 4)) await fund(agent, '5');
    const addresses = await Promise.all(
      agents.map(async (agent) => (await balance(agent)).address),
    );
    const results = await Promise.allSettled(
      Array.from({ length: 60 }, (_, index) => {
        const payer = index % 4;
        const payee = (payer + 1 + ((index * 7) % 4)) % 5;
        return transfer({
          agent_id: agents[payer],
          to: addresses[payee],
          amount: String(1 + (index % 3)),
          idempotency_key: `mesh-key-${index}`,
        });
      }),
    );
    for (const result of results) {
      if (result.status === 'rejected') {
        expect(String(result.reason)).toMatch(/is more than the balance of/);
        expect(String(result.reason)).not.toMatch(/deadlock|failed: transfer: the local wallet/);
      }
    }
    const units = await Promise.all(
      agents.map(async (agent) => BigInt((await balance(agent)).units)),
    );
    expect(units.every((value) => value >= 0n)).toBe(true);
    expect(units.reduce((sum, value) => sum + value, 0n)).toBe(20_000_000n);
    expect(results.some((result) => result.status === 'fulfilled')).toBe(true);
  });

  it('answers an unknown transaction with a tool error', async () => {
    await expect(getTransaction('00000000-0000-4000-8000-000000000000')).rejects.toThrow(
      "wallet.get_transaction failed: tx_id: no transaction '00000000-0000-4000-8000-000000000000' in the local wallet",
    );
    await expect(getTransaction('not-a-uuid')).rejects.toThrow(
      /tx_id: no transaction 'not-a-uuid'/,
    );
  });

  it.each([
    [{ amount: '1.0000001' }, 'amount: 1.0000001 has 7 decimals; USDC has at most 6'],
    [{ amount: '0' }, 'amount: 0 USDC must be more than 0'],
    [{ amount: '-5' }, 'must be a decimal amount in major units such as 12.50 at amount'],
    [{ amount: '1e3' }, 'must be a decimal amount in major units such as 12.50 at amount'],
    [{ to: '0x1234' }, 'must be a 0x address of 40 hex digits at to'],
    [
      { to: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD' },
      "to: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD' fails its EIP-55 checksum",
    ],
    [{ currency: 'DOGE' }, 'at currency'],
    [{ idempotency_key: 'short' }, 'at idempotency_key'],
  ])('refuses bad input %j, naming the field', async (bad, message) => {
    await fund('nina', '5');
    await expect(
      transfer({
        agent_id: 'nina',
        to: EXTERNAL,
        amount: '1',
        idempotency_key: 'nina-bad-input',
        ...bad,
      }),
    ).rejects.toThrow(message);
    expect(await balance('nina')).toMatchObject({ units: expect.any(String) });
  });

  it('refuses a transfer to the paying wallet itself', async () => {
    await fund('olga', '1');
    const olga = (await balance('olga')).address;
    await expect(
      transfer({ agent_id: 'olga', to: olga, amount: '1', idempotency_key: 'olga-self-1' }),
    ).rejects.toThrow(`to: ${olga} is the paying wallet of 'olga' itself`);
  });
});

describe('the wallet server over stdio', () => {
  const suite = useTestApp('postgres');
  let hub: McpHub | undefined;
  afterAll(() => hub?.close());

  it('answers through `chimera mcp serve wallet` from the same database and seed', async () => {
    const seedFile = walletSeedPath(suite.app.config);
    const store = PostgresWalletStore.fromPool(
      suite.app.database.pool,
      await loadWalletSeed(seedFile, true),
    );
    const funded = await store.fund('ava', parseMoney('7.5', 'USDC'));
    hub = hubFor({
      kind: 'stdio',
      command: process.execPath,
      args: [BIN, 'mcp', 'serve', 'wallet'],
      env: {
        DATABASE_URL: new URL(suite.app.config.databaseUrl as string).toString(),
        CHIMERA_WALLET_SEED_FILE: seedFile,
      },
    });
    const answer = await hub.callTool({
      agentId: 'ava',
      specId: 'FR-WALLET-001',
      server: 'wallet',
      tool: 'get_balance',
      arguments: { agent_id: 'ava', currency: 'USDC' },
      outputSchema: Balance,
    });
    expect(answer.output).toMatchObject({ address: funded.balance.address, balance: '7.50' });
  });
});
