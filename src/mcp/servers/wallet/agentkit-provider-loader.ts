// Builds AgentKit wallet providers from configuration: checks the CDP variables, then imports
// `@coinbase/agentkit` lazily (only when CHIMERA_WALLET=agentkit; it is not a dependency) and keeps
// one CDP wallet per agent, its AgentKit wallet data saved 0600 under the data dir.

import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ConfigError } from '../../../domain/errors.js';
import type { AgentKitEvmWalletProvider } from './agentkit-wallet-backend.js';

/** The checked AgentKit settings. */
export interface AgentKitSettings {
  /** CDP_API_KEY_NAME. */
  apiKeyName: string;
  /** CDP_API_KEY_PRIVATE_KEY; never logged or put in a message. */
  apiKeyPrivateKey: string;
  /** CDP_NETWORK_ID; default base-sepolia. */
  networkId: string;
  /** Where each agent's AgentKit wallet data (its CDP wallet seed) is kept, mode 0600. */
  walletDataDir: string;
}

/** The settings from configuration; a missing CDP variable is a ConfigError naming it. */
export function agentKitSettings(config: {
  cdpApiKeyName?: string | undefined;
  cdpApiKeyPrivateKey?: string | undefined;
  cdpNetworkId?: string | undefined;
  dataDir: string;
}): AgentKitSettings {
  const missing = [
    config.cdpApiKeyName ? undefined : 'CDP_API_KEY_NAME',
    config.cdpApiKeyPrivateKey ? undefined : 'CDP_API_KEY_PRIVATE_KEY',
  ].filter((name) => name !== undefined);
  if (!config.cdpApiKeyName || !config.cdpApiKeyPrivateKey) {
    throw new ConfigError(
      'CONFIG_INVALID',
      `CHIMERA_WALLET=agentkit needs ${missing.join(' and ')} (the CDP API key's name and private key); set ${missing.length > 1 ? 'them' : 'it'}, or use CHIMERA_WALLET=local`,
    );
  }
  return {
    apiKeyName: config.cdpApiKeyName,
    apiKeyPrivateKey: config.cdpApiKeyPrivateKey,
    networkId: config.cdpNetworkId ?? 'base-sepolia',
    walletDataDir: resolve(config.dataDir, 'agentkit-wallets'),
  };
}

/** In a variable, so TypeScript does not try to resolve the optional package. */
const AGENTKIT_PACKAGE = '@coinbase/agentkit';

type CdpProvider = AgentKitEvmWalletProvider & { exportWallet(): Promise<unknown> };

/** `LegacyCdpWalletProvider`, the AgentKit 0.10 provider configured by a CDP API key name. */
interface LegacyCdpWalletProviderClass {
  configureWithWallet(config: {
    apiKeyId: string;
    apiKeySecret: string;
    networkId: string;
    cdpWalletData?: string;
  }): Promise<CdpProvider>;
}

/**
 * Imports AgentKit and returns the per-agent provider lookup the adapter takes. Refuses with a
 * ConfigError when the package is not installed. Nothing here runs offline: see README.
 */
export async function loadAgentKitProviders(
  settings: AgentKitSettings,
  importModule: (specifier: string) => Promise<unknown> = (specifier) => import(specifier),
): Promise<(agentId: string) => Promise<AgentKitEvmWalletProvider>> {
  let agentKit: { LegacyCdpWalletProvider?: LegacyCdpWalletProviderClass };
  try {
    agentKit = (await importModule(AGENTKIT_PACKAGE)) as typeof agentKit;
  } catch (error) {
    throw new ConfigError(
      'CONFIG_INVALID',
      `CHIMERA_WALLET=agentkit needs the package ${AGENTKIT_PACKAGE}, which is not installed; run 'npm install ${AGENTKIT_PACKAGE}@0.10' (about 900 packages) or use CHIMERA_WALLET=local`,
      { cause: error },
    );
  }
  const Provider = agentKit.LegacyCdpWalletProvider;
  if (typeof Provider?.configureWithWallet !== 'function') {
    throw new ConfigError(
      'CONFIG_INVALID',
      `${AGENTKIT_PACKAGE} has no LegacyCdpWalletProvider.configureWithWallet; Chimera's adapter is written for AgentKit 0.10`,
    );
  }
  const providers = new Map<string, Promise<AgentKitEvmWalletProvider>>();
  const open = async (agentId: string): Promise<AgentKitEvmWalletProvider> => {
    const name = createHash('sha256').update(agentId).digest('hex').slice(0, 32);
    const file = join(settings.walletDataDir, `${name}.json`);
    const saved = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    const provider = await Provider.configureWithWallet({
      apiKeyId: settings.apiKeyName,
      apiKeySecret: settings.apiKeyPrivateKey,
      networkId: settings.networkId,
      ...(saved !== undefined && { cdpWalletData: saved }),
    });
    if (saved === undefined) {
      await mkdir(settings.walletDataDir, { recursive: true, mode: 0o700 });
      await writeFile(file, JSON.stringify(await provider.exportWallet()), {
        mode: 0o600,
        flag: 'wx',
      });
    }
    return provider;
  };
  return (agentId) => {
    let provider = providers.get(agentId);
    if (!provider) {
      provider = open(agentId);
      providers.set(agentId, provider);
      provider.catch(() => providers.delete(agentId));
    }
    return provider;
  };
}
