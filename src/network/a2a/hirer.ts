// The hiring side of the handshake (domain/network/handshake.ts): an agent pays another node to
// run a skill. The hirer verifies the provider's card, asks for a quote on a new A2A task, has its
// CFO approve the spend and hold it in escrow (a reservation; over $20 a person decides, like any
// spend), accepts the quote, and on the provider's signed receipt settles the escrow and records
// the receipt in its ledger; on failure it refunds the escrow. Its handshake record moves phase by
// phase under state_version, so `resume` can finish a hire a crash interrupted without paying
// twice: a receipt settles an escrow once, and a refund and a settlement exclude each other.

import { randomUUID } from 'node:crypto';
import { Message, type Task } from '@a2a-js/sdk';
import {
  type Client,
  ClientFactory,
  ClientFactoryOptions,
  JsonRpcTransportFactory,
} from '@a2a-js/sdk/client';
import type { JWK } from 'jose';
import { ChimeraError } from '../../domain/errors.js';
import {
  type HireAcceptance,
  type HireRequest,
  SignedQuote,
  SignedReceipt,
  settlementId,
} from '../../domain/network/handshake.js';
import { failpoint } from '../../observability/failpoints.js';
import type { Handshake, HandshakeChange, Store } from '../../store/store.js';
import type { NodeIdentity } from '../identity/node-identity.js';
import { verifyJson } from '../identity/signed-json.js';
import { artifactData, messageData, wireState } from './a2a-wire.js';
import { moveHandshake } from './handshake-moves.js';
import { readProviderCard, type VerifiedProvider } from './provider-card.js';
import { A2aRefusal, signingFetch } from './signing-fetch.js';

/** How long one call to a provider may take: its SLA, with room for the rest of the phase. */
const CALL_TIMEOUT_MS = 30_000;

/** The hirer's CFO, as the handshake uses it (commerce/cfo.ts). */
export interface Escrow {
  approve(
    request: unknown,
  ): Promise<{ decision: 'approve' | 'escalate' | 'reject'; reasons: string[] }>;
  settleByReceipt(
    requestId: string,
    settlement: { transaction: string; agent_id: string; cents: string; reason: string },
  ): Promise<boolean>;
  release(requestId: string): Promise<boolean>;
}

/** One hire, as an agent asks for it. */
export interface HireOrder {
  tenantId: string;
  agentId: string;
  /** The provider node's base URL (its card is at /.well-known/agent-card.json). */
  providerUrl: string;
  skill: string;
  input: Record<string, unknown>;
  /** What the agent expects the result to earn, in whole US cents (the CFO checks ROI ≥ 1.5). */
  projectedRevenueCents?: bigint;
}

/** How a hire ended. */
export type HireOutcome =
  | { status: 'settled'; taskId: string; output: Record<string, unknown>; receipt: SignedReceipt }
  | { status: 'refunded' | 'declined'; taskId: string; reason: string }
  | { status: 'awaiting-approval'; taskId: string; reason: string };

export interface HirerOptions {
  store: Store;
  identity: () => Promise<NodeIdentity>;
  escrow: Escrow;
  now?: () => Date;
}

export class Hirer {
  private readonly now: () => Date;

