// The CFO's Ed25519 signing key: from CHIMERA_CFO_KEY_FILE (a PKCS#8 PEM every process of a
// deployment shares), else `<data dir>/cfo-ed25519.pem`, created with mode 0600 the first time a
// command that may write runs. The key id is derived from the public key, so entries name it.

import { createHash, createPublicKey } from 'node:crypto';
import { join, resolve } from 'node:path';
import { loadEd25519KeyFile } from '../keys/ed25519-key-file.js';
import type { CfoKey } from './cfo.js';

/** Where the key lives for this configuration. */
export function cfoKeyPath(config: { cfoKeyFile?: string | undefined; dataDir: string }): string {
  return resolve(config.cfoKeyFile ?? join(config.dataDir, 'cfo-ed25519.pem'));
}

/** Loads the key at `path`, creating it when `create` and it does not exist yet. */
export async function loadCfoKey(path: string, create: boolean): Promise<CfoKey> {
  const privateKey = await loadEd25519KeyFile(path, {
    create,
    what: 'the CFO key',
    fix: "set CHIMERA_CFO_KEY_FILE to the deployment's key",
  });
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const keyId = `cfo-${createHash('sha256').update(der).digest('hex').slice(0, 16)}`;
  return { keyId, privateKey, publicKey };
}
