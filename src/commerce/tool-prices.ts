// What a priced MCP tool costs: an estimate from its arguments, asked of the CFO before the call,
// and, when the tool reports what it produced (seconds of speech or video), the actual cost
// settled after it. Media prices come from the provider price table; a wallet transfer costs
// what it sends, to its recipient.

import { type Money, parseMoney, usdcFromDollars } from '../domain/money.js';
import type { SpendType } from '../domain/spend-rules.js';
import { MEDIA_PRICES, productionCost, spokenSeconds, wordCount } from '../models/price-table.js';

/** How one tool is priced. */
export interface ToolPrice {
  requestType: SpendType;
  /** The most the call may cost, and who receives the money when someone does. */
  estimate(args: Record<string, unknown>): { amount: Money; counterparty?: string };
  /** The final cost from the tool's output; the estimate is settled when absent. */
  actual?(output: unknown): Money | undefined;
}

/** Prices by 'server.tool'. Tools not listed cost nothing. */
export type ToolPrices = Readonly<Record<string, ToolPrice>>;

/** The bundled servers' priced tools. */
export const BUNDLED_TOOL_PRICES: ToolPrices = {
  'media.render_image': {
    requestType: 'api_call',
    estimate: () => ({ amount: usdcFromDollars(productionCost('image')) }),
  },
  'media.synthesize_speech': {
    requestType: 'api_call',
    estimate: (args) => ({
      amount: usdcFromDollars(
        spokenSeconds(wordCount(String(args.text ?? ''))) * MEDIA_PRICES.speechPerSecond,
      ),
    }),
    actual: (output) => {
      const seconds = durationOf(output);
      return seconds === undefined
        ? undefined
        : usdcFromDollars(seconds * MEDIA_PRICES.speechPerSecond);
    },
  },
  'media.render_video': {
    requestType: 'api_call',
    estimate: (args) => ({
      amount: usdcFromDollars(
        productionCost('video', spokenSeconds(wordCount(String(args.script ?? '')))),
      ),
    }),
    actual: (output) => {
      const seconds = durationOf(output);
      return seconds === undefined ? undefined : usdcFromDollars(productionCost('video', seconds));
    },
  },
  'wallet.transfer': {
    requestType: 'agent_payment',
    estimate: (args) => ({
      amount: parseMoney(String(args.amount), String(args.currency)),
      counterparty: String(args.to),
    }),
  },
};

function durationOf(output: unknown): number | undefined {
  const seconds = (output as { duration_seconds?: unknown } | undefined)?.duration_seconds;
  return typeof seconds === 'number' && seconds >= 0 ? seconds : undefined;
}
