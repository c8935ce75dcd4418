// An agent's wallet balance on its fleet card, read from GET /api/v1/wallets/:id (the configured
// wallet backend) and read again when one of the agent's spends is decided.

import { useCallback } from 'react';
import { moneyApi } from '../api/money-endpoints';
import { useRead } from '../api/use-read';
import { useLiveRefresh } from '../live/use-live-refresh';

export function WalletBalance(props: { agentId: string }) {
  const { agentId } = props;
  const read = useCallback(() => moneyApi.wallet(agentId), [agentId]);
  const { data: wallet, error, refresh } = useRead(read);
  useLiveRefresh(['spend'], refresh, 1_000);

  if (error) return <span className="muted">unavailable ({error.message})</span>;
  if (!wallet) return <span className="muted">…</span>;
  if (wallet.balances.length === 0) return <span>empty</span>;
  return (
    <span title={`${wallet.wallet} wallet ${wallet.address}`}>
      {wallet.balances.map((each) => `${each.balance} ${each.currency}`).join(', ')}
    </span>
  );
}
