// The provider's side of the handshake (domain/network/handshake.ts), as an @a2a-js/sdk
// AgentExecutor: the first message of a task is a hire request, answered with a signed quote
// (negotiation, task input-required); the second accepts it, and the skill runs under its SLA and
// is scored (execution), then the provider signs a receipt and records it in its ledger, in the
// transaction that settles its record (settlement). Each phase is a move of the provider's
// handshake record under its state_version, so a message replayed, or re-sent after a crash,
// finds the record past that phase and gets its outcome again instead of a second run. Whoever
// sent the message was verified before (a2a-routes.ts): the hirer is the call's user.

import { randomUUID } from 'node:crypto';
import type { AgentExecutor, ExecutionEventBus, RequestContext } from '@a2a-js/sdk/server';
import { AgentEvent } from '@a2a-js/sdk/server';
import {
  HireAcceptance,
  HireRequest,
  MIN_HIRED_QUALITY,
  QUOTE_TTL_MS,
  type Quote,
  type Receipt,
  type SignedQuote,
  type SignedReceipt,
  SYNC_SLA_MS,
  settlementId,
} from '../../domain/network/handshake.js';
import { failpoint } from '../../observability/failpoints.js';
import type { Handshake, Store } from '../../store/store.js';
import type { NodeIdentity } from '../identity/node-identity.js';
import { signJson } from '../identity/signed-json.js';
import { messageData, type TaskView, taskOf } from './a2a-wire.js';
import { moveHandshake } from './handshake-moves.js';

/** A hired run's outcome: its output and the Judge's confidence in it, or why it failed. */
export type HiredRun =
  | { ok: true; output: Record<string, unknown>; quality: number }
  | { ok: false; reason: string };

/** The work a provider sells: the skills it offers, their prices, and a scored run. */
export interface HiredWork {
  offers(skill: string): boolean;
  /** One run's price in whole US cents: the provider CFO's quote. */
  priceCents(skill: string): bigint;
  /**
   * Loads what runs need (the Judge's models) once, so that a quote's SLA counts the run and not
   * a cold start; later calls return at once.
   */
  ready(): Promise<void>;
  /** Runs `skill` on `input` until `signal` aborts, and has the Judge score the result. */
  run(skill: string, input: Record<string, unknown>, signal: AbortSignal): Promise<HiredRun>;
}

/** Where a provider records what it was paid: its CFO, signing into its ledger. */
export interface SettlementRecorder {
  recordSettlement(
    tx: Store,
    settlement: { transaction: string; agent_id: string; cents: string; reason: string },
  ): Promise<void>;
}

export interface HireProviderOptions {
  store: Store;
  identity: () => Promise<NodeIdentity>;
  work: HiredWork;
  ledger: SettlementRecorder;
  now?: () => Date;
  /** The SLA of a synchronous skill. Default SYNC_SLA_MS (2 s). */
  slaMs?: number;
}

/** x402's A2A metadata keys on a task's status message. */
const X402_STATUS = 'x402.payment.status';
const X402_RECEIPTS = 'x402.payment.receipts';
const X402_ERROR = 'x402.payment.error';

export class HireProvider implements AgentExecutor {
  private readonly now: () => Date;
  private readonly slaMs: number;
  /** Hires running now: the node's load is this over its capacity. */
  running = 0;

  constructor(private readonly options: HireProviderOptions) {
    this.now = options.now ?? (() => new Date());
    this.slaMs = options.slaMs ?? SYNC_SLA_MS;
  }

  async execute(context: RequestContext, bus: ExecutionEventBus): Promise<void> {
    const hirer = context.context.user?.userName ?? '';
    const data = messageData(context.userMessage) ?? {};
    const ids = { id: context.taskId, contextId: context.contextId };
    const existing = await this.options.store.handshakes.get('provider', context.taskId);
    const view = existing
      ? await this.continueHire(existing, data, ids)
      : await this.quote(hirer, data, ids);
    bus.publish(AgentEvent.task(taskOf(view)));
    bus.finished();
  }

