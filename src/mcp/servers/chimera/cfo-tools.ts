// The CFO on Chimera's MCP server: `cfo.approve` decides a spend request (signed, ledgered,
// reserved; the same request_id returns its first decision) and `budget.show` reports spent,
// reserved and remaining money. Bad input is an error result naming the field, never a throw.

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { SpendRequest } from '../../../commerce/cfo.js';
import type { Actor } from '../../../domain/actor.js';
import type { ChimeraServices } from '../../../services/chimera-services.js';
import { structuredAnswer } from '../tool-results.js';
import { serviceFailure } from './service-failure.js';

const Decision = {
  decision: z.enum(['approve', 'escalate', 'reject']),
  reasons: z.array(z.string()),
  risk_score: z.number().min(0).max(1),
  roi: z.number().optional(),
  signature: z.string(),
  cfo_key_id: z.string(),
  decided_at: z.string(),
};

const BudgetLine = z.object({
  agent_id: z.string(),
  period: z.enum(['daily', 'weekly', 'monthly']),
  period_start: z.string(),
  category: z.string(),
  limit: z.string(),
  spent: z.string(),
  reserved: z.string(),
  remaining: z.string(),
});

/** Registers the CFO's tools, acting as `actor`: spends are charged to its token's agent. */
export function registerCfoTools(server: McpServer, services: ChimeraServices, actor: Actor): void {
  server.registerTool(
    'cfo.approve',
    {
      title: 'cfo.approve',
      description:
        'Decides a spend request by the budget caps, ROI, the $20 human threshold and risk (spec FR-CFO-001). Amounts are decimal text in major units.',
      inputSchema: SpendRequest.shape,
      outputSchema: Decision,
      annotations: { idempotentHint: true, destructiveHint: false },
    },
    async (input) => {
      try {
        return structuredAnswer(await services.skillCalls.approveSpend(actor, input));
      } catch (error) {
        return serviceFailure(error);
      }
    },
  );

  server.registerTool(
    'budget.show',
    {
      title: 'budget.show',
      description:
        "Spent, reserved and remaining USD per agent, period and category (the agent's current periods).",
      inputSchema: { agent_id: z.string().min(1).optional() },
      outputSchema: { budgets: z.array(BudgetLine) },
      annotations: { readOnlyHint: true },
    },
    async ({ agent_id }) => {
      try {
        return structuredAnswer({ budgets: await services.money.budgets(actor, agent_id) });
      } catch (error) {
        return serviceFailure(error);
      }
    },
  );
}
