// The wallet server's port: what both adapters implement. The local store (a simulated chain in
// the database, store/postgres/wallet-queries.ts) and the Coinbase AgentKit adapter
// (agentkit-wallet-backend.ts). Amounts are Money (bigint minor units); no private key crosses it.

import type { Currency, Money } from '../../../domain/money.js';

/** The largest amount in minor units a transfer may move: a uint256, as on an EVM chain. */
export const MAX_UNITS = 2n ** 256n - 1n;

/** An agent's balance in one currency. */
export interface WalletBalance {
  agent_id: string;
  /** The wallet's EIP-55 address. */
  address: string;
  currency: Currency;
  /** Minor units (micro-USDC, wei, cents). */
  units: bigint;
}

/** Settlement state of a transaction. The local store settles at once ('confirmed'). */
export type WalletTransactionStatus = 'pending' | 'confirmed' | 'failed';

/** A transfer as the backend recorded it. */
export interface WalletTransaction {
  /** A uuid on the local store; the transaction hash on a chain. */
  tx_id: string;
  from: string;
  to: string;
  /** Minor units, always > 0. */
  units: bigint;
  currency: Currency;
  status: WalletTransactionStatus;
  idempotency_key: string;
  created_at: Date;
}

/** A transfer order from an agent's wallet. */
export interface TransferRequest {
  /** The paying agent; its wallet is created on first use. */
  agent_id: string;
  /** Recipient address, already checked against ADDRESS_PATTERN and EIP-55. */
  to: string;
  /** Amount, > 0. */
  amount: Money;
  /** The same key again returns the first transaction and moves nothing. */
  idempotency_key: string;
}

/** The outcome of a transfer: the transaction, and whether it is an earlier one replayed. */
export interface TransferOutcome {
  transaction: WalletTransaction;
  replayed: boolean;
}

/**
 * A wallet system. Refusals are ChimeraErrors whose message names the field and the reason:
 * INPUT_INVALID, WALLET_INSUFFICIENT_FUNDS, WALLET_KEY_REUSED; the server returns them as tool
 * errors.
 */
export interface WalletBackend {
  /** Version of this contract; bump on any breaking change. */
  readonly specificationVersion: 'wallet-v1';
  /** 'local' or 'agentkit', for messages and `chimera wallet show`. */
  readonly kind: string;
  /** Currencies this backend holds, in display order. */
  readonly currencies: readonly Currency[];
  /** `agentId`'s balance in `currency`; creates the wallet (balance 0) on first use. */
  getBalance(agentId: string, currency: Currency): Promise<WalletBalance>;
  /** Moves `amount` once per idempotency key; never leaves a balance below zero. */
  transfer(request: TransferRequest): Promise<TransferOutcome>;
  /** The transaction `txId`, or undefined when the backend knows no such transaction. */
  getTransaction(txId: string): Promise<WalletTransaction | undefined>;
}
