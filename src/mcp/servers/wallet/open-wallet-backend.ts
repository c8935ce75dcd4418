// Picks the wallet backend from configuration (CHIMERA_WALLET): the local store on Chimera's
// database with the seed file, or Coinbase AgentKit with the CDP key. Wiring only; no policy here.

import type pg from 'pg';
import type { ChimeraConfig } from '../../../config/config.js';
import { ChimeraError, ConfigError } from '../../../domain/errors.js';
import { PostgresWalletStore } from '../../../store/postgres/wallet-queries.js';
import { agentKitSettings, loadAgentKitProviders } from './agentkit-provider-loader.js';
import { AgentKitWalletBackend } from './agentkit-wallet-backend.js';
import type { WalletBackend } from './wallet-backend.js';
import { loadWalletSeed, walletSeedPath } from './wallet-seed-file.js';

/** The settings the wallet backends read. */
export type WalletConfig = Pick<
  ChimeraConfig,
  'dataDir' | 'wallet' | 'walletSeedFile' | 'cdpApiKeyName' | 'cdpApiKeyPrivateKey' | 'cdpNetworkId'
>;

/** The local store over `pool`; creates the seed file when `createSeed` and it is missing. */
export async function openLocalWalletStore(
  pool: pg.Pool,
  config: WalletConfig,
  createSeed: boolean,
): Promise<PostgresWalletStore> {
  if (config.wallet === 'agentkit') {
    throw new ConfigError(
      'CONFIG_INVALID',
      'CHIMERA_WALLET=agentkit: the local wallet store is not in use; fund an AgentKit wallet on its network (a faucet for base-sepolia), or set CHIMERA_WALLET=local',
    );
  }
  return PostgresWalletStore.fromPool(
    pool,
    await loadWalletSeed(walletSeedPath(config), createSeed),
  );
}

/** The configured backend. `pool` is needed by the local store only. */
export async function openWalletBackend(
  config: WalletConfig,
  pool: pg.Pool | undefined,
): Promise<WalletBackend> {
  if (config.wallet === 'agentkit') {
    const settings = agentKitSettings(config);
    return new AgentKitWalletBackend({
      providerFor: await loadAgentKitProviders(settings),
      networkId: settings.networkId,
    });
  }
  if (!pool) throw new ChimeraError('MCP_UNAVAILABLE', 'the local wallet store needs the database');
  return openLocalWalletStore(pool, config, true);
}
