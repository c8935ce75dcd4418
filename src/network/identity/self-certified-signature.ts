// The check behind everything a node signs on the network (heartbeats, handshake messages): its
// identity is self-certifying. The public key a statement carries is only believed when its JWK
// thumbprint is the node id the statement claims, the signature names that node and verifies
// under that key, and, for a node already registered, the key is the one registered.

import { calculateJwkThumbprint, type JWK } from 'jose';
import { type JsonSignature, signerOf, verifyJson } from './signed-json.js';

/** Why a self-certified signature is refused. */
export type SignatureRejectionReason =
  /** The claimed node id is not the thumbprint of the key carried. */
  | 'node-id-mismatch'
  /** The signature's kid is not the claimed node id. */
  | 'wrong-signer'
  /** The signature does not verify under the key: forged, tampered, or made with another key. */
  | 'bad-signature'
  /** The node is registered with another key. */
  | 'key-changed';

/** A refused signature, with a message for people. */
export interface SignatureRejection {
  reason: SignatureRejectionReason;
  message: string;
}

/**
 * Why `signature` over `value` does not prove that node `nodeId` said it, with `publicJwk` the key
 * carried and `registeredJwk` the key the node is registered with (if it is); undefined when it
 * does.
 */
export async function selfCertifiedSignatureProblem(
  value: unknown,
  signature: JsonSignature,
  nodeId: string,
  publicJwk: Record<string, unknown>,
  registeredJwk?: Record<string, unknown>,
): Promise<SignatureRejection | undefined> {
  const thumbprint = await thumbprintOf(publicJwk);
  if (thumbprint !== nodeId) {
    return {
      reason: 'node-id-mismatch',
      message: `node ${nodeId} is not the thumbprint of the key carried (${thumbprint})`,
    };
  }
  const signer = signerOf(signature);
  if (signer !== nodeId) {
    return {
      reason: 'wrong-signer',
      message: `the signature names ${signer ?? 'no kid'}, not ${nodeId}`,
    };
  }
  // verifyJson compares the signature's kid with the key's: the carried key's own kid, if any,
  // is not trusted, the thumbprint is.
  if (!(await verifyJson(value, signature, { ...publicJwk, kid: nodeId } as JWK))) {
    return {
      reason: 'bad-signature',
      message: `the signature does not verify under node ${nodeId}'s key`,
    };
  }
  if (registeredJwk && (await thumbprintOf(registeredJwk)) !== thumbprint) {
    return { reason: 'key-changed', message: `node ${nodeId} is registered with another key` };
  }
  return undefined;
}

/** The RFC 7638 thumbprint of a key (its kty, crv and x only), or undefined if it has none. */
async function thumbprintOf(jwk: Record<string, unknown>): Promise<string | undefined> {
  try {
    return await calculateJwkThumbprint(jwk as JWK, 'sha256');
  } catch {
    return undefined;
  }
}
