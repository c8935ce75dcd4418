// A private temporary folder for one render's intermediate files (text, WAV, MP4), removed when
// the render ends, whether it succeeded or not.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs `work` with a fresh temporary folder and removes the folder afterwards. */
export async function withScratchDir<T>(work: (directory: string) => Promise<T>): Promise<T> {
  const directory = await mkdtemp(join(tmpdir(), 'chimera-media-'));
  try {
    return await work(directory);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
