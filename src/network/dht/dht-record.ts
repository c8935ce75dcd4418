// A node's record on the DHT: its latest signed heartbeat as JSON, stored under its node key. The
// DHT only proves that the key's owner stored the bytes; what they say is checked here as any
// heartbeat is (heartbeat-verifier.ts), plus that the heartbeat carries the very key it is stored
// under, and that it is live at the reader's clock. It does no I/O.

import { InputError } from '../../domain/errors.js';
import {
  expiresAt,
  heartbeatProblem,
  type SignedHeartbeat,
} from '../../domain/network/heartbeat.js';
import {
  type HeartbeatRejectionReason,
  parseSignedHeartbeat,
  verifySignedHeartbeat,
} from '../discovery/heartbeat-verifier.js';
import { jwkXOf } from './dht-key-pair.js';

/**
 * The most bytes a record may have. A hyperdht request is one UDP datagram: with its framing
 * (key, signature, target, token: about 200 bytes), 1000 bytes of value keeps it under IPv6's
 * 1280-byte minimum MTU, so no path has to fragment it (values near 1.9 KB time out even on
 * loopback).
 */
export const MAX_RECORD_BYTES = 1_000;

/** Why a record found on the DHT is not taken as a live heartbeat. */
export type DhtRejectionReason =
  | HeartbeatRejectionReason
  /** Announced on the topic, but no record under its key could be read. */
  | 'record-missing'
  /** The record's bytes are not UTF-8 JSON. */
  | 'unreadable'
  /** The heartbeat carries another key than the one its record is stored under. */
  | 'key-mismatch'
  /** Its 90 s TTL ran out before the reader's clock. */
  | 'expired';

/** What a record says, once checked. */
export type DhtRecordReading =
  | { accepted: true; signed: SignedHeartbeat }
  | { accepted: false; reason: DhtRejectionReason; message: string };

/** `signed` as a record's bytes; throws an InputError when it is larger than MAX_RECORD_BYTES. */
export function encodeDhtRecord(signed: SignedHeartbeat): Buffer {
  const bytes = Buffer.from(JSON.stringify(signed), 'utf8');
  if (bytes.byteLength > MAX_RECORD_BYTES) {
    throw new InputError(
      `node ${signed.heartbeat.node_id}'s signed heartbeat is ${bytes.byteLength} bytes; a DHT record holds at most ${MAX_RECORD_BYTES}: offer fewer or shorter capabilities, or a shorter endpoint`,
      { context: { field: 'heartbeat.capabilities' } },
    );
  }
  return bytes;
}

/**
 * The record `value` stored under DHT key `publicKey`, read at `now`: accepted only when it is a
 * signed heartbeat that the verifier accepts, that carries `publicKey`, and that is live.
 *
 * Liveness is the heartbeat's own TTL, not the verifier's 30 s bound on age: that bound is for a
 * heartbeat pushed to the registry as it is issued, while a record read from the DHT is up to one
 * interval (60 s) old by design. So the verifier judges the signature and the key as of the
 * heartbeat's own issued_at (where its timing checks pass by construction), and `now` judges the
 * rest: refused once issued_at + ttl_s has passed, or if issued more than the domain's clock skew
 * (30 s) ahead of `now`.
 */
export async function readDhtRecord(
  value: Uint8Array,
  publicKey: Uint8Array,
  now: Date,
): Promise<DhtRecordReading> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(value));
  } catch (error) {
    return {
      accepted: false,
      reason: 'unreadable',
      message: `the record is not UTF-8 JSON (${(error as Error).message})`,
    };
  }
  const parsed = parseSignedHeartbeat(json);
  if ('accepted' in parsed) return parsed;
  const recordKey = jwkXOf(publicKey);
  if (parsed.public_jwk.x !== recordKey) {
    return {
      accepted: false,
      reason: 'key-mismatch',
      message: `the record stored under key ${recordKey} carries node ${parsed.heartbeat.node_id}'s heartbeat, with key ${parsed.public_jwk.x}`,
    };
  }
  const verified = await verifySignedHeartbeat(parsed, new Date(parsed.heartbeat.issued_at));
  if (!verified.accepted) return verified;
  const { heartbeat } = verified.signed;
  const expiry = expiresAt(heartbeat);
  if (now.getTime() >= expiry.getTime()) {
    return {
      accepted: false,
      reason: 'expired',
      message: `node ${heartbeat.node_id}'s heartbeat issued at ${heartbeat.issued_at} expired at ${expiry.toISOString()}; it is now ${now.toISOString()}`,
    };
  }
  // The domain's timing rule, for its 'future' bound only: 'stale' is the TTL's call here.
  const problem = heartbeatProblem(heartbeat, now);
  if (problem?.reason === 'future') {
    return { accepted: false, reason: 'future', message: problem.message };
  }
  return verified;
}
