// The services' wallet port over the configured wallet backend (CHIMERA_WALLET): an agent's
// address and balances, and the sandbox faucet of the local store. The backend is opened on first
// use, since most commands never touch a wallet.

import type pg from 'pg';
import type { ChimeraConfig } from '../config/config.js';
import { decimalText, money } from '../domain/money.js';
import type { Wallets } from '../services/service-dependencies.js';
import { postgresWalletStore } from './hub-servers.js';

export function backendWallets(config: ChimeraConfig, pool: pg.Pool): Wallets {
  const walletModule = () => import('../mcp/servers/wallet/open-wallet-backend.js');
  return {
    async show(agentId) {
      const { openWalletBackend } = await walletModule();
      const backend = await openWalletBackend(config, postgresWalletStore(pool));
      const balances = [];
      for (const currency of backend.currencies) {
        balances.push(await backend.getBalance(agentId, currency));
      }
      return {
        agent_id: agentId,
        address: balances[0]?.address ?? '',
        wallet: backend.kind,
        balances: balances.map((balance) => ({
          currency: balance.currency,
          balance: decimalText(money(balance.units, balance.currency)),
          units: balance.units.toString(),
        })),
      };
    },
    async fund(agentId, amount) {
      const { openLocalWalletStore } = await walletModule();
      const store = await openLocalWalletStore(postgresWalletStore(pool), config, true);
      const funded = await store.fund(agentId, amount);
      return {
        address: funded.balance.address,
        tx_id: funded.transaction.tx_id,
        balance: money(funded.balance.units, amount.currency),
      };
    },
  };
}