  async cancelTask(taskId: string, bus: ExecutionEventBus): Promise<void> {
    const handshake = await this.options.store.handshakes.get('provider', taskId);
    if (handshake?.phase === 'negotiation') {
      await moveHandshake(
        this.options.store,
        handshake,
        { phase: 'declined', failure: 'cancelled by the hirer' },
        this.now(),
      );
    }
    const current = await this.options.store.handshakes.get('provider', taskId);
    if (current)
      bus.publish(AgentEvent.task(taskOf(outcomeOf(current, { id: taskId, contextId: '' }))));
    bus.finished();
  }

  /**
   * Negotiation: a quote for a valid request of an offered skill, once the node is ready to run it
   * within the quote's SLA, or a rejection.
   */
  private async quote(hirer: string, data: Record<string, unknown>, ids: Ids): Promise<TaskView> {
    const request = HireRequest.safeParse(data);
    if (!request.success) {
      const issue = request.error.issues[0];
      const field = ['data', ...(issue?.path ?? [])].join('.');
      return rejected(ids, `${field}: ${issue?.message ?? 'not a hire request'}`);
    }
    const { skill, input } = request.data;
    if (!this.options.work.offers(skill)) {
      return rejected(ids, `skill: this node does not offer '${skill}'`);
    }
    await this.options.work.ready();
    const identity = await this.options.identity();
    const now = this.now();
    const quote: Quote = {
      quote_id: randomUUID(),
      task_id: ids.id,
      provider: identity.nodeId,
      hirer,
      skill,
      amount: this.options.work.priceCents(skill).toString(),
      currency: 'USD',
      sla_ms: this.slaMs,
      expires_at: new Date(now.getTime() + QUOTE_TTL_MS).toISOString(),
    };
    const signed: SignedQuote = { quote, signature: await signJson(identity, quote) };
    const handshake = await this.options.store.handshakes.open({
      role: 'provider',
      task_id: ids.id,
      counterparty: hirer,
      tenant_id: null,
      agent_id: null,
      skill,
      input,
      phase: 'negotiation',
      quote: signed,
      escrow_request_id: null,
      result: null,
      receipt: null,
      failure: null,
      created_at: now,
    });
    return outcomeOf(handshake, ids);
  }

  /** A message on a task with a record: the acceptance runs the hire; anything else re-reads it. */
  private async continueHire(
    handshake: Handshake,
    data: Record<string, unknown>,
    ids: Ids,
  ): Promise<TaskView> {
    const { store } = this.options;
    if (handshake.phase === 'execution' && this.running === 0) {
      // Left in execution by a crash: the run is lost, and the hirer must be refunded.
      await moveHandshake(
        store,
        handshake,
        { phase: 'refunded', failure: 'the provider stopped during execution' },
        this.now(),
      );
      return outcomeOf(await this.reload(ids.id), ids);
    }
    const acceptance = HireAcceptance.safeParse(data);
    if (handshake.phase !== 'negotiation' || !acceptance.success) return outcomeOf(handshake, ids);
    const quote = handshake.quote?.quote;
    if (
      !quote ||
      acceptance.data.quote_id !== quote.quote_id ||
      acceptance.data.amount !== quote.amount
    ) {
      return outcomeOf(handshake, ids);
    }
    const now = this.now();
    if (Date.parse(quote.expires_at) < now.getTime()) {
      await moveHandshake(
        store,
        handshake,
        { phase: 'declined', failure: `the quote expired at ${quote.expires_at}` },
        now,
      );
      return outcomeOf(await this.reload(ids.id), ids);
    }
    const started = await moveHandshake(
      store,
      handshake,
      {
        phase: 'execution',
        escrow_request_id: `${handshake.counterparty}:${acceptance.data.escrow_ref}`,
      },
      now,
    );
    if (!started) return outcomeOf(await this.reload(ids.id), ids);
    this.running++;
    try {
      failpoint('hire-provider-executing');
      return await this.perform(await this.reload(ids.id), quote, ids);
    } finally {
      this.running--;
    }
  }

