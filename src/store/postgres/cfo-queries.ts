// The CFO's storage: budget rows locked in key order, spend requests keyed by request_id, and
// the ledger appended under one advisory lock so `seq` and `prev_hash` never race. Callers run
// these inside one transaction (Store.transaction), which is what makes a decision atomic.

import { type Kysely, sql } from 'kysely';
import type { LedgerEntry } from '../../domain/ledger-entry.js';
import type {
  BudgetKey,
  BudgetRow,
  CfoRepository,
  NewSpendRequest,
  SpendRequestStatus,
  StoredSpendRequest,
} from '../store.js';
import { toSpendRequest } from './row-mappers.js';
import type { ChimeraSchema } from './schema.js';

/** The budget_tracking columns a BudgetRow is read from. */
const BUDGET_COLUMNS = [
  'period',
  'period_start',
  'category',
  'limit_amount',
  'spent_amount',
  'reserved_amount',
] as const;

/** The advisory lock every ledger append takes ('chimera.ledger' as a 64-bit key). */
const LEDGER_LOCK = sql`hashtextextended('chimera.ledger', 0)`;

export class PostgresCfoRepository implements CfoRepository {
  constructor(private readonly db: Kysely<ChimeraSchema>) {}

  async lockRequest(requestId: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${requestId}, 1))`.execute(this.db);
  }

  async getRequest(requestId: string): Promise<StoredSpendRequest | undefined> {
    const row = await this.db
      .selectFrom('spend_requests')
      .selectAll()
      .where('request_id', '=', requestId)
      .executeTakeFirst();
    return row && toSpendRequest(row);
  }

  async redecide(
    requestId: string,
    change: {
      decision: StoredSpendRequest['decision'];
      status: SpendRequestStatus;
      reserved_until: Date | null;
    },
  ): Promise<void> {
    await this.db
      .updateTable('spend_requests')
      .set({
        decision: JSON.stringify(change.decision),
        status: change.status,
        reserved_until: change.reserved_until,
        updated_at: new Date(),
      })
      .where('request_id', '=', requestId)
      .execute();
  }

  async latestByCostKey(costKey: string) {
    const rows = await this.db
      .selectFrom('spend_requests')
      .selectAll()
      .where('cost_key', '=', costKey)
      .orderBy('created_at', 'desc')
      .orderBy('request_id', 'desc')
      .execute();
    return { latest: rows[0] && toSpendRequest(rows[0]), count: rows.length };
  }

  async insertRequest(request: NewSpendRequest): Promise<void> {
    await this.db
      .insertInto('spend_requests')
      .values({
        ...request,
        budget_amount: request.budget_amount.toString(),
        decision: JSON.stringify(request.decision),
        budget_keys: JSON.stringify(request.budget_keys),
      })
      .execute();
  }

  async setRequestStatus(
    requestId: string,
    from: SpendRequestStatus,
    to: SpendRequestStatus,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('spend_requests')
      .set({ status: to, updated_at: new Date() })
      .where('request_id', '=', requestId)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async lockBudgets(
    agentId: string,
    wanted: ReadonlyArray<BudgetKey & { limit: bigint }>,
  ): Promise<BudgetRow[]> {
    if (wanted.length === 0) return [];
    await this.db
      .insertInto('budget_tracking')
      .values(
        wanted.map((key) => ({
          agent_id: agentId,
          period: key.period,
          period_start: key.period_start,
          category: key.category,
          limit_amount: key.limit.toString(),
        })),
      )
      .onConflict((conflict) =>
        conflict.columns(['agent_id', 'period', 'period_start', 'category']).doNothing(),
      )
      .execute();
    const rows = await this.db
      .selectFrom('budget_tracking')
      .select(BUDGET_COLUMNS)
      .where('agent_id', '=', agentId)
      .where((eb) =>
        eb.or(
          wanted.map((key) =>
            eb.and([
              eb('period', '=', key.period),
              eb('period_start', '=', key.period_start),
              eb('category', '=', key.category),
            ]),
          ),
        ),
      )
      .orderBy('period')
      .orderBy('period_start')
      .orderBy('category')
      .forUpdate()
      .execute();
    return rows.map(toBudgetRow);
  }

  async adjustBudgets(
    agentId: string,
    keys: readonly BudgetKey[],
    change: { spent: bigint; reserved: bigint },
  ): Promise<void> {
    for (const key of keys) {
      await this.db
        .updateTable('budget_tracking')
        .set({
          spent_amount: sql`spent_amount + ${change.spent.toString()}::bigint`,
          reserved_amount: sql`reserved_amount + ${change.reserved.toString()}::bigint`,
          updated_at: new Date(),
        })
        .where('agent_id', '=', agentId)
        .where('period', '=', key.period)
        .where('period_start', '=', key.period_start)
        .where('category', '=', key.category)
        .execute();
    }
  }

  async countRequestsSince(agentId: string, requestType: string, since: Date): Promise<number> {
    const row = await this.db
      .selectFrom('spend_requests')
      .select(sql<number>`count(*)::int`.as('count'))
      .where('agent_id', '=', agentId)
      .where('request_type', '=', requestType)
      .where('created_at', '>=', since)
      .executeTakeFirstOrThrow();
    return row.count;
  }

  async hasPaid(agentId: string, counterparty: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('spend_requests')
      .select('request_id')
      .where('agent_id', '=', agentId)
      .where('counterparty', '=', counterparty)
      .where('status', '=', 'settled')
      .executeTakeFirst();
    return row !== undefined;
  }

  async expiredReservations(now: Date, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('spend_requests')
      .select('request_id')
      .where('status', '=', 'reserved')
      .where('reserved_until', '<=', now)
      .orderBy('reserved_until')
      .limit(limit)
      .execute();
    return rows.map((row) => row.request_id);
  }

  async appendLedger(
    link: (previous: Pick<LedgerEntry, 'seq' | 'entry_hash'> | undefined) => LedgerEntry,
  ): Promise<LedgerEntry> {
    await sql`SELECT pg_advisory_xact_lock(${LEDGER_LOCK})`.execute(this.db);
    const head = await this.db
      .selectFrom('ledger')
      .select(['seq', 'entry_hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const entry = link(head && { seq: Number(head.seq), entry_hash: head.entry_hash });
    await this.db
      .insertInto('ledger')
      .values({ ...entry, reasons: JSON.stringify(entry.reasons) })
      .execute();
    return entry;
  }

  async listCurrentBudgets(agentId?: string, tenantId?: string) {
    let query = this.db
      .selectFrom('budget_tracking')
      .distinctOn(['agent_id', 'period', 'category'])
      .select(['agent_id', ...BUDGET_COLUMNS])
      .orderBy('agent_id')
      .orderBy('period')
      .orderBy('category')
      .orderBy('period_start', 'desc');
    if (agentId) query = query.where('agent_id', '=', agentId);
    if (tenantId) {
      query = query.where('agent_id', 'in', (eb) =>
        eb.selectFrom('agents').select('id').where('tenant_id', '=', tenantId),
      );
    }
    const rows = await query.execute();
    return rows.map((row) => ({ agent_id: row.agent_id, ...toBudgetRow(row) }));
  }

  async listLedger(): Promise<LedgerEntry[]> {
    const rows = await this.db.selectFrom('ledger').selectAll().orderBy('seq').execute();
    return rows.map((row) => ({
      ...row,
      seq: Number(row.seq),
      amount: String(row.amount),
      reasons: row.reasons as string[],
      created_at: new Date(row.created_at).toISOString(),
      decision: row.decision as LedgerEntry['decision'],
    }));
  }
}

/** A budget_tracking row as the CFO reads it: amounts as bigint, the start as a date text. */
function toBudgetRow(row: {
  period: string;
  period_start: unknown;
  category: string;
  limit_amount: string;
  spent_amount: string;
  reserved_amount: string;
}): BudgetRow {
  return {
    period: row.period as BudgetKey['period'],
    period_start: toDateText(row.period_start),
    category: row.category,
    limit: BigInt(row.limit_amount),
    spent: BigInt(row.spent_amount),
    reserved: BigInt(row.reserved_amount),
  };
}

/** A `date` column as 'YYYY-MM-DD' whether the driver gave a string or a Date. */
function toDateText(value: unknown): string {
  if (value instanceof Date) {
    const local = new Date(value.getTime() - value.getTimezoneOffset() * 60_000);
    return local.toISOString().slice(0, 10);
  }
  return String(value).slice(0, 10);
}
