// The CFO: decides each spend request by the spend rules, signs the decision, writes it to the
// ledger whatever it is, and reserves approved (and escalated) money, all in one transaction, so
// no number of concurrent requests can overspend a cap. The same request_id always gets its
// decision back. A person's decision on an escalation is signed and ledgered the same way and
// becomes the request's decision. Settlement moves a reservation to spent; release or expiry
// (of an approval; an escalation holds until a person decides) frees it.

import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { AgentId } from '../domain/agent.js';
import { type BudgetPeriod, isTimeZone, periodStart } from '../domain/budget-periods.js';
import { ChimeraError, InputError } from '../domain/errors.js';
import { fieldProblems } from '../domain/field-problems.js';
import type { SignedDecisionFields } from '../domain/ledger-entry.js';
import { type Currency, convert, type Money, money, parseMoneyField } from '../domain/money.js';
import {
  type BudgetCap,
  decideSpend,
  SPEND_TYPES,
  type SpendDecision,
} from '../domain/spend-rules.js';
import type { BudgetKey, Store, StoredSpendRequest } from '../store/store.js';
import { chainEntry, signDecision } from './ledger-chain.js';

const DecimalAmount = z.union([z.string().min(1), z.number()]);

/** A request to spend, as callers send it: amounts in major units ("12.50"). */
export const SpendRequest = z.object({
  request_id: z.string().min(1).max(200),
  agent_id: AgentId,
  request_type: z.enum(SPEND_TYPES),
  amount: DecimalAmount,
  currency: z.string().min(1),
  projected_revenue: DecimalAmount.optional(),
  /** Who receives the money, for agent payments and transfers (a new one raises the risk). */
  counterparty: z.string().min(1).max(200).optional(),
  justification: z.string().min(1).max(2_000),
  task_id: z.string().uuid().optional(),
});
export type SpendRequest = z.input<typeof SpendRequest>;

/** The CFO's answer. */
export type ApprovalDecision = StoredSpendRequest['decision'];

/** A cap as configured: per period and category, in USD (budget money is micro-USDC). */
const CapSetting = z.object({
  period: z.enum(['daily', 'weekly', 'monthly']),
  category: z.enum([...SPEND_TYPES, 'all']).default('all'),
  limit: DecimalAmount,
});

/** A settlement between nodes, as the ledger records it (request_type 'a2a_settlement'). */
export interface LedgerSettlement {
  /** The receipt's transaction id: the same in the hirer's and the provider's ledger. */
  transaction: string;
  /** The hiring agent on the hirer; on the provider, the node that paid (`node:<id>`). */
  agent_id: string;
  /** Whole US cents, as decimal text. */
  cents: string;
  /** Who paid whom for what, for people reading the ledger. */
  reason: string;
}

/** The ledger's request_type for a settlement between nodes. */
export const SETTLEMENT_REQUEST_TYPE = 'a2a_settlement';

/** The spec's default: $50 per agent per day across all categories. */
export const DEFAULT_CAPS = [{ period: 'daily', category: 'all', limit: '50' }] as const;

/** The CFO's signing key. */
export interface CfoKey {
  keyId: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export interface CfoOptions {
  store: Store;
  key: CfoKey;
  /** USD (as budget USDC) per unit of each currency; USD and USDC are 1. */
  prices?: Partial<Record<Currency, string>>;
  /** How long a reservation holds before expiry releases it. Default 15 minutes. */
  reservationMs?: number;
  now?: () => Date;
}

export class Cfo {
  private readonly prices: Partial<Record<Currency, string>>;
  private readonly now: () => Date;

