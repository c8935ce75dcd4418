// The ledger's proof: every CFO decision is signed with the CFO's Ed25519 key, and every ledger
// entry's hash covers its canonical fields and the previous entry's hash, so editing, dropping
// or reordering any entry breaks the chain from there on. Pure: node:crypto only, no storage.

import { createHash, type KeyObject, sign, verify } from 'node:crypto';
import type { LedgerEntry, SignedDecisionFields } from '../domain/ledger-entry.js';

/** The ledger's record types, owned by the domain; re-exported for the chain's callers. */
export type { LedgerEntry, SignedDecisionFields } from '../domain/ledger-entry.js';

/** The hash the first entry links to. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Canonical JSON: object keys sorted, no whitespace, arrays in order. Numbers print as
 * JavaScript prints them; amounts are strings, so no precision is at stake.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, field]) => field !== undefined)
      .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The fields a signature covers, and nothing else of the object it is read from. */
const SIGNED_FIELDS = [
  'tx_id',
  'agent_id',
  'request_type',
  'amount',
  'currency',
  'projected_roi',
  'risk_score',
  'decision',
  'reasons',
  'cfo_agent_id',
  'created_at',
] as const satisfies ReadonlyArray<keyof SignedDecisionFields>;

/** Every column of a ledger entry, in export order: the signed fields around the chain's own. */
export const LEDGER_COLUMNS = [
  'seq',
  ...SIGNED_FIELDS.filter((field) => field !== 'cfo_agent_id' && field !== 'created_at'),
  'approval_signature',
  'cfo_agent_id',
  'prev_hash',
  'entry_hash',
  'created_at',
] as const;

function signedPayload(fields: SignedDecisionFields): Buffer {
  return Buffer.from(
    canonicalJson(Object.fromEntries(SIGNED_FIELDS.map((key) => [key, fields[key]]))),
  );
}

/** The CFO's Ed25519 signature over the decision fields, base64. */
export function signDecision(fields: SignedDecisionFields, privateKey: KeyObject): string {
  return sign(null, signedPayload(fields), privateKey).toString('base64');
}

/** True when `signature` is the key's signature over these decision fields. */
export function verifyDecision(
  fields: SignedDecisionFields,
  signature: string,
  publicKey: KeyObject,
): boolean {
  try {
    return verify(null, signedPayload(fields), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** The entry's hash: SHA-256 of every field but the hash itself, previous hash included. */
export function entryHash(entry: Omit<LedgerEntry, 'entry_hash'>): string {
  const { entry_hash: _ignored, ...fields } = entry as LedgerEntry;
  return createHash('sha256').update(canonicalJson(fields)).digest('hex');
}

/** Links signed fields into the chain after `previous` (or first, after the genesis hash). */
export function chainEntry(
  fields: SignedDecisionFields,
  signature: string,
  previous: Pick<LedgerEntry, 'seq' | 'entry_hash'> | undefined,
): LedgerEntry {
  const linked = {
    ...fields,
    seq: (previous?.seq ?? 0) + 1,
    approval_signature: signature,
    prev_hash: previous?.entry_hash ?? GENESIS_HASH,
  };
  return { ...linked, entry_hash: entryHash(linked) };
}

/** The first entry that fails, and why; or ok with the count checked. */
export type ChainVerdict =
  | { ok: true; entries: number }
  | {
      ok: false;
      entries: number;
      /** 0-based place of the bad entry in the order checked. */
      position: number;
      seq: number;
      tx_id: string;
      problem: string;
    };

/**
 * Recomputes the chain in `seq` order: each entry's number follows the last, its `prev_hash`
 * is the previous entry's hash, its own hash matches its fields, and its signature checks out
 * with the CFO's public key. Stops at the first bad entry.
 */
export function verifyChain(entries: readonly LedgerEntry[], publicKey: KeyObject): ChainVerdict {
  let previous: LedgerEntry | undefined;
  for (const [position, entry] of entries.entries()) {
    const problem = entryProblem(entry, previous, publicKey);
    if (problem) {
      const { seq, tx_id } = entry;
      return { ok: false, entries: entries.length, position, seq, tx_id, problem };
    }
    previous = entry;
  }
  return { ok: true, entries: entries.length };
}

function entryProblem(
  entry: LedgerEntry,
  previous: LedgerEntry | undefined,
  publicKey: KeyObject,
): string | undefined {
  const expectedSeq = (previous?.seq ?? 0) + 1;
  if (entry.seq !== expectedSeq) return `seq ${entry.seq} where ${expectedSeq} was expected`;
  const expectedPrevious = previous?.entry_hash ?? GENESIS_HASH;
  if (entry.prev_hash !== expectedPrevious) {
    return `prev_hash does not match the hash of entry ${expectedSeq - 1}`;
  }
  if (entryHash(entry) !== entry.entry_hash) {
    return 'entry_hash does not match the entry: a field was changed';
  }
  if (!verifyDecision(entry, entry.approval_signature, publicKey)) {
    return "the signature does not check out with the CFO's public key";
  }
  return undefined;
}
