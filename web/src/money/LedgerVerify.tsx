// The ledger check (any role): recomputes the whole hash chain and every signature on the server,
// and says "intact", or names the first broken entry.

import { useState } from 'react';
import { errorMessage } from '../api/client';
import { type LedgerCheck, moneyApi } from '../api/money-endpoints';

export function LedgerVerify(props: { onChecked: (check: LedgerCheck) => void }) {
  const [check, setCheck] = useState<LedgerCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const verify = async () => {
    setBusy(true);
    try {
      const answer = await moneyApi.verifyLedger();
      setCheck(answer);
      setError(null);
      props.onChecked(answer);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="ledger-verify">
      <button type="button" className="button" disabled={busy} onClick={verify}>
        {busy ? 'Verifying…' : 'Verify the ledger'}
      </button>
      <div role="status" className="verify-result">
        {error && <p className="notice notice-error">{error}</p>}
        {!error && check && <CheckResult check={check} />}
      </div>
    </div>
  );
}

function CheckResult(props: { check: LedgerCheck }) {
  const { check } = props;
  const entries = `${check.entries} ${check.entries === 1 ? 'entry' : 'entries'}`;
  if (check.ok) {
    return (
      <p className="notice notice-good" data-result="intact">
        <strong>Intact.</strong>{' '}
        {check.entries === 0
          ? 'No entry yet: nothing to verify.'
          : `The hash chain of ${entries} holds and every signature checks${check.key_id ? ` (key ${check.key_id})` : ''}.`}
      </p>
    );
  }
  if (!check.broken) {
    return (
      <p className="notice notice-error" data-result="broken">
        <strong>Broken.</strong> An entry of another tenant breaks the shared chain before yours, so
        yours cannot be trusted either. Ask whoever runs this Chimera to run{' '}
        <code>chimera ledger verify</code>.
      </p>
    );
  }
  return (
    <p className="notice notice-error" data-result="broken">
      <strong>Broken</strong> at{' '}
      <a href={`#ledger-${check.broken.seq}`}>entry #{check.broken.seq}</a> (
      <code>{check.broken.tx_id}</code>): {check.broken.problem}. Entries after it cannot be
      trusted.
    </p>
  );
}