  constructor(private readonly options: CfoOptions) {
    this.prices = { USD: '1', USDC: '1', ...options.prices };
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Decides a request (or returns its decision so far). Bad input throws and changes nothing.
   * `costKey` groups the requests one task makes for one priced call (see CostGovernor).
   */
  async approve(raw: unknown, options: { costKey?: string } = {}): Promise<ApprovalDecision> {
    const request = this.check(raw);
    return this.options.store.transaction(async (tx) => {
      await tx.cfo.lockRequest(request.request_id);
      const existing = await tx.cfo.getRequest(request.request_id);
      if (existing) return existing.decision;
      const agent = await tx.agents.get(request.agent_id);
      if (!agent) {
        throw new ChimeraError('AGENT_UNKNOWN', `agent_id: no agent '${request.agent_id}'`, {
          context: { agentId: request.agent_id },
        });
      }
      const now = this.now();
      let decision: SpendDecision;
      let keys: BudgetKey[] = [];
      if (agent.status === 'frozen') {
        decision = { decision: 'reject', reasons: ['the agent is frozen'], risk_score: 1 };
      } else {
        const caps = capsOf(agent.id, agent.persona);
        const zone = timeZoneOf(agent.id, agent.persona);
        const wanted = caps
          .filter((cap) => cap.category === 'all' || cap.category === request.request_type)
          .map((cap) => ({
            period: cap.period,
            period_start: periodStart(cap.period, now, zone),
            category: cap.category,
            limit: cap.limit.units,
          }));
        const rows = await tx.cfo.lockBudgets(request.agent_id, wanted);
        keys = rows.map(({ period, period_start, category }) => ({
          period,
          period_start,
          category,
        }));
        decision = decideSpend({
          type: request.request_type,
          amount: request.budgetAmount,
          projectedRevenue: request.budgetRevenue,
          caps: rows.map((row) => ({
            period: row.period,
            category: row.category as BudgetCap['category'],
            limit: money(row.limit, 'USDC'),
            spent: money(row.spent, 'USDC'),
            reserved: money(row.reserved, 'USDC'),
          })),
          signals: {
            newCounterparty: request.counterparty
              ? !(await tx.cfo.hasPaid(request.agent_id, request.counterparty))
              : false,
            requestsLastHour: await tx.cfo.countRequestsSince(
              request.agent_id,
              request.request_type,
              new Date(now.getTime() - 3_600_000),
            ),
          },
        });
      }
      const answer = await this.record(tx, now, {
        ...decision,
        request_id: request.request_id,
        agent_id: request.agent_id,
        request_type: request.request_type,
        amount: request.amount.units.toString(),
        currency: request.amount.currency,
      });
      const holds = decision.decision !== 'reject';
      if (holds) {
        await tx.cfo.adjustBudgets(request.agent_id, keys, {
          spent: 0n,
          reserved: request.budgetAmount.units,
        });
      }
      await tx.cfo.insertRequest({
        request_id: request.request_id,
        agent_id: request.agent_id,
        request_type: request.request_type,
        amount: request.amount.units.toString(),
        currency: request.amount.currency,
        budget_amount: request.budgetAmount.units,
        projected_revenue: request.projectedRevenue?.units.toString() ?? null,
        counterparty: request.counterparty ?? null,
        justification: request.justification,
        task_id: request.task_id ?? null,
        decision: answer,
        status: holds ? 'reserved' : 'rejected',
        budget_keys: holds ? keys : [],
        // An escalation holds its money until a person decides; an approval until it expires.
        reserved_until: decision.decision === 'approve' ? this.holdUntil(now) : null,
        ...(options.costKey && { cost_key: options.costKey }),
      });
      return answer;
    });
  }

  /**
   * A person's decision on an escalated request, in the caller's transaction (the review's): it
   * is signed and appended to the ledger beside the CFO's escalation, and becomes the request's
   * decision. Approval keeps the reservation for the resumed task; rejection releases it.
   */
  async decideEscalated(
    tx: Store,
    requestId: string,
    verdict: { approve: boolean; reviewer: string; reason: string | null },
  ): Promise<ApprovalDecision> {
    await tx.cfo.lockRequest(requestId);
    const request = await tx.cfo.getRequest(requestId);
    if (request?.status !== 'reserved' || request.decision.decision !== 'escalate') {
      throw new InputError(`spend ${requestId} is not waiting for a person's decision`);
    }
    const now = this.now();
    const said = verdict.reason ? `: ${verdict.reason}` : '';
    const answer = await this.record(tx, now, {
      ...request,
      decision: verdict.approve ? 'approve' : 'reject',
      reasons: [`${verdict.approve ? 'approved' : 'rejected'} by ${verdict.reviewer}${said}`],
      risk_score: request.decision.risk_score,
      ...(request.decision.roi !== undefined && { roi: request.decision.roi }),
    });
    if (!verdict.approve) {
      await tx.cfo.adjustBudgets(request.agent_id, request.budget_keys, {
        spent: 0n,
        reserved: -request.budget_amount,
      });
    }
    await tx.cfo.redecide(requestId, {
      decision: answer,
      status: verdict.approve ? 'reserved' : 'rejected',
      reserved_until: verdict.approve ? this.holdUntil(now) : null,
    });
    return answer;
  }

  /**
   * Moves an approved request's reservation to spent: the reserved amount, or `actual` when the
   * final cost is known (a model call's real tokens). False when there is nothing to settle.
   */
  settle(requestId: string, actual?: Money): Promise<boolean> {
    return finishReservation(
      this.options.store,
      requestId,
      'settled',
      actual && this.budgetMoney(actual, 'up').units,
    );
  }

  /**
   * Settles an escrow (an approved reservation) as paid under a provider's receipt, and appends
   * the settlement to the ledger under the receipt's transaction id, in one transaction. False,
   * with nothing written, when the escrow was settled or released before: a receipt pays once.
   */
  settleByReceipt(requestId: string, settlement: LedgerSettlement): Promise<boolean> {
    return this.options.store.transaction(async (tx) => {
      if (!(await finishReservation(tx, requestId, 'settled'))) return false;
      await this.recordSettlement(tx, settlement);
      return true;
    });
  }

  /**
   * Appends a settlement to the ledger, signed, in the caller's transaction: the provider's side
   * of a receipt, which it records as it issues it.
   */
  async recordSettlement(tx: Store, settlement: LedgerSettlement): Promise<void> {
    await this.record(tx, this.now(), {
      decision: 'approve',
      reasons: [settlement.reason],
      risk_score: 0,
      request_id: settlement.transaction,
      agent_id: settlement.agent_id,
      request_type: SETTLEMENT_REQUEST_TYPE,
      amount: settlement.cents,
      currency: 'USD',
    });
  }

  /** Frees a reservation (the spend was cancelled). False when there is nothing held. */
  release(requestId: string): Promise<boolean> {
    return finishReservation(this.options.store, requestId, 'released');
  }

  /** Validates a request and converts its money; throws InputError naming the field. */
  private check(raw: unknown) {
    const parsed = SpendRequest.safeParse(raw);
    if (!parsed.success) {
      throw new InputError(`invalid spend request: ${fieldProblems(parsed.error).join('; ')}`);
    }
    const request = parsed.data;
    const amount = parseMoneyField('amount', request.amount, request.currency);
    if (amount.units <= 0n) throw new InputError('amount: must be more than zero');
    const projectedRevenue =
      request.projected_revenue === undefined
        ? undefined
        : parseMoneyField('projected_revenue', request.projected_revenue, request.currency);
    return {
      ...request,
      amount,
      projectedRevenue,
      // Budgets count spend rounded up and revenue rounded down: never in the agent's favour.
      budgetAmount: this.budgetMoney(amount, 'up'),
      budgetRevenue: projectedRevenue && this.budgetMoney(projectedRevenue, 'down'),
    };
  }

  /** `amount` in budget money (micro-USDC) at the configured price. */
  private budgetMoney(amount: Money, rounding: 'up' | 'down'): Money {
    const price = this.prices[amount.currency];
    if (!price) {
      throw new InputError(`currency: no USD price is configured for ${amount.currency}`);
    }
    return convert(amount, 'USDC', price, rounding);
  }

  private holdUntil(now: Date): Date {
    return new Date(now.getTime() + (this.options.reservationMs ?? 15 * 60_000));
  }

  /** Signs a decision and appends it to the ledger; returns it as the CFO's answer. */
  private async record(
    tx: Store,
    now: Date,
    entry: SpendDecision & {
      request_id: string;
      agent_id: string;
      request_type: string;
      amount: string;
      currency: string;
    },
  ): Promise<ApprovalDecision> {
    const fields: SignedDecisionFields = {
      tx_id: entry.request_id,
      agent_id: entry.agent_id,
      request_type: entry.request_type,
      amount: entry.amount,
      currency: entry.currency,
      projected_roi: entry.roi ?? null,
      risk_score: entry.risk_score,
      decision: entry.decision,
      reasons: entry.reasons,
      cfo_agent_id: this.options.key.keyId,
      created_at: now.toISOString(),
    };
    const signature = signDecision(fields, this.options.key.privateKey);
    await tx.cfo.appendLedger((previous) => chainEntry(fields, signature, previous));
    return {
      decision: entry.decision,
      reasons: entry.reasons,
      risk_score: entry.risk_score,
      ...(entry.roi !== undefined && { roi: entry.roi }),
      signature,
      cfo_key_id: this.options.key.keyId,
      decided_at: fields.created_at,
    };
  }
}

/**
 * The agent's caps: `persona.budgets` if set, else the default $50 a day. A malformed setting
 * fails closed: the request is refused naming the field, rather than spent under a guess.
 */
function capsOf(
  agentId: string,
  persona: Record<string, unknown>,
): Array<Omit<BudgetCap, 'spent' | 'reserved'>> {
  const settings = z.array(CapSetting).safeParse(persona.budgets ?? DEFAULT_CAPS);
  if (!settings.success) {
    throw new InputError(
      `agent '${agentId}' has invalid persona.budgets: ${fieldProblems(settings.error).join('; ')}`,
    );
  }
  return settings.data.map((cap, index) => ({
    period: cap.period as BudgetPeriod,
    category: cap.category,
    limit: parseMoneyField(`persona.budgets[${index}].limit`, cap.limit, 'USDC'),
  }));
}

/** The agent's time zone (`persona.timezone`, default UTC); an unknown zone fails closed. */
function timeZoneOf(agentId: string, persona: Record<string, unknown>): string {
  const zone = persona.timezone ?? 'UTC';
  if (typeof zone !== 'string' || !isTimeZone(zone)) {
    throw new InputError(
      `agent '${agentId}' has invalid persona.timezone: '${String(zone)}' is not an IANA time zone such as Europe/Lisbon`,
    );
  }
  return zone;
}

/** Releases every reservation past its time; returns how many. Needs no signing key. */
export async function expireReservations(store: Store, now: Date = new Date()): Promise<number> {
  let released = 0;
  for (const requestId of await store.cfo.expiredReservations(now, 500)) {
    if (await finishReservation(store, requestId, 'released')) released++;
  }
  return released;
}

/**
 * Settles or releases a reservation in one transaction; false when nothing is held. Settling
 * counts `spent` (default: the reserved amount) as spent.
 */
function finishReservation(
  store: Store,
  requestId: string,
  to: 'settled' | 'released',
  spent?: bigint,
): Promise<boolean> {
  return store.transaction(async (tx) => {
    await tx.cfo.lockRequest(requestId);
    const request = await tx.cfo.getRequest(requestId);
    if (request?.status !== 'reserved') return false;
    if (to === 'settled' && request.decision.decision !== 'approve') {
      throw new InputError(
        `spend ${requestId} was ${request.decision.decision}d, not approved; a person must approve it first`,
      );
    }
    await tx.cfo.lockBudgets(
      request.agent_id,
      request.budget_keys.map((key) => ({ ...key, limit: 0n })),
    );
    await tx.cfo.adjustBudgets(request.agent_id, request.budget_keys, {
      spent: to === 'settled' ? (spent ?? request.budget_amount) : 0n,
      reserved: -request.budget_amount,
    });
    return tx.cfo.setRequestStatus(requestId, 'reserved', to);
  });
}
