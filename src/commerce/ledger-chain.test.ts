// FR-CFO-003: the signed, hash-chained ledger detects every single-field edit, a dropped or
// reordered entry and a foreign key; an untouched chain verifies.

import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { LedgerEntry, SignedDecisionFields } from '../domain/ledger-entry.js';
import { createRandom } from '../domain/seeded-random.js';
import {
  canonicalJson,
  chainEntry,
  GENESIS_HASH,
  signDecision,
  verifyChain,
  verifyDecision,
} from './ledger-chain.js';

const cfo = generateKeyPairSync('ed25519');

function decision(index: number): SignedDecisionFields {
  return {
    tx_id: `req-${index}`,
    agent_id: ['ava', 'milo', 'noor'][index % 3]!,
    request_type: 'api_call',
    amount: String(1_000_000 + index * 12_345),
    currency: 'USDC',
    projected_roi: index % 2 === 0 ? 1.5 + index / 100 : null,
    risk_score: (index % 90) / 100,
    decision: (['approve', 'escalate', 'reject'] as const)[index % 3]!,
    reasons: [`reason ${index}`],
    cfo_agent_id: 'cfo-key-1',
    created_at: new Date(Date.UTC(2026, 10, 22, 12, 0, index)).toISOString(),
  };
}

function ledger(length: number): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  for (let index = 0; index < length; index++) {
    const fields = decision(index);
    entries.push(chainEntry(fields, signDecision(fields, cfo.privateKey), entries.at(-1)));
  }
  return entries;
}

/** A different value of the same kind as `value`. */
function changed(value: unknown, next: () => number): unknown {
  if (typeof value === 'number') return value + 1 + Math.floor(next() * 100);
  if (value === null) return 2.5;
  if (Array.isArray(value)) return [...value, 'extra'];
  const text = String(value);
  const at = Math.floor(next() * text.length);
  const replacement = text[at] === 'a' ? 'b' : 'a';
  return text.slice(0, at) + replacement + text.slice(at + 1);
}

describe('the ledger chain', () => {
  it('links entries from the genesis hash and verifies an untouched chain', () => {
    const entries = ledger(50);
    expect(entries[0]).toMatchObject({ seq: 1, prev_hash: GENESIS_HASH });
    expect(entries[1]!.prev_hash).toBe(entries[0]!.entry_hash);
    expect(verifyChain(entries, cfo.publicKey)).toEqual({ ok: true, entries: 50 });
    expect(verifyChain([], cfo.publicKey)).toEqual({ ok: true, entries: 0 });
  });

  it('signs the decision so the public key verifies it, and only it', () => {
    const fields = decision(7);
    const signature = signDecision(fields, cfo.privateKey);
    expect(verifyDecision(fields, signature, cfo.publicKey)).toBe(true);
    expect(verifyDecision({ ...fields, amount: '1' }, signature, cfo.publicKey)).toBe(false);
    expect(verifyDecision(fields, 'not base64 at all', cfo.publicKey)).toBe(false);
  });

  it('detects 1,000 of 1,000 random single-field edits, at the edited entry', () => {
    const original = ledger(40);
    const next = createRandom(20_261_122);
    let detected = 0;
    for (let trial = 0; trial < 1_000; trial++) {
      const entries = original.map((entry) => ({ ...entry }));
      const index = Math.floor(next() * entries.length);
      const fields = Object.keys(entries[index]!) as Array<keyof LedgerEntry>;
      const field = fields[Math.floor(next() * fields.length)]!;
      const edited = changed(entries[index]![field], next);
      expect(edited).not.toEqual(entries[index]![field]);
      (entries[index] as unknown as Record<string, unknown>)[field] = edited;
      const verdict = verifyChain(entries, cfo.publicKey);
      if (!verdict.ok && verdict.position === index) detected++;
    }
    expect(detected).toBe(1_000);
  });

  it('detects a dropped entry, a swap and a chain signed by another key', () => {
    const entries = ledger(10);
    const dropped = entries.filter((_, index) => index !== 4);
    expect(verifyChain(dropped, cfo.publicKey)).toMatchObject({
      ok: false,
      seq: 6,
      problem: 'seq 6 where 5 was expected',
    });
    const swapped = [...entries];
    [swapped[2], swapped[3]] = [swapped[3]!, swapped[2]!];
    expect(verifyChain(swapped, cfo.publicKey)).toMatchObject({ ok: false, seq: 4 });
    const other = generateKeyPairSync('ed25519');
    expect(verifyChain(entries, other.publicKey)).toMatchObject({
      ok: false,
      seq: 1,
      problem: "the signature does not check out with the CFO's public key",
    });
  });

  it('writes canonical JSON with sorted keys and no undefined fields', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: null, c: 'x' }], e: undefined })).toBe(
      '{"a":[2,{"c":"x","d":null}],"b":1}',
    );
  });
});
