// An agent's wallet balance on its fleet card, read from GET /api/v1/wallets/:id (the configured
// wallet backend) and read again when one of the agent's spends is decided.

import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/client';
import { moneyApi, type Wallet } from '../api/money-endpoints';
import { useLiveRefresh } from '../live/use-live-refresh';

export function WalletBalance(props: { agentId: string }) {
  const [wallet, setWallet] = useState<Wallet | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { agentId } = props;
  const refresh = useCallback(() => {
    moneyApi.wallet(agentId).then(
      (answer) => {
        setWallet(answer);
        setError(null);
      },
      (failure: unknown) => setError(errorMessage(failure)),
    );
  }, [agentId]);
  useEffect(() => refresh(), [refresh]);
  useLiveRefresh(['spend'], refresh, 1_000);

  if (error) return <span className="muted">unavailable ({error})</span>;
  if (!wallet) return <span className="muted">…</span>;
  if (wallet.balances.length === 0) return <span>empty</span>;
  return (
    <span title={`${wallet.wallet} wallet ${wallet.address}`}>
      {wallet.balances.map((each) => `${each.balance} ${each.currency}`).join(', ')}
    </span>
  );
}
