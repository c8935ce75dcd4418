import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SignedHeartbeat } from '../../domain/network/heartbeat.js';
import { HeartbeatPublisher } from '../discovery/heartbeat-publisher.js';
import { identityOf, type NodeIdentity } from '../identity/node-identity.js';
import { encodeDhtRecord, readDhtRecord } from './dht-record.js';

const T0 = new Date('2026-11-29T09:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

async function signedBy(identity: NodeIdentity, issuedAt = T0): Promise<SignedHeartbeat> {
  return new HeartbeatPublisher({
    identity,
    endpoint: 'https://node.example/a2a',
    capabilities: () => ['scout.analyze'],
    registry: { accept: () => Promise.reject(new Error('not used')) },
    now: () => issuedAt,
  }).heartbeat();
}

const keyOf = (identity: NodeIdentity) => Buffer.from(identity.publicJwk.x as string, 'base64url');

describe('readDhtRecord', () => {
  it('takes a heartbeat as live from when it was issued until its TTL runs out', async () => {
    const identity = await identityOf(generateKeyPairSync('ed25519').privateKey);
    const record = encodeDhtRecord(await signedBy(identity));
    const read = (now: Date) => readDhtRecord(record, keyOf(identity), now);
    expect(await read(T0)).toMatchObject({ accepted: true });
    expect(await read(at(89_999))).toMatchObject({ accepted: true });
    expect(await read(at(90_000))).toMatchObject({ accepted: false, reason: 'expired' });
    // Issued up to 30 s ahead of the reader's clock is skew; more is refused.
    expect(await read(at(-30_000))).toMatchObject({ accepted: true });
    expect(await read(at(-30_001))).toMatchObject({ accepted: false, reason: 'future' });
  });

  it('refuses bytes that are not a signed heartbeat, saying why', async () => {
    const identity = await identityOf(generateKeyPairSync('ed25519').privateKey);
    const key = keyOf(identity);
    expect(await readDhtRecord(Buffer.from([0xff, 0xfe]), key, T0)).toMatchObject({
      reason: 'unreadable',
    });
    expect(await readDhtRecord(Buffer.from('{"hello":1}'), key, T0)).toMatchObject({
      reason: 'malformed',
    });
  });

  it('refuses a heartbeat whose carried key and node id are not the record key', async () => {
    const [owner, other] = await Promise.all(
      [0, 1].map(() => identityOf(generateKeyPairSync('ed25519').privateKey)),
    );
    const signed = await signedBy(owner as NodeIdentity);
    const record = encodeDhtRecord(signed);
    expect(await readDhtRecord(record, keyOf(other as NodeIdentity), T0)).toMatchObject({
      reason: 'key-mismatch',
    });
    // Carrying the record's key but claiming another node id is the verifier's refusal.
    const swapped = { ...signed, public_jwk: { ...signed.public_jwk, x: other?.publicJwk.x } };
    expect(
      await readDhtRecord(Buffer.from(JSON.stringify(swapped)), keyOf(other as NodeIdentity), T0),
    ).toMatchObject({ reason: 'node-id-mismatch' });
  });
});
