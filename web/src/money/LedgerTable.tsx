// The CFO's signed ledger as a table, newest entry first: what was asked, how much, the decision
// and its reasons, and the entry's hash. The entry a verification found broken is marked.

import type { LedgerEntry } from '../api/money-endpoints';
import { formatMinorUnits } from '../ui/format';
import { ScrollRegion } from '../ui/ScrollRegion';

/** Rows shown at most; the rest are counted. */
const SHOWN = 500;

const exact = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });

export function LedgerTable(props: { entries: LedgerEntry[]; brokenSeq: number | null }) {
  const newestFirst = [...props.entries].reverse().slice(0, SHOWN);
  return (
    <>
      {props.entries.length > SHOWN && (
        <p className="muted">
          The newest {SHOWN} of {props.entries.length} entries; `chimera ledger list` shows all.
        </p>
      )}
      <ScrollRegion label="Ledger entries" className="ledger-scroll">
        <table className="table ledger-table">
          <caption className="visually-hidden">
            {props.entries.length} signed ledger entries, newest first
          </caption>
          <thead>
            <tr>
              <th scope="col">Entry</th>
              <th scope="col">Agent</th>
              <th scope="col" className="number">
                Amount
              </th>
              <th scope="col">Decision</th>
              <th scope="col">Request</th>
              <th scope="col">Reasons</th>
              <th scope="col">When</th>
              <th scope="col">Entry hash</th>
            </tr>
          </thead>
          <tbody>
            {newestFirst.map((entry) => {
              const broken = entry.seq === props.brokenSeq;
              return (
                <tr key={entry.seq} id={`ledger-${entry.seq}`} data-broken={broken || undefined}>
                  <th scope="row">
                    #{entry.seq}
                    {broken && <span className="chip chip-broken">broken</span>}
                  </th>
                  <td>{entry.agent_id}</td>
                  <td className="number">{formatMinorUnits(entry.amount, entry.currency)}</td>
                  <td>
                    <span className={`chip decision decision-${entry.decision}`}>
                      {entry.decision}
                    </span>
                  </td>
                  <td>{entry.request_type.replaceAll('_', ' ')}</td>
                  <td className="reasons">{entry.reasons.join('; ')}</td>
                  <td>
                    <time dateTime={entry.created_at}>
                      {exact.format(new Date(entry.created_at))}
                    </time>
                  </td>
                  <td>
                    <code title={entry.entry_hash}>{entry.entry_hash.slice(0, 12)}…</code>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
