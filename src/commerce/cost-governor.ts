// The one cost governor: every cost an agent's run incurs (model tokens, priced MCP tools, wallet
// payments) is put to the CFO before it is incurred and settled after, against the same per-agent
// caps, so an idle or looping agent cannot burn money unseen. A refusal stops the call with
// SPEND_REJECTED; an escalation parks the task for a person with SPEND_ESCALATED; a call that
// fails releases its reservation.
//
// Request ids are `cost:<task>:<call key>#<n>`: the same call in a later attempt (a retry, a
// re-plan) is a new request, except while the last one still holds its reservation, which is
// how a task resumed after a person approved its spend finds that approval again, and how an
// effect finds the approval its skill asked for with a dry run. A call made with an
// idempotency key (a transfer) happens once whatever the attempts, so it is charged once too.

import { createHash } from 'node:crypto';
import type { LanguageModelV3 } from '@ai-sdk/provider';
import { type LanguageModel, wrapLanguageModel } from 'ai';
import { ChimeraError } from '../domain/errors.js';
import { decimalText, type Money, usdcFromDollars } from '../domain/money.js';
import type { SpendType } from '../domain/spend-rules.js';
import { estimateTokens } from '../models/offline/offline-language-model.js';
import { textCost } from '../models/price-table.js';
import type { SkillRun, SkillServices, SkillTools } from '../skills/skill.js';
import type { Store } from '../store/store.js';
import type { Cfo } from './cfo.js';
import { canonicalJson } from './ledger-chain.js';
import type { ToolPrices } from './tool-prices.js';

/** Output tokens assumed for a model call that sets no maximum: the estimate is an upper bound. */
const DEFAULT_MAX_OUTPUT_TOKENS = 4_096;

/** One call that costs money, as the governor puts it to the CFO. */
export interface PricedCall {
  /** The call within its task: the same call (same tool and arguments) has the same key. */
  key: string;
  requestType: SpendType;
  /** The most the call may cost. */
  estimate: Money;
  counterparty?: string | undefined;
  /** What the money is for, in words for the ledger. */
  justification: string;
  /** The call carries an idempotency key: repeating it after it was settled costs nothing. */
  idempotent?: boolean;
}

export class CostGovernor {
  constructor(
    private readonly options: {
      store: Store;
      cfo: () => Promise<Cfo>;
      toolPrices: ToolPrices;
      /** The configured text model (CHIMERA_MODEL), which picks its row of the price table. */
      modelName: string;
    },
  ) {}

  /**
   * `services` with every priced tool call and every model call charged to the run's agent.
   * Memory passes through: the price table has no row for embeddings.
   */
  govern(services: {
    toolsFor: SkillServices['toolsFor'];
    model: LanguageModel;
    memoryFor: SkillServices['memoryFor'];
  }): SkillServices {
    return {
      toolsFor: (run) => this.tools(run, services.toolsFor(run)),
      modelFor: (run) => this.model(run, services.model),
      memoryFor: services.memoryFor,
    };
  }

  /**
   * Runs `work` under an approved spend: approval first, then the work, then settlement of its
   * actual cost (default: the estimate). A failed call releases the reservation.
   */
  private async charge<T>(
    run: SkillRun,
    call: PricedCall,
    work: () => Promise<{ value: T; actual?: Money | undefined }>,
  ): Promise<T> {
    const approved = await this.approve(run, call);
    if (!approved) return (await work()).value;
    let outcome: { value: T; actual?: Money | undefined };
    try {
      outcome = await work();
    } catch (error) {
      await approved.cfo.release(approved.requestId);
      throw error;
    }
    await approved.cfo.settle(approved.requestId, outcome.actual);
    return outcome.value;
  }

  /**
   * Has the CFO approve `call` and hold the money, or finds the approval the task already holds.
   * Throws SPEND_REJECTED or SPEND_ESCALATED; undefined when there is nothing to charge.
   */
  private async approve(
    run: SkillRun,
    call: PricedCall,
  ): Promise<{ cfo: Cfo; requestId: string } | undefined> {
    if (call.estimate.units <= 0n) return undefined;
    // A run that was stopped (its lease lost, its time up) asks for no more money.
    run.signal?.throwIfAborted();
    const cfo = await this.options.cfo();
    const costKey = `${run.taskId}:${call.key}`;
    const { latest, count } = await this.options.store.cfo.latestByCostKey(costKey);
    if (call.idempotent && latest?.status === 'settled') return undefined;
    const requestId =
      latest?.status === 'reserved' ? latest.request_id : `cost:${costKey}#${count + 1}`;
    const decision = await cfo.approve(
      {
        request_id: requestId,
        agent_id: run.agentId,
        request_type: call.requestType,
        amount: decimalText(call.estimate),
        currency: call.estimate.currency,
        justification: call.justification,
        task_id: run.taskId,
        ...(call.counterparty && { counterparty: call.counterparty }),
      },
      { costKey },
    );
    const context = { agentId: run.agentId, taskId: run.taskId, spendRequestId: requestId };
    const what = `${call.justification} (${decimalText(call.estimate)} ${call.estimate.currency})`;
    if (decision.decision === 'reject') {
      throw new ChimeraError(
        'SPEND_REJECTED',
        `the CFO refused ${what}: ${decision.reasons.join('; ')}`,
        { context },
      );
    }
    if (decision.decision === 'escalate') {
      throw new ChimeraError(
        'SPEND_ESCALATED',
        `a person must approve ${what}: ${decision.reasons.join('; ')}`,
        { context },
      );
    }
    return { cfo, requestId };
  }

