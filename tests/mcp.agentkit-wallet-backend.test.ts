// FR-WALLET-003: the AgentKit adapter, against its contract only (there is no network here):
// (a) the wallet server on it exposes exactly the tools and input schemas it has on the local
// store; (b) each tool maps onto AgentKit's documented EvmWalletProvider calls, checked against a
// stand-in wallet provider (the one fake allowed: a third-party API we cannot reach); (c) config
// errors name the missing variable.

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/config.js';
import { ConfigError } from '../src/domain/errors.js';
import { WalletSeed } from '../src/domain/wallet-keys.js';
import { bundledServer } from '../src/mcp/bundled-servers.js';
import {
  agentKitSettings,
  loadAgentKitProviders,
} from '../src/mcp/servers/wallet/agentkit-provider-loader.js';
import {
  type AgentKitEvmWalletProvider,
  AgentKitWalletBackend,
  erc20TransferData,
  USDC_CONTRACTS,
} from '../src/mcp/servers/wallet/agentkit-wallet-backend.js';
import type { WalletBackend } from '../src/mcp/servers/wallet/wallet-backend.js';
import { createWalletServer } from '../src/mcp/servers/wallet/wallet-server.js';
import { PostgresWalletStore } from '../src/store/postgres/wallet-queries.js';

type Hex = `0x${string}`;
const USDC = USDC_CONTRACTS['base-sepolia'] as Hex;
const RECIPIENT = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359';

/**
 * A stand-in for one agent's AgentKit EvmWalletProvider: records every call, answers from the
 * balances it was given, and throws on anything it was not scripted for.
 */
class StandInProvider implements AgentKitEvmWalletProvider {
  readonly calls: Array<[string, ...unknown[]]> = [];
  private sent = 0;

  constructor(
    private readonly address: string,
    private readonly balances: { wei: bigint; usdcUnits: bigint },
    private readonly receiptStatus: 'success' | 'reverted' = 'success',
  ) {}

  getAddress() {
    return this.address;
  }
  getNetwork() {
    return { protocolFamily: 'evm', networkId: 'base-sepolia', chainId: '84532' };
  }
  async getBalance() {
    this.calls.push(['getBalance']);
    return this.balances.wei;
  }
  async nativeTransfer(to: Hex, value: string) {
    this.calls.push(['nativeTransfer', to, value]);
    return this.nextHash();
  }
  async sendTransaction(transaction: { to: Hex; data?: Hex; value?: bigint }) {
    this.calls.push(['sendTransaction', transaction]);
    return this.nextHash();
  }
  async waitForTransactionReceipt(txHash: Hex) {
    this.calls.push(['waitForTransactionReceipt', txHash]);
    return { status: this.receiptStatus, transactionHash: txHash };
  }
  async readContract(parameters: {
    address: Hex;
    abi: readonly unknown[];
    functionName: string;
    args: readonly unknown[];
  }) {
    this.calls.push(['readContract', parameters.address, parameters.functionName, parameters.args]);
    if (parameters.address !== USDC || parameters.functionName !== 'balanceOf') {
      throw new Error(`stand-in: unscripted readContract ${parameters.functionName}`);
    }
    return this.balances.usdcUnits;
  }
  private nextHash(): Hex {
    this.sent += 1;
    if (this.sent > 3) throw new Error('stand-in: more transactions than the test scripted');
    return `0x${String(this.sent).padStart(64, 'a')}`;
  }
}

const AVA = '0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf';

async function connect(backend: WalletBackend) {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const server = createWalletServer({ backend });
  await server.connect(serverSide);
  const client = new Client({ name: 'wallet-contract-test', version: '1.0.0' });
  await client.connect(clientSide);
  return client;
}

const clients: Client[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
});

async function agentKitClient(provider: StandInProvider) {
  const client = await connect(
    new AgentKitWalletBackend({
      providerFor: async (agentId) => {
        if (agentId !== 'ava') throw new Error(`stand-in: no wallet for '${agentId}'`);
        return provider;
      },
      now: () => new Date('2026-05-01T12:00:00Z'),
    }),
  );
  clients.push(client);
  return client;
}

/** A tool's answer: its structured content, whether it is an error, and its text. */
async function call(client: Client, name: string, args: Record<string, unknown>) {
  const result = await client.callTool({ name, arguments: args });
  const text = (result.content as Array<{ text?: string }>).map((part) => part.text).join('');
  return {
    structuredContent: result.structuredContent as Record<string, unknown> | undefined,
    isError: result.isError === true,
    text,
  };
}

