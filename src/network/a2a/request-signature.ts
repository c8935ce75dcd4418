// Signs the A2A requests a node sends and checks the ones it receives (issue 13 §3, phase 1):
// the envelope's self-certified signature over the request's method and params, that the request
// is for this node, and that it was issued within 30 s. Whether its nonce was seen before is the nonce
// book's to say (the store's `network.claimNonce`), after everything here passed, so that a
// forged request cannot use up a real one's nonce.

import { randomBytes } from 'node:crypto';
import { clockSkewProblem } from '../../domain/network/clock-skew.js';
import {
  type SignedEnvelope as Envelope,
  SignedEnvelope,
  type SignedRequestContent,
  signedValue,
} from '../../domain/network/signed-envelope.js';
import type { NodeIdentity } from '../identity/node-identity.js';
import {
  type SignatureRejectionReason,
  selfCertifiedSignatureProblem,
} from '../identity/self-certified-signature.js';
import { signJson } from '../identity/signed-json.js';

/** Why a received request is refused. */
export type RequestRejectionReason =
  /** No envelope, or one of the wrong shape. */
  | 'unsigned'
  | SignatureRejectionReason
  /** Signed for another node. */
  | 'wrong-audience'
  /** Issued more than 30 s before this node's clock, or after it. */
  | 'stale'
  | 'future'
  /** Its nonce was used before (the nonce book says so). */
  | 'replayed';

/** A refused request, with a message for people. */
export interface RequestRejection {
  accepted: false;
  reason: RequestRejectionReason;
  message: string;
}

/** The envelope for `content`, signed by `identity` for the node `audience` at `now`. */
export async function signRequest(
  identity: NodeIdentity,
  content: SignedRequestContent,
  audience: string,
  now: Date,
): Promise<Envelope> {
  const { kty, crv, x } = identity.publicJwk as { kty: 'OKP'; crv: 'Ed25519'; x: string };
  const unsigned = {
    signer: identity.nodeId,
    public_jwk: { kty, crv, x },
    audience,
    nonce: randomBytes(16).toString('base64url'),
    issued_at: now.toISOString(),
  };
  return { ...unsigned, signature: await signJson(identity, signedValue(unsigned, content)) };
}

/**
 * The envelope of a request received at `now` by node `self`, once its signature, audience and
 * timing hold, or why it is refused. `registeredKey` finds the key a node is registered with.
 */
export async function verifyRequest(
  envelope: unknown,
  content: SignedRequestContent,
  options: {
    self: string;
    now: Date;
    registeredKey: (nodeId: string) => Promise<Record<string, unknown> | undefined>;
  },
): Promise<{ accepted: true; envelope: Envelope } | RequestRejection> {
  const parsed = SignedEnvelope.safeParse(envelope);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = ['envelope', ...(issue?.path ?? [])].join('.');
    return refuse('unsigned', `${field}: ${issue?.message ?? 'not a signed envelope'}`);
  }
  const signed = parsed.data;
  const refused = await selfCertifiedSignatureProblem(
    signedValue(signed, content),
    signed.signature,
    signed.signer,
    signed.public_jwk,
    await options.registeredKey(signed.signer),
  );
  if (refused) return refuse(refused.reason, refused.message);
  if (signed.audience !== options.self) {
    return refuse('wrong-audience', `the request is for node ${signed.audience}, not this one`);
  }
  const skew = clockSkewProblem(signed.issued_at, options.now);
  if (skew) return refuse(skew.reason, skew.message);
  return { accepted: true, envelope: signed };
}

/** A refusal for a replayed nonce, as verifyRequest's callers report it. */
export function replayed(envelope: Envelope): RequestRejection {
  return refuse('replayed', `nonce ${envelope.nonce} of node ${envelope.signer} was used before`);
}

function refuse(reason: RequestRejectionReason, message: string): RequestRejection {
  return { accepted: false, reason, message };
}
