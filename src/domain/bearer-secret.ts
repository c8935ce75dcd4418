// Secrets handed to people (API tokens, login links, session cookies): random, prefixed so a
// leaked one is recognisable, and stored only as their SHA-256.

import { createHash, randomBytes } from 'node:crypto';

/** A new secret: `<prefix>_` and 32 random bytes in base64url. */
export function newSecret(prefix: 'chm' | 'chl' | 'chs' | 'csrf'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** The stored form of a secret. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
