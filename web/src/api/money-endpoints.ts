// The money routes of /api/v1 that the Money page calls (budgets, the ledger and its check),
// with their wire types (type-only, from src/api/wire-schemas.ts).

import type { z } from 'zod';
import type {
  BudgetWire,
  LedgerCheckWire,
  LedgerEntryWire,
  WalletWire,
} from '../../../src/api/wire-schemas.js';
import { request } from './client';

/** One budget line: an agent's period and category, in US dollars as decimal text. */
export type Budget = z.infer<typeof BudgetWire>;
/** One signed ledger entry; `amount` is in minor units of `currency`. */
export type LedgerEntry = z.infer<typeof LedgerEntryWire>;
/** The chain holds (`ok`), or `broken` names the first entry that breaks it (null: another tenant's). */
export type LedgerCheck = z.infer<typeof LedgerCheckWire>;

/** An agent's wallet: its address, its backend and a balance per currency. */
export type Wallet = z.infer<typeof WalletWire>;

export const moneyApi = {
  budgets: () => request<{ budgets: Budget[] }>('GET', '/api/v1/budgets'),
  /** The tenant's entries, in chain order. */
  ledger: () => request<{ entries: LedgerEntry[] }>('GET', '/api/v1/ledger'),
  /** Recomputes the whole hash chain and checks every signature (any role may). */
  verifyLedger: () => request<LedgerCheck>('POST', '/api/v1/ledger/verify'),
  wallet: (agentId: string) =>
    request<Wallet>('GET', `/api/v1/wallets/${encodeURIComponent(agentId)}`),
};
