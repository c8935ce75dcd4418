// A Chimera node's identity in the agent network: an Ed25519 key (`<data dir>/node-ed25519.pem`,
// or CHIMERA_NODE_KEY_FILE), its public key as a JWK, and its node id, the key's RFC 7638 JWK
// thumbprint. Other nodes register the public key; everything the node says on the network
// (agent card, heartbeats, handshake messages) is signed with it (signed-json.ts).

import { createPublicKey, type KeyObject } from 'node:crypto';
import { join, resolve } from 'node:path';
import { calculateJwkThumbprint, type JWK } from 'jose';
import { loadEd25519KeyFile } from '../../keys/ed25519-key-file.js';

/** A node's signing identity. */
export interface NodeIdentity {
  /** The public key's JWK thumbprint (SHA-256, base64url): the node's name on the network. */
  nodeId: string;
  /** The public key as an OKP JWK, with `kid` = nodeId, `alg` EdDSA and `use` sig. */
  publicJwk: JWK;
  privateKey: KeyObject;
}

/** Where the node key lives for this configuration. */
export function nodeKeyPath(config: { nodeKeyFile?: string | undefined; dataDir: string }): string {
  return resolve(config.nodeKeyFile ?? join(config.dataDir, 'node-ed25519.pem'));
}

/** The identity of the key at `path`, created there when `create` and it does not exist yet. */
export async function loadNodeIdentity(path: string, create: boolean): Promise<NodeIdentity> {
  const privateKey = await loadEd25519KeyFile(path, {
    create,
    what: 'the node key',
    fix: "set CHIMERA_NODE_KEY_FILE to the node's key",
  });
  return identityOf(privateKey);
}

/** The identity of an Ed25519 private key. */
export async function identityOf(privateKey: KeyObject): Promise<NodeIdentity> {
  const { kty, crv, x } = createPublicKey(privateKey).export({ format: 'jwk' });
  const nodeId = await calculateJwkThumbprint({ kty, crv, x } as JWK, 'sha256');
  return {
    nodeId,
    publicJwk: { kty, crv, x, kid: nodeId, alg: 'EdDSA', use: 'sig' } as JWK,
    privateKey,
  };
}
