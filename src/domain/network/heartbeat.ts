// A node's heartbeat in the agent network, by the seed's protocol: every 60 s a node says who it
// is (node_id), what it can do (skill names), its reputation, where to reach it and whether it
// takes work, signed with its node key. A heartbeat is live for 90 s after it was issued; one
// issued more than 30 s before or after the receiver's clock, or not newer than the last one
// accepted from the node (a replay), is refused. Pure: signing and checking the signature are
// network/identity and network/discovery; keeping the live ones is the store's.

import { z } from 'zod';
import { isStorableText } from '../storable-text.js';
import { clockSkewProblem } from './clock-skew.js';

/** How often a node beats (ms). */
export const HEARTBEAT_INTERVAL_MS = 60_000;
/** How long a heartbeat keeps its node listed, from when it was issued (ms). */
export const HEARTBEAT_TTL_MS = 90_000;

/** A node id: the base64url SHA-256 JWK thumbprint of its Ed25519 key (RFC 7638). */
export const NodeId = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a base64url JWK thumbprint');

/** Whether a node takes work: 'ready', 'saturated' (busy, try later) or 'sleeping'. */
export const PeerStatus = z.enum(['ready', 'saturated', 'sleeping']);
export type PeerStatus = z.infer<typeof PeerStatus>;

/** A capability: a skill name, as skills are registered (`scout.analyze`). */
export const Capability = z
  .string()
  .max(100)
  .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/, 'a skill name such as scout.analyze');

/** The most capabilities one heartbeat lists. */
export const MAX_CAPABILITIES = 200;

/**
 * The seed's heartbeat payload, exactly: unknown fields are refused rather than dropped, since
 * the signature covers what was sent and a dropped field would make a true signature look forged.
 */
export const Heartbeat = z.strictObject({
  node_id: NodeId,
  /** Skill names the node offers. */
  capabilities: z.array(Capability).max(MAX_CAPABILITIES),
  /** The node's reputation, 0–100 (domain/network/reputation.ts). */
  reputation_score: z.number().min(0).max(100),
  /** Where other nodes reach it (http or https). */
  endpoint: z
    .url({ protocol: /^https?$/ })
    .max(2_000)
    .refine(isStorableText, 'text without NUL characters'),
  status: PeerStatus,
  /** When the node issued it, ISO 8601 in UTC. */
  issued_at: z.iso.datetime(),
  /** Seconds it stays live after issued_at: always the seed's 90. */
  ttl_s: z.literal(HEARTBEAT_TTL_MS / 1_000),
});
export type Heartbeat = z.infer<typeof Heartbeat>;

const Base64url = z
  .string()
  .min(1)
  .max(2_000)
  .regex(/^[A-Za-z0-9_-]+$/, 'base64url text');

/** A detached JWS over the heartbeat's canonical JSON (network/identity/signed-json.ts). */
export const HeartbeatSignature = z.strictObject({ protected: Base64url, signature: Base64url });

/**
 * An Ed25519 public key as an OKP JWK. Only the members its thumbprint is made of are kept: others
 * (kid, alg, use) may come along but are dropped, as nothing they say is trusted.
 */
export const PublicJwk = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a base64url Ed25519 public key'),
});
export type PublicJwk = z.infer<typeof PublicJwk>;

/**
 * A heartbeat as it travels: the payload, its signature and the signer's public key. The key is
 * self-certifying: it is only believed when its thumbprint is the heartbeat's node_id.
 */
export const SignedHeartbeat = z.strictObject({
  heartbeat: Heartbeat,
  signature: HeartbeatSignature,
  public_jwk: PublicJwk,
});
export type SignedHeartbeat = z.infer<typeof SignedHeartbeat>;

/** Why a heartbeat's timing is refused. */
export interface HeartbeatTimingProblem {
  reason: 'stale' | 'future' | 'replayed';
  /** For people: what was received and what was expected. */
  message: string;
}

/** Until when a heartbeat keeps its node listed: issued_at plus its TTL. */
export function expiresAt(heartbeat: Heartbeat): Date {
  return new Date(Date.parse(heartbeat.issued_at) + heartbeat.ttl_s * 1_000);
}

/**
 * Why `heartbeat`, received at `now`, must be refused for its timing, or undefined when it may be
 * accepted: issued more than MAX_CLOCK_SKEW_MS (clock-skew.ts) before `now` (stale) or after it (future), or not
 * later than `lastIssuedAt`, the issued_at of the node's last accepted heartbeat (a replay).
 */
export function heartbeatProblem(
  heartbeat: Heartbeat,
  now: Date,
  lastIssuedAt?: Date,
): HeartbeatTimingProblem | undefined {
  const skew = clockSkewProblem(heartbeat.issued_at, now);
  if (skew) return skew;
  const issuedAt = Date.parse(heartbeat.issued_at);
  if (lastIssuedAt !== undefined && issuedAt <= lastIssuedAt.getTime()) {
    return {
      reason: 'replayed',
      message: `issued_at ${heartbeat.issued_at} is not later than the last heartbeat accepted from node ${heartbeat.node_id} (${lastIssuedAt.toISOString()})`,
    };
  }
  return undefined;
}
