// The embedded start's zero-config access: on first use, an operator token of the `default`
// tenant is created and its secret kept in `<data dir>/operator-token` (mode 0600), so
// `npm start` can print a login link and the CLI and scripts on that data dir have a token.

import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_TENANT } from '../domain/actor.js';
import { hashSecret, newSecret } from '../domain/bearer-secret.js';
import type { Store } from '../store/store.js';

/** Where the operator token of a data dir is kept. */
export function operatorTokenPath(dataDir: string): string {
  return join(dataDir, 'operator-token');
}

/** The data dir's operator token: its id and secret, created when missing. */
export async function ensureOperatorToken(
  store: Store,
  dataDir: string,
): Promise<{ id: string; secret: string }> {
  const path = operatorTokenPath(dataDir);
  const existing = await readTokenFile(path);
  if (existing) {
    const token = await store.access.tokenBySecret(hashSecret(existing.secret), new Date());
    // A token revoked, or a file from another database: make a new one.
    if (token) return { id: token.id, secret: existing.secret };
  }
  const secret = newSecret('chm');
  const id = crypto.randomUUID();
  await store.transaction(async (tx) => {
    await tx.access.ensureTenant(DEFAULT_TENANT, 'Default tenant');
    await tx.access.insertToken({
      id,
      tenant_id: DEFAULT_TENANT,
      role: 'operator',
      agent_id: null,
      name: 'embedded operator',
      secret_hash: hashSecret(secret),
      created_by: 'system:start',
      expires_at: null,
    });
    await tx.audit.write({
      actor: 'system:start',
      tenant_id: DEFAULT_TENANT,
      action: 'token.create',
      subject_type: 'token',
      subject_id: id,
      detail: { before: null, after: { role: 'operator', file: path } },
    });
  });
  await mkdir(dataDir, { recursive: true });
  await writeFile(path, `${secret}\n`, { mode: 0o600 });
  await chmod(path, 0o600);
  return { id, secret };
}

/** The secret kept in `path`, if the file exists. */
export async function readTokenFile(path: string): Promise<{ secret: string } | undefined> {
  try {
    const secret = (await readFile(path, 'utf8')).trim();
    return secret ? { secret } : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
