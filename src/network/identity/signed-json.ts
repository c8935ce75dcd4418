// Signatures over JSON the way A2A signs agent cards: a JWS (RFC 7515) with a detached payload,
// the payload being the value's RFC 8785 canonical JSON, so that any reader can re-serialise the
// value and check it. The protected header carries `alg` EdDSA and the signer's `kid` (its node
// id). Verification needs the signer's registered public key: a key carried in the message is
// never trusted on its own.

import { createRequire } from 'node:module';
import {
  base64url,
  decodeProtectedHeader,
  FlattenedSign,
  flattenedVerify,
  importJWK,
  type JWK,
} from 'jose';
import type { NodeIdentity } from './node-identity.js';

// canonicalize 2.x is CommonJS (3+ needs Node 22) and its types claim an ES default export.
const canonicalize = createRequire(import.meta.url)('canonicalize') as (
  value: unknown,
) => string | undefined;

/** A detached JWS: the protected header and the signature, both base64url. */
export interface JsonSignature {
  protected: string;
  signature: string;
}

/** The RFC 8785 canonical JSON of `value`, as bytes. */
export function canonicalBytes(value: unknown): Uint8Array {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('the value has no JSON form');
  return new TextEncoder().encode(text);
}

/** Signs `value` as `identity`, with `header` added to the protected header. */
export async function signJson(
  identity: NodeIdentity,
  value: unknown,
  header: Record<string, unknown> = {},
): Promise<JsonSignature> {
  const jws = await new FlattenedSign(canonicalBytes(value))
    .setProtectedHeader({ ...header, alg: 'EdDSA', kid: identity.nodeId })
    .sign(identity.privateKey);
  return { protected: jws.protected as string, signature: jws.signature };
}

/** The `kid` a signature names (its signer's node id), without checking anything. */
export function signerOf(signature: JsonSignature): string | undefined {
  try {
    const { kid } = decodeProtectedHeader(signature);
    return typeof kid === 'string' ? kid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * True when `signature` is `publicJwk`'s EdDSA signature of `value`'s canonical JSON, and names
 * that key; false for anything else (a tampered value, another key, a malformed signature).
 */
export async function verifyJson(
  value: unknown,
  signature: JsonSignature,
  publicJwk: JWK,
): Promise<boolean> {
  try {
    if (signerOf(signature) !== publicJwk.kid) return false;
    const key = await importJWK({ ...publicJwk, alg: 'EdDSA' }, 'EdDSA');
    const { protectedHeader } = await flattenedVerify(
      { ...signature, payload: base64url.encode(canonicalBytes(value)) },
      key,
      { algorithms: ['EdDSA'] },
    );
    return protectedHeader?.alg === 'EdDSA';
  } catch {
    return false;
  }
}
