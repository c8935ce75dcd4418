// The wallet port over Coinbase AgentKit: each agent has its own EVM wallet provider; ETH moves
// with nativeTransfer, USDC with an ERC-20 `transfer` call, and each transfer waits for its receipt.
// It remembers idempotency keys and transactions for the life of the process only (see README).

import { ChimeraError, InputError } from '../../../domain/errors.js';
import { type Currency, formatMoney, type Money, money } from '../../../domain/money.js';
import { toChecksumAddress } from '../../../domain/wallet-keys.js';
import type {
  TransferOutcome,
  TransferRequest,
  WalletBalance,
  WalletTransaction,
} from '../../../domain/wallet-transaction.js';
import type { WalletBackend } from './wallet-backend.js';

type Hex = `0x${string}`;

/**
 * The part of AgentKit's `EvmWalletProvider` (`@coinbase/agentkit` 0.10.4,
 * dist/wallet-providers/evmWalletProvider.d.ts) this adapter calls, written out here because the
 * package is not installed (see README). Amounts are atomic units: wei, or the token's units.
 */
export interface AgentKitEvmWalletProvider {
  getAddress(): string;
  getNetwork(): { protocolFamily: string; networkId?: string; chainId?: string };
  /** Native balance (ETH) in wei. */
  getBalance(): Promise<bigint>;
  /** Sends `value` wei of the native asset; resolves to the transaction hash. */
  nativeTransfer(to: Hex, value: string): Promise<Hex>;
  sendTransaction(transaction: { to: Hex; data?: Hex; value?: bigint }): Promise<Hex>;
  /** A viem receipt: `status` is 'success' or 'reverted'. */
  waitForTransactionReceipt(txHash: Hex): Promise<{ status?: string } | undefined>;
  readContract(parameters: {
    address: Hex;
    abi: readonly unknown[];
    functionName: string;
    args: readonly unknown[];
  }): Promise<unknown>;
}

/**
 * USDC contracts by AgentKit network id, as AgentKit's own ERC-20 action provider lists them
 * (dist/action-providers/erc20/constants.js, TOKEN_ADDRESSES_BY_SYMBOLS).
 */
export const USDC_CONTRACTS: Readonly<Record<string, Hex>> = {
  'base-sepolia': '0x036CbD53842c5426634e7929541eC2318f3dCF7e',
  'base-mainnet': '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913',
  'ethereum-mainnet': '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
  'polygon-mainnet': '0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359',
  'arbitrum-mainnet': '0xaf88d065e77c8cC2239327C5EDb3A432268e5831',
  'optimism-mainnet': '0x0b2C639c533813f4Aa9D7837CAf62653d097Ff85',
};

/** ERC-20 `balanceOf(address) returns (uint256)`, in viem's ABI form. */
export const ERC20_BALANCE_OF_ABI = [
  {
    type: 'function',
    name: 'balanceOf',
    stateMutability: 'view',
    inputs: [{ name: 'account', type: 'address' }],
    outputs: [{ name: '', type: 'uint256' }],
  },
] as const;

/** keccak-256("transfer(address,uint256)")[0..4]. */
const ERC20_TRANSFER_SELECTOR = 'a9059cbb';

/** Calldata of ERC-20 `transfer(to, units)`: the selector, then two 32-byte words. */
export function erc20TransferData(to: string, units: bigint): Hex {
  const word = (hex: string) => hex.padStart(64, '0');
  return `0x${ERC20_TRANSFER_SELECTOR}${word(to.slice(2).toLowerCase())}${word(units.toString(16))}`;
}

interface Remembered {
  digest: string;
  outcome: Promise<WalletTransaction>;
}

/** Options of the AgentKit adapter. */
export interface AgentKitWalletOptions {
  /** The wallet provider of `agentId` (one AgentKit wallet per agent). */
  providerFor: (agentId: string) => Promise<AgentKitEvmWalletProvider>;
  /** AgentKit network id when a provider does not say (CDP_NETWORK_ID); default base-sepolia. */
  networkId?: string;
  now?: () => Date;
}

export class AgentKitWalletBackend implements WalletBackend {
  readonly specificationVersion = 'wallet-v1' as const;
  readonly kind = 'agentkit';
  readonly currencies: readonly Currency[] = ['USDC', 'ETH'];
  readonly #byKey = new Map<string, Remembered>();
  readonly #byHash = new Map<string, WalletTransaction>();

  constructor(private readonly options: AgentKitWalletOptions) {}

  async getBalance(agentId: string, currency: Currency): Promise<WalletBalance> {
    checkOnChainCurrency(currency);
    const provider = await this.options.providerFor(agentId);
    const address = toChecksumAddress(provider.getAddress());
    return { agent_id: agentId, address, currency, units: await this.unitsOf(provider, currency) };
  }

