// A node's key pair on the DHT is its node key itself: the Ed25519 seed (the JWK `d` of the node's
// private key) made into libsodium's form, so that the records it stores are signed by, and found
// under, the key whose thumbprint is its node id. It makes no new key and stores nothing.

import HyperDHT, { type KeyPair } from 'hyperdht';
import { calculateJwkThumbprint } from 'jose';
import { ConfigError } from '../../domain/errors.js';
import type { NodeIdentity } from '../identity/node-identity.js';

/**
 * `identity`'s node key as a hyperdht key pair. Throws a ConfigError if the key is not Ed25519 or
 * the derived public key is not the node's (which would put its records under another name).
 */
export function dhtKeyPairOf(identity: NodeIdentity): KeyPair {
  const jwk = identity.privateKey.export({ format: 'jwk' });
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.d !== 'string') {
    throw new ConfigError(
      'CONFIG_INVALID',
      `node ${identity.nodeId}'s key is ${jwk.kty} ${jwk.crv ?? ''}, not Ed25519; the DHT needs the node's Ed25519 key (CHIMERA_NODE_KEY_FILE)`,
    );
  }
  const seed = Buffer.from(jwk.d, 'base64url');
  try {
    const keyPair = HyperDHT.keyPair(seed);
    if (keyPair.publicKey.toString('base64url') !== identity.publicJwk.x) {
      throw new ConfigError(
        'CONFIG_INVALID',
        `the DHT key made from node ${identity.nodeId}'s seed is ${keyPair.publicKey.toString('base64url')}, not its public key ${identity.publicJwk.x}`,
      );
    }
    return keyPair;
  } finally {
    seed.fill(0);
  }
}

/** The base64url of a DHT public key: the `x` of the node's public JWK. */
export function jwkXOf(publicKey: Uint8Array): string {
  return Buffer.from(publicKey).toString('base64url');
}

/** The node id a DHT key names: the RFC 7638 thumbprint of the Ed25519 JWK whose `x` it is. */
export function nodeIdOfDhtKey(publicKey: Uint8Array): Promise<string> {
  return calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: jwkXOf(publicKey) }, 'sha256');
}
