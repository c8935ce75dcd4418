// A wallet's records: balances, transfers and their outcome, as every wallet backend reports them
// (mcp/servers/wallet/wallet-backend.ts). Amounts are Money or bigint minor units.

import type { Currency, Money } from './money.js';

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
  /** Recipient address, already checked against ADDRESS_PATTERN and EIP-55 (wallet-keys.ts). */
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