  transfer(request: TransferRequest): Promise<TransferOutcome> {
    const digest = JSON.stringify([
      request.agent_id,
      request.to.toLowerCase(),
      request.amount.units.toString(),
      request.amount.currency,
    ]);
    const earlier = this.#byKey.get(request.idempotency_key);
    if (earlier) return this.replay(earlier, digest, request.idempotency_key);
    // Remembered before the first await, so a concurrent call with the key waits for this one.
    const outcome = this.send(request);
    this.#byKey.set(request.idempotency_key, { digest, outcome });
    return outcome.then((transaction) => ({ transaction, replayed: false }));
  }

  async getTransaction(txId: string): Promise<WalletTransaction | undefined> {
    return this.#byHash.get(txId.toLowerCase());
  }

  private async replay(earlier: Remembered, digest: string, key: string): Promise<TransferOutcome> {
    if (earlier.digest !== digest) {
      throw new ChimeraError(
        'WALLET_KEY_REUSED',
        `idempotency_key: '${key}' was used by an earlier transfer with other arguments; use a new key for a different transfer`,
        { context: { field: 'idempotency_key' } },
      );
    }
    return { transaction: await earlier.outcome, replayed: true };
  }

  private async send(request: TransferRequest): Promise<WalletTransaction> {
    const key = request.idempotency_key;
    let provider: AgentKitEvmWalletProvider;
    let hash: Hex;
    try {
      checkOnChainCurrency(request.amount.currency);
      provider = await this.options.providerFor(request.agent_id);
      const balance = money(
        await this.unitsOf(provider, request.amount.currency),
        request.amount.currency,
      );
      if (balance.units < request.amount.units) {
        throw new ChimeraError(
          'WALLET_INSUFFICIENT_FUNDS',
          `amount: ${formatMoney(request.amount)} is more than the balance of ${formatMoney(balance)} in ${toChecksumAddress(provider.getAddress())} (agent '${request.agent_id}'); nothing moved`,
          { context: { field: 'amount', agentId: request.agent_id } },
        );
      }
      hash = await this.submit(provider, request.to as Hex, request.amount);
    } catch (error) {
      // Nothing was sent: the key may be used again.
      this.#byKey.delete(key);
      throw error;
    }
    // Sent: from here on the key stays taken, so a retry can never pay twice.
    const transaction: WalletTransaction = {
      tx_id: hash,
      from: toChecksumAddress(provider.getAddress()),
      to: toChecksumAddress(request.to),
      units: request.amount.units,
      currency: request.amount.currency,
      status: 'pending',
      idempotency_key: key,
      created_at: (this.options.now ?? (() => new Date()))(),
    };
    this.#byHash.set(hash.toLowerCase(), transaction);
    const receipt = await provider.waitForTransactionReceipt(hash);
    transaction.status = receipt?.status === 'success' ? 'confirmed' : 'failed';
    if (transaction.status === 'failed') {
      throw new ChimeraError(
        'MCP_TOOL_FAILED',
        `transfer: transaction ${hash} was ${receipt?.status ?? 'not confirmed'} on ${this.networkOf(provider)}; get_transaction shows it`,
      );
    }
    return transaction;
  }

  private submit(provider: AgentKitEvmWalletProvider, to: Hex, amount: Money): Promise<Hex> {
    if (amount.currency === 'ETH') return provider.nativeTransfer(to, amount.units.toString());
    return provider.sendTransaction({
      to: this.usdcContract(provider),
      data: erc20TransferData(to, amount.units),
    });
  }

  private async unitsOf(provider: AgentKitEvmWalletProvider, currency: Currency): Promise<bigint> {
    if (currency === 'ETH') return provider.getBalance();
    const units = await provider.readContract({
      address: this.usdcContract(provider),
      abi: ERC20_BALANCE_OF_ABI,
      functionName: 'balanceOf',
      args: [provider.getAddress()],
    });
    return BigInt(units as bigint | string);
  }

  private usdcContract(provider: AgentKitEvmWalletProvider): Hex {
    const network = this.networkOf(provider);
    const contract = USDC_CONTRACTS[network];
    if (!contract) {
      throw new InputError(
        `currency: no USDC contract is known on '${network}'; use one of ${Object.keys(USDC_CONTRACTS).join(', ')} (CDP_NETWORK_ID)`,
        { context: { field: 'currency' } },
      );
    }
    return contract;
  }

  private networkOf(provider: AgentKitEvmWalletProvider): string {
    return provider.getNetwork().networkId ?? this.options.networkId ?? 'base-sepolia';
  }
}

/** USD is bank money: AgentKit wallets hold it nowhere. Checked before any provider call. */
function checkOnChainCurrency(currency: Currency): void {
  if (currency === 'USD') {
    throw new InputError('currency: USD is not held on chain; AgentKit wallets hold USDC and ETH', {
      context: { field: 'currency' },
    });
  }
}