  constructor(private readonly options: HirerOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Hires `order.skill` from the provider at `order.providerUrl`, through all four phases. */
  async hire(order: HireOrder): Promise<HireOutcome> {
    const provider = await readProviderCard(order.providerUrl, (nodeId) =>
      this.registeredKey(nodeId),
    );
    const client = await this.clientFor(provider);
    const request: HireRequest = {
      kind: 'chimera.hire.request',
      skill: order.skill,
      input: order.input,
    };
    const opened = await this.send(client, { data: request });
    const taskId = opened.id;
    const quote = await this.checkedQuote(opened, provider, taskId);
    if (!quote) {
      const reason = String(
        messageData(opened.status?.message)?.reason ?? 'the provider sent no quote',
      );
      return { status: 'declined', taskId, reason };
    }
    const handshake = await this.options.store.handshakes.open({
      role: 'hirer',
      task_id: taskId,
      counterparty: provider.nodeId,
      tenant_id: order.tenantId,
      agent_id: order.agentId,
      skill: order.skill,
      input: order.input,
      phase: 'negotiation',
      quote,
      escrow_request_id: escrowId(quote),
      result: null,
      receipt: null,
      failure: null,
      created_at: this.now(),
    });
    const decision = await this.options.escrow.approve({
      request_id: escrowId(quote),
      agent_id: order.agentId,
      request_type: 'agent_payment',
      amount: dollars(quote.quote.amount),
      currency: 'USD',
      ...(order.projectedRevenueCents !== undefined && {
        projected_revenue: dollars(order.projectedRevenueCents.toString()),
      }),
      counterparty: `node:${provider.nodeId}`,
      justification: `hire ${order.skill} from node ${provider.nodeId} (task ${taskId})`,
    });
    if (decision.decision === 'reject') {
      await this.move(handshake, {
        phase: 'declined',
        failure: `the CFO refused: ${decision.reasons.join('; ')}`,
      });
      return { status: 'declined', taskId, reason: decision.reasons.join('; ') };
    }
    if (decision.decision === 'escalate') {
      return { status: 'awaiting-approval', taskId, reason: decision.reasons.join('; ') };
    }
    return this.execute(client, handshake, provider);
  }

  /**
   * Hires `order.skill` from the live peers offering it, highest reputation first (the registry's
   * order), falling back to the next peer when one refuses, cannot be trusted or reached, or fails
   * the hire (its escrow refunded). Returns the first settled hire, or the last failure with the
   * providers tried.
   */
  async hireFromNetwork(
    order: Omit<HireOrder, 'providerUrl'>,
  ): Promise<HireOutcome & { providers: string[] }> {
    const self = (await this.options.identity()).nodeId;
    const peers = (
      await this.options.store.network.listLive(this.now(), { capability: order.skill })
    ).filter((peer) => peer.node_id !== self);
    const tried: string[] = [];
    let last: HireOutcome | undefined;
    let lastError: unknown;
    for (const peer of peers) {
      tried.push(peer.node_id);
      try {
        last = await this.hire({ ...order, providerUrl: peer.endpoint });
        if (last.status === 'settled' || last.status === 'awaiting-approval') {
          return { ...last, providers: tried };
        }
      } catch (error) {
        // A hire left open holds its escrow and may still complete: `resume` finishes it, and
        // hiring another provider now could pay twice for one order.
        const open = await this.options.store.handshakes.listOpen('hirer', 1_000);
        const unfinished = open.some(
          (hire) =>
            hire.counterparty === peer.node_id &&
            hire.agent_id === order.agentId &&
            hire.skill === order.skill,
        );
        if (unfinished) throw error;
        lastError = error;
      }
    }
    if (last) return { ...last, providers: tried };
    if (lastError) throw lastError;
    throw new ChimeraError(
      'NETWORK_REFUSED',
      `skill: no live peer offers ${order.skill}; see 'chimera network peers --capability ${order.skill}'`,
      { context: { field: 'skill' } },
    );
  }

  /**
   * Finishes the hirer's open hires after a crash: a receipt already received is settled; a hire
   * past twice its quote's SLA since its acceptance is settled or refunded from the provider's
   * task, or refunded when the provider cannot say; a quote left unaccepted past its expiry is
   * refunded. Hires still within those times are left to the process running them.
   */
  async resume(limit = 100): Promise<HireOutcome[]> {
    const outcomes: HireOutcome[] = [];
    for (const handshake of await this.options.store.handshakes.listOpen('hirer', limit)) {
      const outcome = await this.resumeOne(handshake);
      if (outcome) outcomes.push(outcome);
    }
    return outcomes;
  }

  /** What resuming one open hire did; undefined when it is still in flight and left alone. */
  private async resumeOne(handshake: Handshake): Promise<HireOutcome | undefined> {
    if (handshake.phase === 'settlement' && handshake.receipt) {
      return this.settle(handshake, handshake.receipt);
    }
    const quote = handshake.quote?.quote;
    if (handshake.phase === 'negotiation') {
      // Its CFO may still be deciding (or a person, over $20) until the quote expires.
      if (quote && Date.parse(quote.expires_at) > this.now().getTime()) return undefined;
      return this.refund(handshake, 'the quote expired before it was accepted');
    }
    // In execution: the hire that sent the acceptance may still be waiting for the result.
    if (!this.pastDeadline(handshake)) return undefined;
    try {
      const provider = await this.providerOf(handshake);
      const client = await this.clientFor(provider);
      const task = await client.getTask({ tenant: '', id: handshake.task_id, historyLength: 0 });
      const outcome = await this.concluded(handshake, task, provider);
      if (outcome) return outcome;
    } catch {
      // Unreachable, or no longer knowing the task: past its SLA, the hire failed.
    }
    return this.refund(handshake, 'the provider gave no result within its SLA');
  }

  /** Execution and settlement: accept the quote, then settle on the receipt or refund. */
  private async execute(
    client: Client,
    handshake: Handshake,
    provider: VerifiedProvider,
  ): Promise<HireOutcome> {
    const quote = handshake.quote as SignedQuote;
    const started = await this.move(handshake, { phase: 'execution' });
    const acceptance: HireAcceptance = {
      kind: 'chimera.hire.accept',
      quote_id: quote.quote.quote_id,
      amount: quote.quote.amount,
      escrow_ref: escrowId(quote),
    };
    let task: Task;
    try {
      task = await this.send(client, { data: acceptance, taskId: handshake.task_id });
    } catch (error) {
      // Refused before it ran (a 402, 429 or 503): nothing was delivered, the escrow goes back.
      if (error instanceof ChimeraError && error.code === 'NETWORK_REFUSED') {
        return this.refund(started, error.message);
      }
      throw error;
    }
    return (
      (await this.concluded(started, task, provider)) ??
      this.refund(started, `the provider left the task ${wireState(task)}`)
    );
  }

  /** The outcome a provider's finished task settles or refunds; undefined while it runs. */
  private async concluded(
    handshake: Handshake,
    task: Task,
    provider: { nodeId: string; publicJwk: JWK },
  ): Promise<HireOutcome | undefined> {
    const state = wireState(task);
    if (state === 'TASK_STATE_COMPLETED') {
      const receipt = await this.checkedReceipt(task, handshake, provider);
      const settling = await this.move(handshake, {
        phase: 'settlement',
        receipt,
        result: artifactData(task, 'result') ?? {},
      });
      return this.settle(settling, receipt);
    }
    if (['TASK_STATE_FAILED', 'TASK_STATE_REJECTED', 'TASK_STATE_CANCELED'].includes(state)) {
      const reason = String(messageData(task.status?.message)?.reason ?? state);
      return this.refund(handshake, `the provider failed the hire: ${reason}`);
    }
    return undefined;
  }

  /** Releases the escrow to the provider and records the receipt in the ledger, once. */
  private async settle(handshake: Handshake, signed: SignedReceipt): Promise<HireOutcome> {
    const { receipt } = signed;
    await this.options.escrow.settleByReceipt(handshake.escrow_request_id as string, {
      transaction: receipt.transaction,
      agent_id: handshake.agent_id as string,
      cents: receipt.amount,
      reason: `paid node ${receipt.payTo} for ${receipt.extensions.chimera.skill} (task ${handshake.task_id})`,
    });
    failpoint('hire-after-settle');
    const settled = await this.move(handshake, { phase: 'settled' });
    const output = (settled.result?.output ?? {}) as Record<string, unknown>;
    return { status: 'settled', taskId: handshake.task_id, output, receipt: signed };
  }

  /** Refunds the escrow (releases the reservation) and closes the record. */
  private async refund(handshake: Handshake, reason: string): Promise<HireOutcome> {
    if (handshake.escrow_request_id) await this.options.escrow.release(handshake.escrow_request_id);
    await this.move(handshake, { phase: 'refunded', failure: reason });
    return { status: 'refunded', taskId: handshake.task_id, reason };
  }

  /** The quote of an opened task, when it is the provider's, for this node and this task. */
  private async checkedQuote(task: Task, provider: VerifiedProvider, taskId: string) {
    const parsed = SignedQuote.safeParse(artifactData(task, 'quote'));
    if (!parsed.success) return undefined;
    const { quote, signature } = parsed.data;
    const self = (await this.options.identity()).nodeId;
    const genuine =
      quote.provider === provider.nodeId &&
      quote.hirer === self &&
      quote.task_id === taskId &&
      (await verifyJson(quote, signature, provider.publicJwk));
    if (!genuine)
      throw untrusted(
        `the quote for task ${taskId} is not node ${provider.nodeId}'s for this hire`,
      );
    return parsed.data;
  }

  /** The receipt of a completed task, when it is the provider's and pays the quote exactly. */
  private async checkedReceipt(
    task: Task,
    handshake: Handshake,
    provider: { nodeId: string; publicJwk: JWK },
  ): Promise<SignedReceipt> {
    const parsed = SignedReceipt.safeParse(artifactData(task, 'receipt'));
    const quote = handshake.quote?.quote;
    const self = (await this.options.identity()).nodeId;
    const receipt = parsed.success ? parsed.data.receipt : undefined;
    const genuine =
      parsed.success &&
      quote !== undefined &&
      receipt?.transaction === settlementId(quote) &&
      receipt.amount === quote.amount &&
      receipt.payer === self &&
      receipt.payTo === provider.nodeId &&
      receipt.extensions.chimera.task_id === handshake.task_id &&
      (await verifyJson(receipt, parsed.data.signature, provider.publicJwk));
    if (!genuine || !parsed.success) {
      throw untrusted(
        `the receipt for task ${handshake.task_id} is not node ${provider.nodeId}'s for this hire`,
      );
    }
    return parsed.data;
  }

  private async send(
    client: Client,
    message: { data: Record<string, unknown>; taskId?: string },
  ): Promise<Task> {
    const result = await client
      .sendMessage(
        {
          tenant: '',
          message: Message.fromJSON({
            messageId: randomUUID(),
            ...(message.taskId && { taskId: message.taskId }),
            role: 'ROLE_USER',
            parts: [{ data: message.data, mediaType: 'application/json' }],
          }),
          configuration: undefined,
          metadata: undefined,
        },
        { signal: AbortSignal.timeout(CALL_TIMEOUT_MS) },
      )
      .catch((error: unknown) => {
        if (error instanceof A2aRefusal) {
          throw new ChimeraError(
            'NETWORK_REFUSED',
            `the provider refused the hire: ${error.message}`,
            {
              cause: error,
              retryable: error.status === 429 || error.status === 503,
            },
          );
        }
        if (error instanceof ChimeraError) throw error;
        throw new ChimeraError(
          'NETWORK_UNREACHABLE',
          `the request to the provider failed: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error, retryable: true },
        );
      });
    if (!('id' in result) || 'messageId' in result) {
      throw untrusted('the provider answered with a message, not a task');
    }
    return result as Task;
  }

  private async clientFor(provider: VerifiedProvider): Promise<Client> {
    const identity = await this.options.identity();
    const factory = new ClientFactory(
      ClientFactoryOptions.createFrom(ClientFactoryOptions.default, {
        transports: [
          new JsonRpcTransportFactory({
            fetchImpl: signingFetch(identity, provider.nodeId, this.now),
          }),
        ],
      }),
    );
    return factory.createFromAgentCard(provider.card);
  }

  /** The provider of a record, by its registered endpoint. */
  private async providerOf(handshake: Handshake): Promise<VerifiedProvider> {
    const peer = await this.options.store.network.get(handshake.counterparty);
    if (!peer) throw untrusted(`node ${handshake.counterparty} is not registered; cannot reach it`);
    const provider = await readProviderCard(peer.endpoint, (nodeId) => this.registeredKey(nodeId));
    if (provider.nodeId !== handshake.counterparty) {
      throw untrusted(`the node at ${peer.endpoint} is no longer ${handshake.counterparty}`);
    }
    return provider;
  }

  private pastDeadline(handshake: Handshake): boolean {
    const quote = handshake.quote?.quote;
    const deadline = handshake.updated_at.getTime() + (quote?.sla_ms ?? 0) * 2;
    return this.now().getTime() > deadline;
  }

  private async registeredKey(nodeId: string) {
    return (await this.options.store.network.get(nodeId))?.public_jwk;
  }

  /** Moves the record on and returns it as stored; throws if another writer moved it first. */
  private async move(handshake: Handshake, change: HandshakeChange): Promise<Handshake> {
    const { store } = this.options;
    const moved = await moveHandshake(store, handshake, change, this.now());
    const current = await store.handshakes.get('hirer', handshake.task_id);
    if (!moved || !current) {
      throw new ChimeraError(
        'STORE_VERSION_CONFLICT',
        `hire ${handshake.task_id} was moved by another process`,
      );
    }
    return current;
  }
}

/** The hirer's escrow for a quote: its CFO spend request id. */
function escrowId(quote: SignedQuote): string {
  return `a2a-escrow:${quote.quote.quote_id}`;
}

function dollars(cents: string): string {
  const value = BigInt(cents);
  return `${value / 100n}.${(value % 100n).toString().padStart(2, '0')}`;
}

function untrusted(message: string): ChimeraError {
  return new ChimeraError('NETWORK_PROVIDER_UNTRUSTED', message);
}
