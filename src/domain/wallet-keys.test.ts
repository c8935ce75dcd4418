// FR-WALLET-001: wallet addresses are derived like Ethereum's (keccak-256 of the secp256k1 public
// key, EIP-55 checksum), checked against published vectors; per-agent keys come from the seed
// deterministically, and the seed never prints.

import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  addressOfPrivateKey,
  addressProblem,
  firstValidKey,
  toChecksumAddress,
  WalletSeed,
} from './wallet-keys.js';

function keyOf(hex: string): Uint8Array {
  return Uint8Array.from(Buffer.from(hex.padStart(64, '0'), 'hex'));
}

/** The order n of secp256k1. */
const CURVE_ORDER = 'fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141';

describe('addressOfPrivateKey', () => {
  it.each([
    // Private keys 1, 2 and 3: the addresses every Ethereum library's tests list.
    ['1', '0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf'],
    ['2', '0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF'],
    ['3', '0x6813Eb9362372EEF6200f3b1dbC3f819671cBA69'],
    // web3.js documentation, web3.eth.accounts.privateKeyToAccount.
    [
      '4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318',
      '0x2c7536E3605D9C16a7a3D7b1898e529396a65c23',
    ],
  ])('derives the published address of private key %s', (key, address) => {
    expect(addressOfPrivateKey(keyOf(key))).toBe(address);
  });
});

describe('EIP-55', () => {
  // The examples of the EIP-55 specification.
  const EXAMPLES = [
    '0x52908400098527886E0F7030069857D2E4169EE7',
    '0x8617E340B3D01FA5F11F306F4090FD50E238070D',
    '0xde709f2102306220921060314715629080e2fb77',
    '0x27b1fdb04752bbc536007a920d24acb045561c26',
    '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
    '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
    '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
  ];
  const MIXED = EXAMPLES.slice(4);

  it.each(MIXED)('checksums %s from its lowercase form', (address) => {
    expect(toChecksumAddress(address.toLowerCase())).toBe(address);
    expect(toChecksumAddress(address.toUpperCase().replace('0X', '0x'))).toBe(address);
  });

  it.each(EXAMPLES)('accepts %s', (address) => {
    expect(addressProblem(address)).toBeUndefined();
  });

  it('refuses a mixed-case address whose checksum is wrong, and non-addresses', () => {
    const flipped = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD';
    expect(addressProblem(flipped)).toMatch(/fails its EIP-55 checksum/);
    expect(addressProblem('0x1234')).toMatch(/is not a 0x address of 40 hex digits/);
    expect(addressProblem(`0x${'g'.repeat(40)}`)).toMatch(/is not a 0x address/);
  });
});

describe('WalletSeed', () => {
  const seed = new WalletSeed(new Uint8Array(32).fill(7));

  it('derives one stable checksummed address per agent', () => {
    const ava = seed.addressFor('ava');
    expect(ava).toMatch(/^0x[0-9a-fA-F]{40}$/);
    expect(toChecksumAddress(ava)).toBe(ava);
    expect(new WalletSeed(new Uint8Array(32).fill(7)).addressFor('ava')).toBe(ava);
    expect(seed.addressFor('milo')).not.toBe(ava);
    expect(new WalletSeed(new Uint8Array(32).fill(8)).addressFor('ava')).not.toBe(ava);
  });

  it('prints as [wallet seed] however it is logged', () => {
    expect(String(seed)).toBe('[wallet seed]');
    expect(JSON.stringify({ seed })).toBe('{"seed":"[wallet seed]"}');
    expect(inspect(seed)).toBe('[wallet seed]');
  });

  it('refuses a seed shorter than 32 bytes', () => {
    expect(() => new WalletSeed(new Uint8Array(16))).toThrow(/at least 32 bytes, got 16/);
  });
});

describe('firstValidKey', () => {
  it('skips candidates outside 1..n-1 (zero, n, above n)', () => {
    const candidates = [keyOf('0'), keyOf(CURVE_ORDER), keyOf('f'.repeat(64)), keyOf('1')];
    const tried: number[] = [];
    const key = firstValidKey((counter) => {
      tried.push(counter);
      return candidates[counter] as Uint8Array;
    });
    expect(tried).toEqual([0, 1, 2, 3]);
    expect(addressOfPrivateKey(key)).toBe('0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf');
  });
});
