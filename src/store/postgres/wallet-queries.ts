// The local wallet store: a simulated chain in the database, behind the bundled `wallet` server.
// A transfer is one transaction: record it under its idempotency key (ON CONFLICT DO NOTHING, so
// a racing duplicate waits and then finds the winner), create and lock both balance rows in
// address order in one upsert (no deadlock between A→B and B→A), debit with a guarded UPDATE
// (and a CHECK units >= 0 below it), credit the recipient.

import { createHash, randomUUID } from 'node:crypto';
import { Kysely, PostgresDialect, type Selectable, sql, type Transaction } from 'kysely';
import type pg from 'pg';
import { ChimeraError, ConfigError, InputError } from '../../domain/errors.js';
import { type Currency, formatMoney, type Money, money } from '../../domain/money.js';
import {
  addressProblem,
  toChecksumAddress,
  type WalletSeed,
  ZERO_ADDRESS,
} from '../../domain/wallet-keys.js';
import {
  MAX_UNITS,
  type TransferOutcome,
  type TransferRequest,
  type WalletBalance,
  type WalletTransaction,
  type WalletTransactionStatus,
} from '../../domain/wallet-transaction.js';
import type { ChimeraSchema, WalletTransactionsTable } from './schema.js';

type Database = Kysely<ChimeraSchema> | Transaction<ChimeraSchema>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toTransaction(row: Selectable<WalletTransactionsTable>): WalletTransaction {
  return {
    tx_id: row.tx_id,
    from: row.from_address,
    to: row.to_address,
    units: BigInt(row.amount),
    currency: row.currency as Currency,
    status: row.status as WalletTransactionStatus,
    idempotency_key: row.idempotency_key,
    created_at: row.created_at,
  };
}

