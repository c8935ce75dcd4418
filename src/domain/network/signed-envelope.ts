// A request's signature in the agent network (issue 13 §3, verification): every A2A JSON-RPC
// request one node sends another carries, in the SIGNATURE_HEADER, who signed it (node id and
// key), whom it is for (the audience's node id), a nonce never used before and when it was
// issued. The signature covers those and the request's method and params, as RFC 8785 canonical
// JSON, so that it holds whatever whitespace or key order the JSON travelled in. Pure: signing
// and checking are network/a2a.

import { z } from 'zod';
import { NodeId, PublicJwk } from './heartbeat.js';

/** The HTTP header carrying a request's envelope: its JSON, base64url. */
export const SIGNATURE_HEADER = 'chimera-signature';

const Base64url = z
  .string()
  .min(1)
  .max(2_000)
  .regex(/^[A-Za-z0-9_-]+$/, 'base64url text');

/** A nonce: 16 to 64 random bytes, base64url. */
export const Nonce = z.string().regex(/^[A-Za-z0-9_-]{22,86}$/, '16 to 64 bytes, base64url');

/** The envelope as it travels (decoded from the header). */
export const SignedEnvelope = z.strictObject({
  signer: NodeId,
  /** The signer's Ed25519 key: believed only when its thumbprint is `signer`. */
  public_jwk: PublicJwk,
  /** The node the message is for: a message replayed to another node is refused there. */
  audience: NodeId,
  nonce: Nonce,
  /** When the signer issued it, ISO 8601 in UTC. */
  issued_at: z.iso.datetime(),
  signature: z.strictObject({ protected: Base64url, signature: Base64url }),
});
export type SignedEnvelope = z.infer<typeof SignedEnvelope>;

/** What of a JSON-RPC request the signature covers, besides the envelope's own fields. */
export interface SignedRequestContent {
  method: string;
  params: unknown;
}

/** The value that is signed: the envelope without its signature, and the request's content. */
export function signedValue(
  envelope: Omit<SignedEnvelope, 'signature'>,
  content: SignedRequestContent,
): Record<string, unknown> {
  const { signer, audience, nonce, issued_at } = envelope;
  return { envelope: { signer, audience, nonce, issued_at }, ...content };
}
