// FR-WALLET-001: the wallet seed file is 32 random bytes created 0600 on first use and reused
// after; a missing or short file is refused without echoing what it holds.

import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadWalletSeed, walletSeedPath } from './wallet-seed-file.js';

describe('the wallet seed file', () => {
  const dirs: string[] = [];
  const tempDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chimera-seed-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('defaults to <data dir>/wallet-seed, and CHIMERA_WALLET_SEED_FILE wins', () => {
    expect(walletSeedPath({ dataDir: '/var/chimera' })).toBe('/var/chimera/wallet-seed');
    expect(walletSeedPath({ dataDir: '/var/chimera', walletSeedFile: '/etc/seed' })).toBe(
      '/etc/seed',
    );
  });

  it('creates 32 random bytes with mode 0600 once, then reuses them', async () => {
    const path = join(await tempDir(), 'keys', 'wallet-seed');
    const first = await loadWalletSeed(path, true);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const bytes = await readFile(path);
    expect(bytes).toHaveLength(32);
    const again = await loadWalletSeed(path, true);
    expect(await readFile(path)).toEqual(bytes);
    expect(again.addressFor('ava')).toBe(first.addressFor('ava'));
  });

  it('refuses a missing file when it may not create one, naming the variable', async () => {
    const path = join(await tempDir(), 'absent');
    await expect(loadWalletSeed(path, false)).rejects.toThrow(
      `cannot read the wallet seed ${path}: ENOENT; set CHIMERA_WALLET_SEED_FILE`,
    );
  });

  it('refuses a short file without printing its content', async () => {
    const path = join(await tempDir(), 'short');
    await writeFile(path, 'hunter2-secret');
    const error = await loadWalletSeed(path, false).catch((caught: Error) => caught);
    expect(String(error)).toMatch(/has 14 bytes; it needs at least 32/);
    expect(String(error)).not.toContain('hunter2');
  });
});
