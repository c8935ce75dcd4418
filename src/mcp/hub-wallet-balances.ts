// The Planner's wallet balances, read through the hub from the wallet MCP server's get_balance,
// as the task's agent: allow-listed, rate limited and traced like every other call.

import { z } from 'zod';
import { type Currency, money } from '../domain/money.js';
import type { WalletBalances } from '../swarm/planner.js';
import type { McpHub } from './mcp-hub.js';

/** The spec the balance check implements, stamped on its tool calls. */
const BALANCE_CHECK_SPEC_ID = 'FR-WALLET-004';

const BalanceAnswer = z.object({ units: z.string().regex(/^\d+$/) });

export function hubWalletBalances(hub: McpHub): WalletBalances {
  return {
    async balanceOf(task, currency: Currency) {
      const { output } = await hub.callTool({
        agentId: task.agent_id,
        specId: BALANCE_CHECK_SPEC_ID,
        taskId: task.id,
        campaignId: task.campaign_id,
        attempt: task.attempt,
        server: 'wallet',
        tool: 'get_balance',
        arguments: { agent_id: task.agent_id, currency },
        outputSchema: BalanceAnswer,
      });
      return money(BigInt((output as z.infer<typeof BalanceAnswer>).units), currency);
    },
  };
}
