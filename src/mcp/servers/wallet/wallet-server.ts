// The bundled `wallet` MCP server: get_balance, transfer and get_transaction over a WalletBackend
// (the local store or Coinbase AgentKit). It checks and converts the input (decimal amounts to
// minor units, EIP-55 addresses) and turns refusals into tool errors; it holds no keys.

import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import {
  CURRENCIES,
  type Currency,
  decimalText,
  type Money,
  MoneyFormatError,
  money,
  parseMoney,
} from '../../../domain/money.js';
import { ADDRESS_PATTERN, addressProblem } from '../../../domain/wallet-keys.js';
import { MAX_UNITS, type WalletTransaction } from '../../../domain/wallet-transaction.js';
import { toolAnswer } from '../tool-results.js';
import type { WalletBackend } from './wallet-backend.js';

const CurrencyCode = z.enum(Object.keys(CURRENCIES) as [Currency, ...Currency[]]);
const AgentId = z.string().min(1).max(200);

/** Input schemas of the tools, shared by every backend (a contract test compares them). */
export const WALLET_TOOL_INPUTS = {
  get_balance: { agent_id: AgentId, currency: CurrencyCode },
  transfer: {
    agent_id: AgentId.describe('the paying agent; the caller binds it to itself'),
    to: z.string().regex(ADDRESS_PATTERN, 'must be a 0x address of 40 hex digits'),
    amount: z
      .string()
      .regex(/^\d+(\.\d+)?$/, 'must be a decimal amount in major units such as 12.50')
      .describe('decimal text in major units, e.g. "12.50" USDC'),
    currency: CurrencyCode,
    idempotency_key: z.string().min(8).max(200),
  },
  get_transaction: { tx_id: z.string().min(1).max(100) },
};

const BalanceView = {
  agent_id: z.string(),
  address: z.string(),
  currency: CurrencyCode,
  balance: z.string().describe('decimal text in major units, e.g. "12.50"'),
  units: z.string().describe('minor units (micro-USDC, wei, cents) as a decimal integer'),
};

const TransactionView = {
  tx_id: z.string(),
  from: z.string(),
  to: z.string(),
  amount: z.string(),
  units: z.string(),
  currency: CurrencyCode,
  status: z.enum(['pending', 'confirmed', 'failed']),
  idempotency_key: z.string(),
  created_at: z.string(),
};

function amountText(units: bigint, currency: Currency): string {
  return decimalText(money(units, currency));
}

function view(transaction: WalletTransaction) {
  return {
    tx_id: transaction.tx_id,
    from: transaction.from,
    to: transaction.to,
    amount: amountText(transaction.units, transaction.currency),
    units: transaction.units.toString(),
    currency: transaction.currency,
    status: transaction.status,
    idempotency_key: transaction.idempotency_key,
    created_at: transaction.created_at.toISOString(),
  };
}

/** The amount as Money, or why it is not one (after "amount: "). */
function parseAmount(amount: string, currency: Currency): Money | string {
  try {
    const parsed = parseMoney(amount, currency);
    if (parsed.units <= 0n) return `${amount} ${currency} must be more than 0`;
    if (parsed.units > MAX_UNITS) return `${amount} ${currency} is more than a uint256 can hold`;
    return parsed;
  } catch (error) {
    if (error instanceof MoneyFormatError) return error.problem;
    throw error;
  }
}

/** Runs a tool body; a refusal or failure becomes a tool error with its message, never a stack. */
function answer<T extends Record<string, unknown>>(
  tool: string,
  backend: WalletBackend,
  work: () => Promise<T | string>,
) {
  return toolAnswer(`${tool}: the ${backend.kind} wallet failed`, work);
}

/** Wallet server options. */
export interface WalletServerOptions {
  /** Where balances and transfers live: PostgresWalletStore or AgentKitWalletBackend. */
  backend: WalletBackend;
}

export function createWalletServer({ backend }: WalletServerOptions): McpServer {
  const server = new McpServer({ name: 'chimera-wallet', version: '0.1.0' });

  server.registerTool(
    'get_balance',
    {
      description:
        "An agent's wallet address and balance in one currency; the wallet is created (balance 0) on first use.",
      inputSchema: WALLET_TOOL_INPUTS.get_balance,
      outputSchema: BalanceView,
      annotations: { readOnlyHint: true },
    },
    ({ agent_id, currency }) =>
      answer('get_balance', backend, async () => {
        const balance = await backend.getBalance(agent_id, currency);
        return {
          agent_id,
          address: balance.address,
          currency,
          balance: amountText(balance.units, currency),
          units: balance.units.toString(),
        };
      }),
  );

  server.registerTool(
    'transfer',
    {
      description:
        "Pays `amount` (major units) from agent_id's wallet to the address `to`, atomically. The same idempotency_key again returns the first transaction (replayed: true) and moves nothing; with other arguments it is refused. More than the balance is refused.",
      inputSchema: WALLET_TOOL_INPUTS.transfer,
      outputSchema: { ...TransactionView, replayed: z.boolean() },
      annotations: { idempotentHint: true, destructiveHint: true },
    },
    (input) =>
      answer('transfer', backend, async () => {
        const amount = parseAmount(input.amount, input.currency);
        if (typeof amount === 'string') return `amount: ${amount}`;
        const problem = addressProblem(input.to);
        if (problem) return `to: ${problem}`;
        const { transaction, replayed } = await backend.transfer({
          agent_id: input.agent_id,
          to: input.to,
          amount,
          idempotency_key: input.idempotency_key,
        });
        return { ...view(transaction), replayed };
      }),
  );

  server.registerTool(
    'get_transaction',
    {
      description: 'A transaction by its tx_id, as transfer returned it.',
      inputSchema: WALLET_TOOL_INPUTS.get_transaction,
      outputSchema: TransactionView,
      annotations: { readOnlyHint: true },
    },
    ({ tx_id }) =>
      answer('get_transaction', backend, async () => {
        const transaction = await backend.getTransaction(tx_id);
        return transaction
          ? view(transaction)
          : `tx_id: no transaction '${tx_id}' in the ${backend.kind} wallet`;
      }),
  );

  return server;
}
