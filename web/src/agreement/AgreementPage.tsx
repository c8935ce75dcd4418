// Judge–human agreement: of the results the Judge escalated and people decided, how often they
// approved, by confidence band, by the policy that escalated, and by day. A band where people
// approve nearly everything is one where the Judge asks needlessly; one where they reject much
// is one where asking was right. Re-read when a review is decided anywhere.

import { useCallback, useState } from 'react';
import { type AgreementTally, agreementApi } from '../api/agreement-endpoints';
import { useRead } from '../api/use-read';
import { useLiveRefresh } from '../live/use-live-refresh';
import { PageHeading } from '../ui/PageHeading';
import { ScrollRegion } from '../ui/ScrollRegion';
import '../styles/agreement.css';

const PERIODS = [7, 30, 90, 365] as const;

export function AgreementPage() {
  const [days, setDays] = useState<number>(30);
  const read = useCallback(() => agreementApi.judgeAgreement(days), [days]);
  const { data: agreement, error, refresh } = useRead(read);
  useLiveRefresh(['connected', 'review-decided'], refresh, 300);

  return (
    <>
      <PageHeading title="Judge–human agreement" />
      <p className="muted">
        Of the results the Judge sent to a person, how often the person approved. High approval in a
        band means the Judge asks there more than it needs to.
      </p>
      <label className="agreement-period">
        <span>Decisions of the last</span>
        <select value={days} onChange={(event) => setDays(Number(event.target.value))}>
          {PERIODS.map((period) => (
            <option key={period} value={period}>
              {period} days
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p className="notice notice-error" role="alert">
          {error.message}
        </p>
      )}
      {!agreement && !error && <p className="muted">Loading…</p>}
      {agreement && (
        <>
          <p className="agreement-overall" aria-live="polite">
            {agreement.overall.decided === 0
              ? 'No escalated result was decided in this period.'
              : `${agreement.overall.decided} decided, ${agreement.overall.approved} approved (${rate(agreement.overall)}).`}
          </p>
          <TallyTable
            caption="By the Judge's confidence"
            heading="Confidence"
            rows={agreement.by_band.map((band) => ({ key: band.band, label: band.band, ...band }))}
          />
          <TallyTable
            caption="By the policy that escalated"
            heading="Policy"
            rows={agreement.by_policy.map((each) => ({
              key: each.policy,
              label: each.policy,
              ...each,
            }))}
          />
          <TallyTable
            caption="By day (UTC)"
            heading="Day"
            rows={agreement.by_day.map((each) => ({ key: each.day, label: each.day, ...each }))}
          />
        </>
      )}
    </>
  );
}

function TallyTable(props: {
  caption: string;
  heading: string;
  rows: Array<AgreementTally & { key: string; label: string }>;
}) {
  return (
    <ScrollRegion label={props.caption} className="agreement">
      <table className="table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.heading}</th>
            <th scope="col" className="number">
              Decided
            </th>
            <th scope="col" className="number">
              Approved
            </th>
            <th scope="col">Approval rate</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.length === 0 && (
            <tr>
              <td colSpan={4} className="muted">
                Nothing decided yet.
              </td>
            </tr>
          )}
          {props.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td className="number">{row.decided}</td>
              <td className="number">{row.approved}</td>
              <td>
                <span className="rate">
                  <span className="rate-track" aria-hidden="true">
                    <span
                      className="rate-bar"
                      style={{ width: `${Math.round(100 * (row.approval_rate ?? 0))}%` }}
                    />
                  </span>
                  {rate(row)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** "67 %", or "–" when nothing was decided. */
function rate(tally: AgreementTally): string {
  return tally.approval_rate === null ? '–' : `${Math.round(100 * tally.approval_rate)} %`;
}
