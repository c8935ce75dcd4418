// Budget rows as operators read them (CLI `budget show`, MCP `budget.show`): dollars as exact
// decimal text, with what remains of each cap.

import { decimalText, money } from '../domain/money.js';
import type { BudgetRow } from '../store/store.js';

/** One line of a budget report. */
export interface BudgetLine {
  agent_id: string;
  period: BudgetRow['period'];
  period_start: string;
  category: string;
  limit: string;
  spent: string;
  reserved: string;
  remaining: string;
}

/** Budget money (micro-USDC) as dollars. */
function usd(units: bigint): string {
  return decimalText(money(units, 'USDC'));
}

export function budgetLines(rows: ReadonlyArray<BudgetRow & { agent_id: string }>): BudgetLine[] {
  return rows.map((row) => ({
    agent_id: row.agent_id,
    period: row.period,
    period_start: row.period_start,
    category: row.category,
    limit: usd(row.limit),
    spent: usd(row.spent),
    reserved: usd(row.reserved),
    remaining: usd(row.limit - row.spent - row.reserved),
  }));
}
