// The wallet server's port: what both adapters implement. The local store (a simulated chain in
// the database, store/postgres/wallet-queries.ts) and the Coinbase AgentKit adapter
// (agentkit-wallet-backend.ts). Amounts are Money (bigint minor units); no private key crosses it.

import type { Currency } from '../../../domain/money.js';
import type {
  TransferOutcome,
  TransferRequest,
  WalletBalance,
  WalletTransaction,
} from '../../../domain/wallet-transaction.js';

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