  /** Execution and settlement: the run, its score and SLA, then the receipt or the failure. */
  private async perform(handshake: Handshake, quote: Quote, ids: Ids): Promise<TaskView> {
    const { store } = this.options;
    const startedAt = performance.now();
    const run = await this.options.work
      .run(handshake.skill, handshake.input, AbortSignal.timeout(quote.sla_ms))
      .catch(
        (error: unknown): HiredRun => ({
          ok: false,
          reason: error instanceof Error ? error.message : String(error),
        }),
      );
    const durationMs = Math.round(performance.now() - startedAt);
    const failure = !run.ok
      ? run.reason
      : run.quality < MIN_HIRED_QUALITY
        ? `quality ${run.quality} is below ${MIN_HIRED_QUALITY}`
        : durationMs > quote.sla_ms
          ? `the run took ${durationMs} ms, over its SLA of ${quote.sla_ms} ms`
          : undefined;
    if (failure || !run.ok) {
      await moveHandshake(
        store,
        handshake,
        { phase: 'refunded', failure: failure ?? 'failed' },
        this.now(),
      );
      return outcomeOf(await this.reload(ids.id), ids);
    }
    const identity = await this.options.identity();
    const settledAt = this.now();
    const receipt: Receipt = {
      success: true,
      transaction: settlementId(quote),
      network: 'chimera:ledger',
      asset: 'USD',
      amount: quote.amount,
      payer: quote.hirer,
      payTo: quote.provider,
      extensions: {
        chimera: {
          task_id: quote.task_id,
          quote_id: quote.quote_id,
          skill: quote.skill,
          quality: run.quality,
          duration_ms: durationMs,
          settled_at: settledAt.toISOString(),
        },
      },
    };
    const signed: SignedReceipt = { receipt, signature: await signJson(identity, receipt) };
    await store.transaction(async (tx) => {
      const settled = await moveHandshake(
        tx,
        handshake,
        {
          phase: 'settlement',
          result: { output: run.output, quality: run.quality },
          receipt: signed,
        },
        settledAt,
      );
      if (!settled) return;
      await this.options.ledger.recordSettlement(tx, {
        transaction: receipt.transaction,
        agent_id: `node:${quote.hirer}`,
        cents: receipt.amount,
        reason: `received from node ${quote.hirer} for ${quote.skill} (task ${quote.task_id})`,
      });
      await moveHandshake(
        tx,
        { ...handshake, phase: 'settlement', state_version: handshake.state_version + 1 },
        { phase: 'settled' },
        settledAt,
      );
    });
    return outcomeOf(await this.reload(ids.id), ids);
  }

  private async reload(taskId: string): Promise<Handshake> {
    const handshake = await this.options.store.handshakes.get('provider', taskId);
    if (!handshake) throw new Error(`handshake ${taskId} vanished`);
    return handshake;
  }
}

interface Ids {
  id: string;
  contextId: string;
}

/** What the hirer is shown of a record: the task's state, and the quote, result or receipt. */
function outcomeOf(handshake: Handshake, ids: Ids): TaskView {
  const quote: Record<string, Record<string, unknown>> = handshake.quote
    ? { quote: handshake.quote }
    : {};
  switch (handshake.phase) {
    case 'negotiation':
      return {
        ...ids,
        state: 'TASK_STATE_INPUT_REQUIRED',
        data: { kind: 'chimera.hire.quote', ...handshake.quote },
        metadata: { [X402_STATUS]: 'payment-required' },
        artifacts: quote,
      };
    case 'execution':
      return {
        ...ids,
        state: 'TASK_STATE_WORKING',
        data: { kind: 'chimera.hire.working' },
        artifacts: quote,
      };
    case 'settlement':
    case 'settled':
      return {
        ...ids,
        state: 'TASK_STATE_COMPLETED',
        data: { kind: 'chimera.hire.result', ...handshake.result },
        metadata: { [X402_STATUS]: 'payment-completed', [X402_RECEIPTS]: [handshake.receipt] },
        artifacts: {
          ...quote,
          ...(handshake.result && { result: handshake.result }),
          ...(handshake.receipt && { receipt: handshake.receipt }),
        },
      };
    case 'refunded':
    case 'declined':
      return {
        ...ids,
        state: 'TASK_STATE_FAILED',
        data: { kind: 'chimera.hire.failed', reason: handshake.failure ?? handshake.phase },
        metadata: { [X402_STATUS]: 'payment-failed', [X402_ERROR]: 'SETTLEMENT_FAILED' },
        artifacts: quote,
      };
  }
}

function rejected(ids: Ids, reason: string): TaskView {
  return { ...ids, state: 'TASK_STATE_REJECTED', data: { kind: 'chimera.hire.rejected', reason } };
}
