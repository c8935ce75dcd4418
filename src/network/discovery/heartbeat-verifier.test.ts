import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Heartbeat, SignedHeartbeat } from '../../domain/network/heartbeat.js';
import { identityOf, type NodeIdentity } from '../identity/node-identity.js';
import { signJson } from '../identity/signed-json.js';
import { verifySignedHeartbeat } from './heartbeat-verifier.js';

const NOW = new Date('2026-11-29T09:00:00.000Z');
const identity = () => identityOf(generateKeyPairSync('ed25519').privateKey);
const keyOf = ({ publicJwk: { kty, crv, x } }: NodeIdentity) =>
  ({ kty, crv, x }) as SignedHeartbeat['public_jwk'];

function heartbeatOf(node: NodeIdentity, issuedAt = NOW): Heartbeat {
  return {
    node_id: node.nodeId,
    capabilities: ['scout.analyze'],
    reputation_score: 62.5,
    endpoint: 'https://node.example/a2a',
    status: 'ready',
    issued_at: issuedAt.toISOString(),
    ttl_s: 90,
  };
}

async function signed(node: NodeIdentity, heartbeat = heartbeatOf(node)): Promise<SignedHeartbeat> {
  return { heartbeat, signature: await signJson(node, heartbeat), public_jwk: keyOf(node) };
}

describe('verifySignedHeartbeat (self-certifying node keys, the seed timing)', () => {
  it("accepts a node's own heartbeat, first seen or later than the last one", async () => {
    const node = await identity();
    const beat = await signed(node);
    expect(await verifySignedHeartbeat(beat, NOW)).toEqual({ accepted: true, signed: beat });
    const registered = { public_jwk: keyOf(node), issued_at: new Date(NOW.getTime() - 60_000) };
    expect((await verifySignedHeartbeat(beat, NOW, registered)).accepted).toBe(true);
  });

  it('refuses a forged signature, another key and a node_id that is not the key', async () => {
    const node = await identity();
    const other = await identity();
    const beat = await signed(node);
    const forged = { ...beat, heartbeat: { ...beat.heartbeat, reputation_score: 100 } };
    const signedByOther = {
      ...beat,
      signature: await signJson({ ...other, nodeId: node.nodeId }, beat.heartbeat),
    };
    const otherSigner = { ...beat, signature: (await signed(other, beat.heartbeat)).signature };
    const otherKeyClaimingNode = { ...(await signed(other, beat.heartbeat)) };
    const cases = [
      [forged, 'bad-signature'],
      [signedByOther, 'bad-signature'],
      [otherSigner, 'wrong-signer'],
      [otherKeyClaimingNode, 'node-id-mismatch'],
      [{ ...beat, public_jwk: keyOf(other) }, 'node-id-mismatch'],
    ] as const;
    for (const [input, reason] of cases) {
      expect(await verifySignedHeartbeat(input, NOW)).toMatchObject({ accepted: false, reason });
    }
    expect(await verifySignedHeartbeat(signedByOther, NOW)).toMatchObject({
      message: expect.stringContaining(node.nodeId),
    });
  });

  it('refuses a key other than the registered one', async () => {
    const node = await identity();
    const other = await identity();
    const registered = { public_jwk: keyOf(other), issued_at: new Date(0) };
    expect(await verifySignedHeartbeat(await signed(node), NOW, registered)).toMatchObject({
      accepted: false,
      reason: 'key-changed',
    });
  });

  it('refuses stale, future and replayed heartbeats', async () => {
    const node = await identity();
    const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);
    const stale = await signed(node, heartbeatOf(node, at(-31_000)));
    const future = await signed(node, heartbeatOf(node, at(31_000)));
    const beat = await signed(node);
    const registered = { public_jwk: keyOf(node), issued_at: NOW };
    expect(await verifySignedHeartbeat(stale, NOW)).toMatchObject({
      reason: 'stale',
      message: expect.stringMatching(/31 s old/),
    });
    expect(await verifySignedHeartbeat(future, NOW)).toMatchObject({ reason: 'future' });
    expect(await verifySignedHeartbeat(beat, NOW, registered)).toMatchObject({
      reason: 'replayed',
    });
  });

  it('refuses malformed heartbeats, naming the field', async () => {
    const node = await identity();
    const beat = await signed(node);
    const cases: Array<[unknown, RegExp]> = [
      [undefined, /\(the message\)/],
      [{ heartbeat: beat.heartbeat }, /^signature:/],
      [{ ...beat, heartbeat: { ...beat.heartbeat, ttl_s: 900 } }, /^heartbeat\.ttl_s:/],
      [{ ...beat, heartbeat: { ...beat.heartbeat, extra: true } }, /^heartbeat:/],
      [{ ...beat, public_jwk: { kty: 'RSA', n: 'x', e: 'AQAB' } }, /^public_jwk\.kty:/],
      [{ ...beat, signature: { protected: 'a\u0000', signature: 'b' } }, /^signature\.protected:/],
    ];
    for (const [input, message] of cases) {
      expect(await verifySignedHeartbeat(input, NOW)).toMatchObject({
        accepted: false,
        reason: 'malformed',
        message: expect.stringMatching(message),
      });
    }
  });
});
