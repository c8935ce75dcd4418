// The agents' current daily budgets, for the spend reviews of the inbox: read once from
// GET /api/v1/budgets (not per card) while the inbox shows a spend review, and again when a spend
// or a review decision changes them.

import { useCallback, useEffect, useRef, useState } from 'react';
import { type Budget, moneyApi } from '../api/money-endpoints';
import { useLiveRefresh } from '../live/use-live-refresh';

/** Each agent's daily budget line (category 'all' first), by agent id. */
export type DailyBudgets = ReadonlyMap<string, Budget>;

/** The daily lines of `budgets` by agent, the all-categories line preferred. */
export function dailyByAgent(budgets: readonly Budget[]): Map<string, Budget> {
  const byAgent = new Map<string, Budget>();
  for (const line of budgets) {
    if (line.period !== 'daily') continue;
    const known = byAgent.get(line.agent_id);
    if (!known || (known.category !== 'all' && line.category === 'all')) {
      byAgent.set(line.agent_id, line);
    }
  }
  return byAgent;
}

/** The daily budgets while `wanted`; null until read (or when the read failed). */
export function useDailyBudgets(wanted: boolean): DailyBudgets | null {
  const [budgets, setBudgets] = useState<DailyBudgets | null>(null);
  const wantedRef = useRef(wanted);
  wantedRef.current = wanted;
  const refresh = useCallback(() => {
    if (!wantedRef.current) return;
    moneyApi.budgets().then(
      (answer) => setBudgets(dailyByAgent(answer.budgets)),
      () => setBudgets(null),
    );
  }, []);
  useEffect(() => {
    if (wanted) refresh();
  }, [wanted, refresh]);
  useLiveRefresh(['connected', 'spend', 'review-decided'], refresh);
  return budgets;
}
