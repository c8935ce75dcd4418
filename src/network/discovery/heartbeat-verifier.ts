// Checks a signed heartbeat before the registry believes it: its shape, its self-certified
// signature (network/identity/self-certified-signature.ts), then the seed's timing (heartbeat.ts):
// no more than 30 s of skew, and later than the last heartbeat accepted from the node. It reads
// and writes nothing.

import { heartbeatProblem, SignedHeartbeat } from '../../domain/network/heartbeat.js';
import {
  type SignatureRejectionReason,
  selfCertifiedSignatureProblem,
} from '../identity/self-certified-signature.js';

/** Why a heartbeat is refused. */
export type HeartbeatRejectionReason =
  /** Not a signed heartbeat of the seed's shape (a field missing, extra, or out of range). */
  | 'malformed'
  /** The signature does not prove node_id said it (self-certified-signature.ts). */
  | SignatureRejectionReason
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
  const refused = await selfCertifiedSignatureProblem(
    heartbeat,
    signature,
    heartbeat.node_id,
    public_jwk,
    registered?.public_jwk,
  );
  if (refused) return rejection(refused.reason, refused.message);
  const problem = heartbeatProblem(heartbeat, now, registered?.issued_at);
  if (problem) return rejection(problem.reason, problem.message);
  return { accepted: true, signed };
}

function rejection(reason: HeartbeatRejectionReason, message: string): HeartbeatRejection {
  return { accepted: false, reason, message };
}
