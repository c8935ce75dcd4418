// The CFO's Ed25519 signing key: from CHIMERA_CFO_KEY_FILE (a PKCS#8 PEM every process of a
// deployment shares), else `<data dir>/cfo-ed25519.pem`, created with mode 0600 the first time a
// command that may write runs. The key id is derived from the public key, so entries name it.

import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from '../domain/errors.js';
import type { CfoKey } from './cfo.js';

/** Where the key lives for this configuration. */
export function cfoKeyPath(config: { cfoKeyFile?: string | undefined; dataDir: string }): string {
  return resolve(config.cfoKeyFile ?? join(config.dataDir, 'cfo-ed25519.pem'));
}

/** Loads the key at `path`, creating it when `create` and it does not exist yet. */
export async function loadCfoKey(path: string, create: boolean): Promise<CfoKey> {
  let pem: string;
  try {
    pem = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !create) {
      throw new ConfigError(
        'CONFIG_INVALID',
        `cannot read the CFO key ${path}: ${(error as Error).message}; set CHIMERA_CFO_KEY_FILE to the deployment's key`,
      );
    }
    const { privateKey } = generateKeyPairSync('ed25519');
    pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await mkdir(dirname(path), { recursive: true });
    // 'wx': two processes racing to create it keep the first key.
    await writeFile(path, pem, { mode: 0o600, flag: 'wx' }).catch(async (raced) => {
      if ((raced as NodeJS.ErrnoException).code !== 'EEXIST') throw raced;
      pem = await readFile(path, 'utf8');
    });
  }
  try {
    const privateKey = createPrivateKey(pem);
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 key');
    const publicKey = createPublicKey(privateKey);
    const der = publicKey.export({ type: 'spki', format: 'der' });
    const keyId = `cfo-${createHash('sha256').update(der).digest('hex').slice(0, 16)}`;
    return { keyId, privateKey, publicKey };
  } catch (error) {
    throw new ConfigError(
      'CONFIG_INVALID',
      `the CFO key ${path} is not an Ed25519 private key in PEM: ${(error as Error).message}`,
    );
  }
}