/** What makes two requests under one key the same request. */
function requestDigest(from: string, to: string, amount: Money): string {
  const canonical = JSON.stringify([from, to, amount.units.toString(), amount.currency]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * The local wallet store: the `WalletBackend` of the wallet server
 * (mcp/servers/wallet/wallet-backend.ts) on PostgreSQL, handed to it by app/hub-servers.ts.
 */
export class PostgresWalletStore {
  readonly specificationVersion = 'wallet-v1' as const;
  readonly kind = 'local';
  readonly currencies: readonly Currency[] = ['USDC', 'ETH', 'USD'];

  constructor(
    private readonly db: Kysely<ChimeraSchema>,
    private readonly seed: WalletSeed,
  ) {}

  /** A wallet store over `pool`, with addresses derived from `seed`. The pool stays the caller's. */
  static fromPool(pool: pg.Pool, seed: WalletSeed): PostgresWalletStore {
    return new PostgresWalletStore(
      new Kysely<ChimeraSchema>({ dialect: new PostgresDialect({ pool }) }),
      seed,
    );
  }

  async getBalance(agentId: string, currency: Currency): Promise<WalletBalance> {
    const address = await this.ensureAccount(this.db, agentId);
    const row = await this.db
      .selectFrom('wallet_balances')
      .select('units')
      .where('address', '=', address)
      .where('currency', '=', currency)
      .executeTakeFirst();
    return { agent_id: agentId, address, currency, units: BigInt(row?.units ?? '0') };
  }

  async transfer(request: TransferRequest): Promise<TransferOutcome> {
    checkAmount(request.amount);
    const problem = addressProblem(request.to);
    if (problem) throw new InputError(`to: ${problem}`, { context: { field: 'to' } });
    const to = toChecksumAddress(request.to);
    return this.db.transaction().execute(async (trx) => {
      const from = await this.ensureAccount(trx, request.agent_id);
      if (to === from) {
        throw new InputError(
          `to: ${to} is the paying wallet of '${request.agent_id}' itself; pay another address`,
          { context: { field: 'to', agentId: request.agent_id } },
        );
      }
      const recorded = await record(trx, from, to, request.amount, request.idempotency_key);
      if (recorded.replayed) return recorded;
      await lockBalances(trx, [from, to], request.amount.currency);
      const debited = await trx
        .updateTable('wallet_balances')
        .set({
          units: sql<string>`units - ${request.amount.units.toString()}::numeric`,
          updated_at: new Date(),
        })
        .where('address', '=', from)
        .where('currency', '=', request.amount.currency)
        .where(sql<boolean>`units >= ${request.amount.units.toString()}::numeric`)
        .executeTakeFirst();
      if (Number(debited.numUpdatedRows) !== 1) {
        const balance = await balanceOf(trx, from, request.amount.currency);
        throw new ChimeraError(
          'WALLET_INSUFFICIENT_FUNDS',
          `amount: ${formatMoney(request.amount)} is more than the balance of ${formatMoney(balance)} in ${from} (agent '${request.agent_id}'); nothing moved`,
          { context: { field: 'amount', agentId: request.agent_id } },
        );
      }
      await credit(trx, to, request.amount);
      return recorded;
    });
  }

  async getTransaction(txId: string): Promise<WalletTransaction | undefined> {
    if (!UUID.test(txId)) return undefined;
    const row = await this.db
      .selectFrom('wallet_transactions')
      .selectAll()
      .where('tx_id', '=', txId)
      .executeTakeFirst();
    return row && toTransaction(row);
  }

  /**
   * The sandbox faucet (not an MCP tool): credits `amount` to `agentId`'s wallet, recorded as a
   * transfer from the zero address. A given `idempotencyKey` credits once.
   */
  async fund(
    agentId: string,
    amount: Money,
    idempotencyKey = `fund:${randomUUID()}`,
  ): Promise<{ transaction: WalletTransaction; replayed: boolean; balance: WalletBalance }> {
    checkAmount(amount);
    return this.db.transaction().execute(async (trx) => {
      const address = await this.ensureAccount(trx, agentId);
      const recorded = await record(trx, ZERO_ADDRESS, address, amount, idempotencyKey);
      if (!recorded.replayed) await credit(trx, address, amount);
      const balance = await balanceOf(trx, address, amount.currency);
      return {
        ...recorded,
        balance: { agent_id: agentId, address, currency: amount.currency, units: balance.units },
      };
    });
  }

  /** Creates `agentId`'s account on first use; refuses a seed that derives another address. */
  private async ensureAccount(db: Database, agentId: string): Promise<string> {
    const address = this.seed.addressFor(agentId);
    const created = await db
      .insertInto('wallet_accounts')
      .values({ agent_id: agentId, address })
      .onConflict((conflict) => conflict.column('agent_id').doNothing())
      .returning('address')
      .executeTakeFirst();
    if (created) return address;
    const stored = await db
      .selectFrom('wallet_accounts')
      .select('address')
      .where('agent_id', '=', agentId)
      .executeTakeFirstOrThrow();
    if (stored.address !== address) {
      throw new ConfigError(
        'CONFIG_INVALID',
        `agent '${agentId}' has the wallet ${stored.address}, but the wallet seed now derives ${address}; restore the seed file this database was used with (CHIMERA_WALLET_SEED_FILE)`,
        { context: { agentId } },
      );
    }
    return address;
  }
}

function checkAmount(amount: Money): void {
  if (amount.units <= 0n) {
    throw new InputError(`amount: ${formatMoney(amount)} must be more than 0`, {
      context: { field: 'amount' },
    });
  }
  if (amount.units > MAX_UNITS) {
    throw new InputError(`amount: ${formatMoney(amount)} is more than a uint256 can hold`, {
      context: { field: 'amount' },
    });
  }
}

/** Inserts the transaction once per key; an existing one is replayed if its arguments match. */
async function record(
  trx: Transaction<ChimeraSchema>,
  from: string,
  to: string,
  amount: Money,
  idempotencyKey: string,
): Promise<TransferOutcome> {
  const digest = requestDigest(from, to, amount);
  const inserted = await trx
    .insertInto('wallet_transactions')
    .values({
      tx_id: randomUUID(),
      idempotency_key: idempotencyKey,
      from_address: from,
      to_address: to,
      amount: amount.units.toString(),
      currency: amount.currency,
      status: 'confirmed',
      request_digest: digest,
    })
    .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { transaction: toTransaction(inserted), replayed: false };
  const existing = await trx
    .selectFrom('wallet_transactions')
    .selectAll()
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirstOrThrow();
  if (existing.request_digest !== digest) {
    const first = toTransaction(existing);
    throw new ChimeraError(
      'WALLET_KEY_REUSED',
      `idempotency_key: '${idempotencyKey}' was used by transaction ${first.tx_id} (${formatMoney(money(first.units, first.currency))} from ${first.from} to ${first.to}); use a new key for a different transfer`,
      { context: { field: 'idempotency_key' } },
    );
  }
  return { transaction: toTransaction(existing), replayed: true };
}

/**
 * Creates the missing balance rows of `addresses` and locks them all, in address order, in one
 * statement. Every wait for a balance row happens in this single ascending pass, so two transfers
 * between the same wallets in opposite directions cannot deadlock. (A SELECT … FOR UPDATE would
 * miss a row another transaction is inserting, and lock it later, out of order.)
 */
async function lockBalances(
  trx: Transaction<ChimeraSchema>,
  addresses: string[],
  currency: Currency,
): Promise<void> {
  const ordered = [...addresses].sort();
  await trx
    .insertInto('wallet_balances')
    .values(ordered.map((address) => ({ address, currency, units: '0' })))
    .onConflict((conflict) =>
      conflict
        .columns(['address', 'currency'])
        .doUpdateSet({ units: sql<string>`wallet_balances.units` }),
    )
    .execute();
}

async function balanceOf(db: Database, address: string, currency: Currency): Promise<Money> {
  const row = await db
    .selectFrom('wallet_balances')
    .select('units')
    .where('address', '=', address)
    .where('currency', '=', currency)
    .executeTakeFirst();
  return money(BigInt(row?.units ?? '0'), currency);
}

async function credit(db: Database, address: string, amount: Money): Promise<void> {
  await db
    .insertInto('wallet_balances')
    .values({ address, currency: amount.currency, units: amount.units.toString() })
    .onConflict((conflict) =>
      conflict.columns(['address', 'currency']).doUpdateSet({
        units: sql<string>`wallet_balances.units + excluded.units`,
        updated_at: new Date(),
      }),
    )
    .execute();
}