  /**
   * `tools` with the calls of priced tools charged first. A dry run of a priced call asks the CFO
   * now and leaves the approval held for the real call (a payment a skill plans and its effect
   * makes once the Judge approves).
   */
  private tools(run: SkillRun, tools: SkillTools): SkillTools {
    return {
      readResource: (server, uri) => tools.readResource(server, uri),
      callTool: async (server, tool, args, options) => {
        const price = this.options.toolPrices[`${server}.${tool}`];
        // A stopped run's call asks the CFO for nothing: the hub refuses it and traces why.
        if (!price || run.signal?.aborted) return tools.callTool(server, tool, args, options);
        let estimate: ReturnType<typeof price.estimate>;
        try {
          estimate = price.estimate(args);
        } catch (error) {
          throw new ChimeraError(
            'MCP_TOOL_FAILED',
            `${server}.${tool}: the call cannot be priced: ${error instanceof Error ? error.message : String(error)}`,
            { cause: error },
          );
        }
        const call: PricedCall = {
          key: `${server}.${tool}:${digest(args)}`,
          requestType: price.requestType,
          estimate: estimate.amount,
          counterparty: estimate.counterparty,
          justification: `${server}.${tool} for task ${run.taskId}`,
          idempotent: typeof args.idempotency_key === 'string',
        };
        if (options?.dryRun) {
          await this.approve(run, call);
          return tools.callTool(server, tool, args, options);
        }
        return this.charge(run, call, async () => {
          const output = await tools.callTool(server, tool, args, options);
          return { value: output, actual: price.actual?.(output) };
        });
      },
    };
  }

  /** `model` with each generation approved at its most (prompt and maximum output) first. */
  private model(run: SkillRun, model: LanguageModel): LanguageModel {
    if (typeof model === 'string' || model.specificationVersion !== 'v3') {
      throw new ChimeraError(
        'MODEL_UNAVAILABLE',
        'the cost governor needs an AI SDK v3 language model object',
      );
    }
    const { modelName } = this.options;
    const callFor = (params: Parameters<LanguageModelV3['doGenerate']>[0]): PricedCall => {
      const prompt = JSON.stringify(params.prompt);
      return {
        key: `model:${digest(prompt)}`,
        requestType: 'api_call',
        estimate: usdcOf(modelName, {
          inputTokens: estimateTokens(prompt),
          outputTokens: params.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS,
        }),
        justification: `${modelName} generation for task ${run.taskId}`,
      };
    };
    return wrapLanguageModel({
      model,
      middleware: {
        specificationVersion: 'v3',
        // The run's signal reaches the provider, whatever signal the skill passed itself.
        transformParams: async ({ params }) => ({
          ...params,
          abortSignal: anySignal(params.abortSignal, run.signal),
        }),
        wrapGenerate: ({ doGenerate, params }) =>
          this.charge(run, callFor(params), async () => {
            const result = await doGenerate();
            return { value: result, actual: usdcOf(modelName, usageOf(result.usage)) };
          }),
        // A stream's usage arrives after it is handed over: it is settled at its estimate.
        wrapStream: ({ doStream, params }) =>
          this.charge(run, callFor(params), async () => {
            const result = await doStream();
            return { value: result, actual: undefined };
          }),
      },
    });
  }
}

function anySignal(...signals: Array<AbortSignal | undefined>): AbortSignal | undefined {
  const present = signals.filter((signal) => signal !== undefined);
  return present.length > 1 ? AbortSignal.any(present) : present[0];
}

/** A digest of a call's arguments, whatever their key order, to recognise the same call again. */
function digest(value: unknown): string {
  return createHash('sha256')
    .update(typeof value === 'string' ? value : canonicalJson(value))
    .digest('hex')
    .slice(0, 24);
}

function usageOf(usage: {
  inputTokens: { total: number | undefined };
  outputTokens: { total: number | undefined };
}) {
  return { inputTokens: usage.inputTokens.total ?? 0, outputTokens: usage.outputTokens.total ?? 0 };
}

function usdcOf(model: string, usage: { inputTokens: number; outputTokens: number }): Money {
  return usdcFromDollars(textCost(model, usage));
}
