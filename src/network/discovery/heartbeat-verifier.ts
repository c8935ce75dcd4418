// Checks a signed heartbeat before the registry believes it. Identities are self-certifying: the
// key a heartbeat carries is only taken when its JWK thumbprint is the heartbeat's node_id, the
// signature names that node and verifies under that key, and, for a node already registered, the
// key is the one registered. Then the seed's timing (heartbeat.ts): no more than 30 s of skew,
// and later than the last heartbeat accepted from the node. It reads and writes nothing.

import { calculateJwkThumbprint, type JWK } from 'jose';
import { heartbeatProblem, SignedHeartbeat } from '../../domain/network/heartbeat.js';
import { signerOf, verifyJson } from '../identity/signed-json.js';

/** Why a heartbeat is refused. */
export type HeartbeatRejectionReason =
  /** Not a signed heartbeat of the seed's shape (a field missing, extra, or out of range). */
  | 'malformed'
  /** node_id is not the thumbprint of the key the heartbeat carries. */
  | 'node-id-mismatch'
  /** The signature's kid is not node_id. */
  | 'wrong-signer'
  /** The signature does not verify under the key: forged, tampered, or made with another key. */
  | 'bad-signature'
  /** The node is registered with another key. */
  | 'key-changed'
  /** Issued more than 30 s before the receiver's clock. */
  | 'stale'
  /** Issued more than 30 s after the receiver's clock. */
  | 'future'
  /** Not later than the last heartbeat accepted from the node. */
  | 'replayed';

/** A heartbeat refused, and why. */
export interface HeartbeatRejection {
  accepted: false;
  reason: HeartbeatRejectionReason;
  /** For people: the reason with what was received, e.g. the field at fault. */
  message: string;
}

/** What the registry knows of a node already: its key and its last accepted heartbeat's time. */
export interface RegisteredNode {
  public_jwk: Record<string, unknown>;
  issued_at: Date;
}

/** A heartbeat of the seed's shape, or its rejection as malformed. Checks nothing else. */
export function parseSignedHeartbeat(input: unknown): SignedHeartbeat | HeartbeatRejection {
  const parsed = SignedHeartbeat.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || '(the message)';
  return rejection('malformed', `${field}: ${issue?.message ?? 'not a signed heartbeat'}`);
}

/**
 * `input` as a verified heartbeat received at `now`, or why it is refused. `registered` is what
 * the registry holds for the node (undefined: a node not seen before).
 */
export async function verifySignedHeartbeat(
  input: unknown,
  now: Date,
  registered?: RegisteredNode,
): Promise<{ accepted: true; signed: SignedHeartbeat } | HeartbeatRejection> {
  const signed = parseSignedHeartbeat(input);
  if ('accepted' in signed) return signed;
  const { heartbeat, signature, public_jwk } = signed;
  const nodeId = heartbeat.node_id;
  const thumbprint = await thumbprintOf(public_jwk);
  if (thumbprint !== nodeId) {
    return rejection(
      'node-id-mismatch',
      `node_id ${nodeId} is not the thumbprint of the key carried (${thumbprint})`,
    );
  }
  const signer = signerOf(signature);
  if (signer !== nodeId) {
    return rejection('wrong-signer', `the signature names ${signer ?? 'no kid'}, not ${nodeId}`);
  }
  // verifyJson compares the signature's kid with the key's: the carried key's own kid, if any,
  // is not trusted, the thumbprint is.
  if (!(await verifyJson(heartbeat, signature, { ...public_jwk, kid: nodeId } as JWK))) {
    return rejection('bad-signature', `the signature does not verify under node ${nodeId}'s key`);
  }
  if (registered && (await thumbprintOf(registered.public_jwk)) !== thumbprint) {
    return rejection('key-changed', `node ${nodeId} is registered with another key`);
  }
  const problem = heartbeatProblem(heartbeat, now, registered?.issued_at);
  if (problem) return rejection(problem.reason, problem.message);
  return { accepted: true, signed };
}

/** The RFC 7638 thumbprint of a key (its kty, crv and x only), or undefined if it has none. */
async function thumbprintOf(jwk: Record<string, unknown>): Promise<string | undefined> {
  try {
    return await calculateJwkThumbprint(jwk as JWK, 'sha256');
  } catch {
    return undefined;
  }
}

function rejection(reason: HeartbeatRejectionReason, message: string): HeartbeatRejection {
  return { accepted: false, reason, message };
}
