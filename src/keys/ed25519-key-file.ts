// Ed25519 private keys kept in PEM files (PKCS#8), the way the CFO's signing key and a node's
// network identity are: read from their file, or created with mode 0600 the first time a command
// that may write runs. Two processes racing to create one keep the first key.

import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ConfigError } from '../domain/errors.js';

/**
 * The Ed25519 private key at `path`, created there when `create` and it does not exist yet.
 * `what` names the key in errors, e.g. 'the CFO key'; `fix` says how to point at the right file.
 */
export async function loadEd25519KeyFile(
  path: string,
  options: { create: boolean; what: string; fix: string },
): Promise<KeyObject> {
  let pem: string;
  try {
    pem = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !options.create) {
      throw new ConfigError(
        'CONFIG_INVALID',
        `cannot read ${options.what} ${path}: ${(error as Error).message}; ${options.fix}`,
      );
    }
    const { privateKey } = generateKeyPairSync('ed25519');
    pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, pem, { mode: 0o600, flag: 'wx' }).catch(async (raced) => {
      if ((raced as NodeJS.ErrnoException).code !== 'EEXIST') throw raced;
      pem = await readFile(path, 'utf8');
    });
  }
  try {
    const privateKey = createPrivateKey(pem);
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 key');
    return privateKey;
  } catch (error) {
    throw new ConfigError(
      'CONFIG_INVALID',
      `${options.what} ${path} is not an Ed25519 private key in PEM: ${(error as Error).message}`,
    );
  }
}
