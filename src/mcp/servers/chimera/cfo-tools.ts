// The CFO on Chimera's MCP server: `cfo.approve` decides a spend request (signed, ledgered,
// reserved; the same request_id returns its first decision) and `budget.show` reports spent,
// reserved and remaining money. Bad input is an error result naming the field, never a throw.

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { ChimeraApp } from '../../../app/chimera-app.js';
import { budgetLines } from '../../../commerce/budget-view.js';
import { SpendRequest } from '../../../commerce/cfo.js';
import { ChimeraError } from '../../../domain/errors.js';
import { structuredAnswer, toolFailure } from '../tool-results.js';

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

export function registerCfoTools(server: McpServer, app: ChimeraApp): void {
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
        return structuredAnswer(await (await app.cfo()).approve(input));
      } catch (error) {
        return failure(error);
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
      return structuredAnswer({
        budgets: budgetLines(await app.store.cfo.listCurrentBudgets(agent_id)),
      });
    },
  );
}

function failure(error: unknown) {
  return toolFailure(
    error instanceof ChimeraError ? `${error.message} [${error.code}]` : String(error),
  );
}
