// The wallet master seed on disk: CHIMERA_WALLET_SEED_FILE, else `<data dir>/wallet-seed`,
// 32 random bytes written with mode 0600 the first time. Every address derives from it, so losing
// or changing the file changes every agent's wallet; the store refuses to run on a changed seed.

import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from '../../../domain/errors.js';
import { SEED_BYTES, WalletSeed } from '../../../domain/wallet-keys.js';

/** Where the seed lives for this configuration. */
export function walletSeedPath(config: {
  walletSeedFile?: string | undefined;
  dataDir: string;
}): string {
  return resolve(config.walletSeedFile ?? join(config.dataDir, 'wallet-seed'));
}

/** Loads the seed at `path`, creating it when `create` and it does not exist yet. */
export async function loadWalletSeed(path: string, create: boolean): Promise<WalletSeed> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !create) {
      throw new ConfigError(
        'CONFIG_INVALID',
        `cannot read the wallet seed ${path}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}; set CHIMERA_WALLET_SEED_FILE to the deployment's seed file`,
      );
    }
    bytes = randomBytes(SEED_BYTES);
    await mkdir(dirname(path), { recursive: true });
    // 'wx': two processes racing to create it both end up with the first seed.
    await writeFile(path, bytes, { mode: 0o600, flag: 'wx' }).catch(async (raced) => {
      if ((raced as NodeJS.ErrnoException).code !== 'EEXIST') throw raced;
      bytes = await readFile(path);
    });
  }
  if (bytes.length < SEED_BYTES) {
    // Never echo the content: it is the secret every wallet key derives from.
    throw new ConfigError(
      'CONFIG_INVALID',
      `the wallet seed ${path} has ${bytes.length} bytes; it needs at least ${SEED_BYTES} (delete it only if no wallet holds money yet)`,
    );
  }
  return new WalletSeed(bytes);
}
