import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { identityOf } from './node-identity.js';
import { canonicalBytes, signerOf, signJson, verifyJson } from './signed-json.js';

const identity = () => identityOf(generateKeyPairSync('ed25519').privateKey);
const HEARTBEAT = { node_id: 'n', capabilities: ['scout.analyze'], status: 'ready', at: 1 };

describe('signed JSON (detached JWS over RFC 8785 canonical JSON)', () => {
  it('names the node by its key thumbprint and verifies a signature whatever the key order', async () => {
    const node = await identity();
    expect(node.nodeId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(node.publicJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: node.nodeId });
    const signature = await signJson(node, HEARTBEAT);
    expect(signerOf(signature)).toBe(node.nodeId);
    const reordered = { at: 1, status: 'ready', capabilities: ['scout.analyze'], node_id: 'n' };
    expect(await verifyJson(reordered, signature, node.publicJwk)).toBe(true);
    expect(new TextDecoder().decode(canonicalBytes(reordered))).toBe(
      '{"at":1,"capabilities":["scout.analyze"],"node_id":"n","status":"ready"}',
    );
  });

  it('refuses a tampered value, another key, and a malformed signature', async () => {
    const node = await identity();
    const other = await identity();
    const signature = await signJson(node, HEARTBEAT);
    expect(await verifyJson({ ...HEARTBEAT, status: 'busy' }, signature, node.publicJwk)).toBe(
      false,
    );
    expect(await verifyJson(HEARTBEAT, signature, other.publicJwk)).toBe(false);
    // Another key under this node's kid is still another key.
    expect(await verifyJson(HEARTBEAT, signature, { ...other.publicJwk, kid: node.nodeId })).toBe(
      false,
    );
    expect(await verifyJson(HEARTBEAT, { ...signature, signature: 'AAAA' }, node.publicJwk)).toBe(
      false,
    );
    expect(await verifyJson(HEARTBEAT, { protected: '!', signature: '' }, node.publicJwk)).toBe(
      false,
    );
  });
});
