// pay_agent: plans a payment from the agent's wallet to another address (another agent's, for
// work it did). The run checks the balance and has the CFO approve the transfer (a dry run of
// `wallet.transfer`, which the cost governor turns into an approval held for the real call); the
// transfer itself is the effect, made once after the Judge approves, under the task's key.

import { z } from 'zod';
import { SkillPermanentError } from '../../domain/errors.js';
import { formatMoney, MoneyFormatError, parseMoney } from '../../domain/money.js';
import { defineSkill } from '../skill.js';

const SERVER = 'wallet';

/** The wallet currencies an agent pays in. */
const WalletCurrency = z.enum(['USDC', 'ETH']);

/** The transfer the effect makes: exactly the arguments of `wallet.transfer`. */
export const PaymentTransfer = z.object({
  agent_id: z.string().min(1),
  to: z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'must be a 0x address of 40 hex digits'),
  amount: z.string().min(1),
  currency: WalletCurrency,
  idempotency_key: z.string().min(1),
});
export type PaymentTransfer = z.infer<typeof PaymentTransfer>;

const Balance = z.object({ units: z.string().regex(/^\d+$/), balance: z.string() });

const PayAgentInput = z.object({
  to: PaymentTransfer.shape.to,
  amount: z.string().regex(/^\d+(\.\d+)?$/, 'must be a decimal amount such as "2.50"'),
  currency: WalletCurrency.default('USDC'),
  memo: z.string().min(1).max(280),
});

const PayAgentOutput = z.object({
  transfer: PaymentTransfer,
  memo: z.string(),
  balance_before: z.string(),
});

/** The amount of a payment input; a precision the currency does not have is a permanent error. */
function amountOf(input: { amount: string; currency: string }) {
  try {
    return parseMoney(input.amount, input.currency);
  } catch (error) {
    if (error instanceof MoneyFormatError) {
      throw new SkillPermanentError(`amount: ${error.problem}`, { code: 'SKILL_INPUT_INVALID' });
    }
    throw error;
  }
}

export const payAgentSkill = defineSkill({
  name: 'pay_agent',
  specId: 'SK-PAY-001',
  description:
    "Pays an address from the agent's wallet, once the CFO and the Judge approve: checks the balance, reserves the amount, and transfers it as the effect.",
  inputSchema: PayAgentInput,
  outputSchema: PayAgentOutput,
  examples: [
    {
      input: {
        to: '0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf',
        amount: '2.50',
        currency: 'USDC',
        memo: 'Thanks for the trend report on spring drops',
      },
      output: {
        transfer: {
          agent_id: 'ava',
          to: '0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf',
          amount: '2.50',
          currency: 'USDC',
          idempotency_key: 'pay:00000000-0000-4000-8000-000000000001',
        },
        memo: 'Thanks for the trend report on spring drops',
        balance_before: '10.00',
      },
    },
  ],
  walletSpend: (input) => amountOf(input),
  async run(input, context) {
    const amount = amountOf(input);
    const balance = await context.tools.callTool(
      SERVER,
      'get_balance',
      { agent_id: context.agentId, currency: amount.currency },
      { outputSchema: Balance },
    );
    if (!balance || BigInt(balance.units) < amount.units) {
      throw new SkillPermanentError(
        `the wallet holds ${balance?.balance ?? 'nothing'} ${amount.currency}, short of the ${formatMoney(amount)} to pay`,
      );
    }
    const transfer: PaymentTransfer = {
      agent_id: context.agentId,
      to: input.to,
      amount: input.amount,
      currency: input.currency,
      idempotency_key: `pay:${context.taskId}`,
    };
    // Asks the CFO now (reject or escalate stop here); the money moves only in the effect.
    await context.tools.callTool(SERVER, 'transfer', transfer, { dryRun: true });
    return {
      output: { transfer, memo: input.memo, balance_before: balance.balance },
      confidence: 0.95,
    };
  },
  effect: { kind: 'payment', external: true, payload: (output) => output.transfer },
});
