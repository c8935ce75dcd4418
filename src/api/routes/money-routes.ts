// /api/v1/budgets, /api/v1/ledger (list, verify) and /api/v1/wallets/:agent.

import { z } from 'zod';
import { AgentId } from '../../domain/agent.js';
import { defineRoute } from '../route-spec.js';
import { BudgetWire, LedgerCheckWire, LedgerEntryWire, WalletWire } from '../wire-schemas.js';
import { exampleBudget } from './route-examples.js';

export const moneyRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/budgets',
    operationId: 'listBudgets',
    summary: "Each agent's current budgets: spent, reserved and remaining per period and category",
    tag: 'money',
    role: 'viewer',
    query: z.object({ agent_id: AgentId.optional() }),
    response: z.object({ budgets: z.array(BudgetWire) }),
    example: { response: { budgets: [exampleBudget] } },
    handler: async ({ services, actor, query }) => ({
      budgets: await services.money.budgets(actor, query.agent_id),
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/ledger',
    operationId: 'listLedger',
    summary: "The CFO's signed ledger entries of your agents, in chain order",
    tag: 'money',
    role: 'viewer',
    response: z.object({ entries: z.array(LedgerEntryWire) }),
    example: { response: { entries: [] } },
    handler: async ({ services, actor }) => ({ entries: await services.money.ledger(actor) }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/ledger/verify',
    operationId: 'verifyLedger',
    summary: 'Recompute the hash chain and check every signature; names the first broken entry',
    tag: 'money',
    role: 'viewer',
    response: LedgerCheckWire,
    example: { response: { ok: true, entries: 12, key_id: 'cfo-2f1c' } },
    handler: ({ services, actor }) => services.money.verifyLedger(actor),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/wallets/:id',
    operationId: 'showWallet',
    summary: "An agent's wallet address and balances, from the configured wallet backend",
    tag: 'money',
    role: 'viewer',
    params: z.object({ id: AgentId }),
    response: WalletWire,
    example: {
      response: {
        agent_id: 'noor',
        address: '0x52908400098527886E0F7030069857D2E4169EE7',
        wallet: 'local',
        balances: [{ currency: 'USDC', balance: '25', units: '25000000' }],
      },
    },
    handler: ({ services, actor, params }) => services.money.wallet(actor, params.id),
  }),
];
