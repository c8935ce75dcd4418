// Per-agent wallet keys and Ethereum addresses. A key is derived from the wallet master seed and
// the agent id (HMAC-SHA256), the address is the last 20 bytes of keccak-256 of the uncompressed
// public key, rendered with the EIP-55 checksum. Private keys never leave this module.

import { createHmac } from 'node:crypto';
import { inspect } from 'node:util';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** A 0x address: 40 hex digits, any case. */
export const ADDRESS_PATTERN = /^0x[0-9a-fA-F]{40}$/;

/** The all-zero address: the local faucet's transfers come from it. */
export const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000';

/** Bytes of a wallet master seed. */
export const SEED_BYTES = 32;

/** Domain separation for the HMAC, so the seed could key other derivations without overlap. */
const DERIVATION_LABEL = 'chimera/wallet/v1';

/** `address` with the EIP-55 mixed-case checksum; `address` must match ADDRESS_PATTERN. */
export function toChecksumAddress(address: string): string {
  const lower = address.slice(2).toLowerCase();
  const hash = bytesToHex(keccak_256(new TextEncoder().encode(lower)));
  let checksummed = '0x';
  for (let index = 0; index < lower.length; index++) {
    const character = lower[index] as string;
    checksummed +=
      Number.parseInt(hash[index] as string, 16) >= 8 ? character.toUpperCase() : character;
  }
  return checksummed;
}

/**
 * Why `address` is not a usable address, or undefined when it is. All-lowercase and
 * all-uppercase addresses carry no checksum and pass; a mixed-case one must match EIP-55.
 */
export function addressProblem(address: string): string | undefined {
  if (!ADDRESS_PATTERN.test(address)) return `'${address}' is not a 0x address of 40 hex digits`;
  const digits = address.slice(2);
  const mixedCase = digits !== digits.toLowerCase() && digits !== digits.toUpperCase();
  if (mixedCase && toChecksumAddress(address) !== address) {
    return `'${address}' fails its EIP-55 checksum (a mistyped letter?); check the address`;
  }
  return undefined;
}

/** The EIP-55 address of a secp256k1 private key (32 bytes). */
export function addressOfPrivateKey(privateKey: Uint8Array): string {
  const publicKey = secp256k1.getPublicKey(privateKey, false);
  // Drop the 0x04 prefix of the uncompressed point; the address hashes X and Y only.
  const hash = keccak_256(publicKey.subarray(1));
  return toChecksumAddress(`0x${bytesToHex(hash.subarray(12))}`);
}

/**
 * The first candidate that is a valid secp256k1 private key (1 ≤ k < n), trying counters 0, 1, …
 * A 32-byte HMAC output is out of range with probability about 2^-128, but the case is handled.
 */
export function firstValidKey(candidate: (counter: number) => Uint8Array): Uint8Array {
  for (let counter = 0; counter < 256; counter++) {
    const key = candidate(counter);
    if (secp256k1.utils.isValidSecretKey(key)) return key;
  }
  throw new Error('no valid wallet key in 256 candidates; the seed is broken');
}

/** The wallet master seed. It prints as `[wallet seed]`, so logging it by mistake leaks nothing. */
export class WalletSeed {
  readonly #bytes: Uint8Array;
  readonly #addresses = new Map<string, string>();

  constructor(bytes: Uint8Array) {
    if (bytes.length < SEED_BYTES) {
      throw new RangeError(`a wallet seed has at least ${SEED_BYTES} bytes, got ${bytes.length}`);
    }
    this.#bytes = Uint8Array.from(bytes);
  }

  /** The EIP-55 address of `agentId`'s wallet (memoised; the private key is not kept). */
  addressFor(agentId: string): string {
    let address = this.#addresses.get(agentId);
    if (!address) {
      address = addressOfPrivateKey(this.#privateKeyFor(agentId));
      this.#addresses.set(agentId, address);
    }
    return address;
  }

  /** HMAC-SHA256(seed, label ‖ agent id ‖ counter), the first candidate in range. */
  #privateKeyFor(agentId: string): Uint8Array {
    return firstValidKey((counter) =>
      createHmac('sha256', this.#bytes)
        .update(`${DERIVATION_LABEL}\u0000${agentId}\u0000${counter}`)
        .digest(),
    );
  }

  toString(): string {
    return '[wallet seed]';
  }

  toJSON(): string {
    return '[wallet seed]';
  }

  [inspect.custom](): string {
    return '[wallet seed]';
  }
}
