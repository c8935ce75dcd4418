// Picks the wallet backend from configuration (CHIMERA_WALLET): the local store on Chimera's
// database with the seed file, or Coinbase AgentKit with the CDP key. Wiring only; no policy here.
// The local store is built by the caller's factory (app/hub-servers.ts), so no SQL is known here.

import type { ChimeraConfig } from '../../../config/config.js';
import { ChimeraError, ConfigError } from '../../../domain/errors.js';
import type { WalletSeed } from '../../../domain/wallet-keys.js';
import { agentKitSettings, loadAgentKitProviders } from './agentkit-provider-loader.js';
import { AgentKitWalletBackend } from './agentkit-wallet-backend.js';
import type { WalletBackend } from './wallet-backend.js';
import { loadWalletSeed, walletSeedPath } from './wallet-seed-file.js';

/** The settings the wallet backends read. */
export type WalletConfig = Pick<
  ChimeraConfig,
  'dataDir' | 'wallet' | 'walletSeedFile' | 'cdpApiKeyName' | 'cdpApiKeyPrivateKey' | 'cdpNetworkId'
>;

/** Builds the local wallet store (on Chimera's database) with addresses derived from `seed`. */
export type LocalWalletStoreFactory<S extends WalletBackend = WalletBackend> = (
  seed: WalletSeed,
) => S;

/**
 * The local store built by `localStore` with the seed file; creates the seed file when
 * `createSeed` and it is missing.
 */
export async function openLocalWalletStore<S extends WalletBackend>(
  localStore: LocalWalletStoreFactory<S>,
  config: WalletConfig,
  createSeed: boolean,
): Promise<S> {
  if (config.wallet === 'agentkit') {
    throw new ConfigError(
      'CONFIG_INVALID',
      'CHIMERA_WALLET=agentkit: the local wallet store is not in use; fund an AgentKit wallet on its network (a faucet for base-sepolia), or set CHIMERA_WALLET=local',
    );
  }
  return localStore(await loadWalletSeed(walletSeedPath(config), createSeed));
}

/** The configured backend. `localStore` is needed by the local store only. */
export async function openWalletBackend(
  config: WalletConfig,
  localStore: LocalWalletStoreFactory | undefined,
): Promise<WalletBackend> {
  if (config.wallet === 'agentkit') {
    const settings = agentKitSettings(config);
    return new AgentKitWalletBackend({
      providerFor: await loadAgentKitProviders(settings),
      networkId: settings.networkId,
    });
  }
  if (!localStore) {
    throw new ChimeraError('MCP_UNAVAILABLE', 'the local wallet store needs the database');
  }
  return openLocalWalletStore(localStore, config, true);
}