describe('the AgentKit adapter, by contract (FR-WALLET-003)', () => {
  it('exposes exactly the tools and input schemas of the local store', async () => {
    const pool = new pg.Pool(); // never connects: listing tools touches no backend
    try {
      const local = await connect(
        PostgresWalletStore.fromPool(pool, new WalletSeed(new Uint8Array(32).fill(3))),
      );
      const agentKit = await agentKitClient(new StandInProvider(AVA, { wei: 0n, usdcUnits: 0n }));
      clients.push(local);
      const localTools = (await local.listTools()).tools;
      const agentKitTools = (await agentKit.listTools()).tools;
      expect(agentKitTools.map((tool) => tool.name).sort()).toEqual([
        'get_balance',
        'get_transaction',
        'transfer',
      ]);
      expect(agentKitTools.map((tool) => [tool.name, tool.inputSchema, tool.outputSchema])).toEqual(
        localTools.map((tool) => [tool.name, tool.inputSchema, tool.outputSchema]),
      );
    } finally {
      await pool.end();
    }
  });

  it('maps get_balance onto getBalance (ETH) and the USDC contract balanceOf', async () => {
    const provider = new StandInProvider(AVA.toLowerCase(), {
      wei: 1_500_000_000_000_000_000n,
      usdcUnits: 12_500_000n,
    });
    const client = await agentKitClient(provider);
    const eth = await call(client, 'get_balance', { agent_id: 'ava', currency: 'ETH' });
    expect(eth.structuredContent).toEqual({
      agent_id: 'ava',
      address: AVA,
      currency: 'ETH',
      balance: '1.50',
      units: '1500000000000000000',
    });
    const usdc = await call(client, 'get_balance', { agent_id: 'ava', currency: 'USDC' });
    expect(usdc.structuredContent).toMatchObject({ balance: '12.50', units: '12500000' });
    expect(provider.calls).toEqual([
      ['getBalance'],
      ['readContract', USDC, 'balanceOf', [AVA.toLowerCase()]],
    ]);
  });

  it('maps an ETH transfer onto nativeTransfer in wei, then waits for the receipt', async () => {
    const provider = new StandInProvider(AVA, { wei: 10n ** 18n, usdcUnits: 0n });
    const client = await agentKitClient(provider);
    const args = {
      agent_id: 'ava',
      to: RECIPIENT,
      amount: '0.25',
      currency: 'ETH',
      idempotency_key: 'ava-eth-0001',
    };
    const sent = await call(client, 'transfer', args);
    const hash = `0x${'1'.padStart(64, 'a')}`;
    expect(sent.structuredContent).toEqual({
      tx_id: hash,
      from: AVA,
      to: RECIPIENT,
      amount: '0.25',
      units: '250000000000000000',
      currency: 'ETH',
      status: 'confirmed',
      idempotency_key: 'ava-eth-0001',
      created_at: '2026-05-01T12:00:00.000Z',
      replayed: false,
    });
    expect(provider.calls).toEqual([
      ['getBalance'],
      ['nativeTransfer', RECIPIENT, '250000000000000000'],
      ['waitForTransactionReceipt', hash],
    ]);
    const again = await call(client, 'transfer', args);
    expect(again.structuredContent).toMatchObject({ tx_id: hash, replayed: true });
    expect(provider.calls).toHaveLength(3);
    const { replayed: _replayed, ...shape } = sent.structuredContent ?? {};
    expect((await call(client, 'get_transaction', { tx_id: hash })).structuredContent).toEqual(
      shape,
    );
  });

  it('maps a USDC transfer onto an ERC-20 transfer call to the network USDC contract', async () => {
    const provider = new StandInProvider(AVA, { wei: 0n, usdcUnits: 5_000_000n });
    const client = await agentKitClient(provider);
    const sent = await call(client, 'transfer', {
      agent_id: 'ava',
      to: RECIPIENT,
      amount: '2.5',
      currency: 'USDC',
      idempotency_key: 'ava-usdc-0001',
    });
    expect(sent.structuredContent).toMatchObject({ status: 'confirmed', units: '2500000' });
    expect(provider.calls[1]).toEqual([
      'sendTransaction',
      {
        to: USDC,
        data: `0xa9059cbb${'0'.repeat(24)}${RECIPIENT.slice(2).toLowerCase()}${(2_500_000).toString(16).padStart(64, '0')}`,
      },
    ]);
    expect(provider.calls[2]?.[0]).toBe('waitForTransactionReceipt');
  });

  it('encodes ERC-20 transfer calldata as the ABI does', () => {
    // transfer(0x…0001, 1): selector a9059cbb and two 32-byte words.
    expect(erc20TransferData(`0x${'0'.repeat(39)}1`, 1n)).toBe(
      `0xa9059cbb${'0'.repeat(63)}1${'0'.repeat(63)}1`,
    );
  });

  it('refuses more than the balance before sending anything, and frees the key', async () => {
    const provider = new StandInProvider(AVA, { wei: 0n, usdcUnits: 1_000_000n });
    const client = await agentKitClient(provider);
    const args = {
      agent_id: 'ava',
      to: RECIPIENT,
      amount: '2',
      currency: 'USDC',
      idempotency_key: 'ava-usdc-0002',
    };
    const refused = await call(client, 'transfer', args);
    expect(refused.isError).toBe(true);
    expect(refused.text).toBe(
      `amount: 2.00 USDC is more than the balance of 1.00 USDC in ${AVA} (agent 'ava'); nothing moved`,
    );
    expect(provider.calls.map(([name]) => name)).toEqual(['readContract']);
    const smaller = await call(client, 'transfer', { ...args, amount: '1' });
    expect(smaller.structuredContent).toMatchObject({ replayed: false, units: '1000000' });
  });

  it('refuses a reused key with other arguments, and USD, without calling the provider', async () => {
    const provider = new StandInProvider(AVA, { wei: 10n ** 18n, usdcUnits: 0n });
    const client = await agentKitClient(provider);
    const args = {
      agent_id: 'ava',
      to: RECIPIENT,
      amount: '0.1',
      currency: 'ETH',
      idempotency_key: 'ava-eth-0002',
    };
    await call(client, 'transfer', args);
    const before = provider.calls.length;
    const reused = await call(client, 'transfer', { ...args, amount: '0.2' });
    expect(reused.text).toMatch(/^idempotency_key: 'ava-eth-0002' was used by an earlier transfer/);
    const usd = await call(client, 'get_balance', { agent_id: 'ava', currency: 'USD' });
    expect(usd.text).toBe('currency: USD is not held on chain; AgentKit wallets hold USDC and ETH');
    expect(provider.calls.length).toBe(before);
  });

  it('reports a reverted transaction as failed and keeps its key, so a retry cannot pay twice', async () => {
    const provider = new StandInProvider(AVA, { wei: 10n ** 18n, usdcUnits: 0n }, 'reverted');
    const client = await agentKitClient(provider);
    const args = {
      agent_id: 'ava',
      to: RECIPIENT,
      amount: '0.1',
      currency: 'ETH',
      idempotency_key: 'ava-eth-0003',
    };
    const hash = `0x${'1'.padStart(64, 'a')}`;
    const failed = await call(client, 'transfer', args);
    expect(failed.text).toBe(
      `transfer: transaction ${hash} was reverted on base-sepolia; get_transaction shows it`,
    );
    const retried = await call(client, 'transfer', args);
    expect(retried.isError).toBe(true);
    expect(provider.calls.filter(([name]) => name === 'nativeTransfer')).toHaveLength(1);
    expect(
      (await call(client, 'get_transaction', { tx_id: hash })).structuredContent,
    ).toMatchObject({ status: 'failed' });
    const unknown = await call(client, 'get_transaction', { tx_id: `0x${'b'.repeat(64)}` });
    expect(unknown.text).toBe(`tx_id: no transaction '0x${'b'.repeat(64)}' in the agentkit wallet`);
  });
});

