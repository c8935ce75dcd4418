// Money: each agent's budgets (spent, reserved, remaining, limit per period) and the CFO's
// signed ledger, kept live by spend events, with a check of the whole chain.

import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/client';
import { type Budget, type LedgerEntry, moneyApi } from '../api/money-endpoints';
import { useLiveRefresh } from '../live/use-live-refresh';
import { PageHeading } from '../ui/PageHeading';
import { BudgetCards } from './BudgetCards';
import { LedgerTable } from './LedgerTable';
import { LedgerVerify } from './LedgerVerify';
import '../styles/money.css';

export function MoneyPage() {
  const [budgets, setBudgets] = useState<Budget[] | null>(null);
  const [entries, setEntries] = useState<LedgerEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [brokenSeq, setBrokenSeq] = useState<number | null>(null);
  const refresh = useCallback(() => {
    Promise.all([moneyApi.budgets(), moneyApi.ledger()]).then(
      ([budgetAnswer, ledgerAnswer]) => {
        setBudgets(budgetAnswer.budgets);
        setEntries(ledgerAnswer.entries);
        setError(null);
      },
      (failure: unknown) => setError(errorMessage(failure)),
    );
  }, []);
  useEffect(() => refresh(), [refresh]);
  useLiveRefresh(['connected', 'spend'], refresh);

  return (
    <>
      <PageHeading title="Money" />
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <section aria-labelledby="budgets-title">
        <h2 id="budgets-title">Budgets</h2>
        {budgets ? (
          <BudgetCards budgets={budgets} />
        ) : (
          !error && <p className="muted">Loading budgets…</p>
        )}
      </section>
      <section aria-labelledby="ledger-title" className="ledger">
        <h2 id="ledger-title">Ledger</h2>
        <p className="muted">
          Every spend decision of the CFO, signed and chained by hash; the database refuses to
          change or delete an entry.
        </p>
        <LedgerVerify
          onChecked={(check) => setBrokenSeq(check.ok ? null : (check.broken?.seq ?? null))}
        />
        {entries && entries.length === 0 && <p className="empty">No ledger entry yet.</p>}
        {entries && entries.length > 0 && <LedgerTable entries={entries} brokenSeq={brokenSeq} />}
        {!entries && !error && <p className="muted">Loading the ledger…</p>}
      </section>
    </>
  );
}