describe('AgentKit configuration (FR-WALLET-003)', () => {
  const base = { dataDir: '/tmp/chimera-wallet-test' };

  it.each([
    [{}, 'CDP_API_KEY_NAME and CDP_API_KEY_PRIVATE_KEY'],
    [{ cdpApiKeyName: 'organizations/x/apiKeys/y' }, 'CDP_API_KEY_PRIVATE_KEY (the'],
    [{ cdpApiKeyPrivateKey: 'secret-pem' }, 'CDP_API_KEY_NAME (the'],
  ])('refuses %j with a ConfigError naming the missing variable', (config, named) => {
    const attempt = () => agentKitSettings({ ...base, ...config });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(`CHIMERA_WALLET=agentkit needs ${named}`);
    expect(attempt).not.toThrow(/secret-pem/);
  });

  it('defaults the network to base-sepolia', () => {
    expect(
      agentKitSettings({ ...base, cdpApiKeyName: 'name', cdpApiKeyPrivateKey: 'key' }),
    ).toMatchObject({
      networkId: 'base-sepolia',
      walletDataDir: `${base.dataDir}/agentkit-wallets`,
    });
  });

  it('makes the bundled wallet server refuse to start without the CDP variables', async () => {
    await expect(
      bundledServer('wallet').create({ walletConfig: { ...base, wallet: 'agentkit' } }),
    ).rejects.toThrow(/CHIMERA_WALLET=agentkit needs CDP_API_KEY_NAME and CDP_API_KEY_PRIVATE_KEY/);
  });

  it('says how to install @coinbase/agentkit when it is not there', async () => {
    const settings = agentKitSettings({ ...base, cdpApiKeyName: 'n', cdpApiKeyPrivateKey: 'k' });
    await expect(loadAgentKitProviders(settings)).rejects.toThrow(
      /needs the package @coinbase\/agentkit, which is not installed; run 'npm install @coinbase\/agentkit@0\.10'/,
    );
  });

  it('reads CHIMERA_WALLET and the CDP variables, and refuses an unknown backend', () => {
    expect(
      loadConfig({
        CHIMERA_WALLET: 'agentkit',
        CDP_API_KEY_NAME: 'name',
        CDP_API_KEY_PRIVATE_KEY: 'key',
        CDP_NETWORK_ID: 'base-mainnet',
        CHIMERA_WALLET_SEED_FILE: '/etc/chimera/wallet-seed',
      }),
    ).toMatchObject({
      wallet: 'agentkit',
      cdpApiKeyName: 'name',
      cdpApiKeyPrivateKey: 'key',
      cdpNetworkId: 'base-mainnet',
      walletSeedFile: '/etc/chimera/wallet-seed',
    });
    expect(() => loadConfig({ CHIMERA_WALLET: 'paypal' })).toThrow(/CHIMERA_WALLET: .*'paypal'/);
  });
});
