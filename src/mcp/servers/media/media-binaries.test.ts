// FR-MCP-004: the media server finds espeak-ng and ffmpeg on PATH or at a configured path, only
// as executable files, and names what is missing for speech and for video.

import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateBinary, unavailableReason } from './media-binaries.js';

describe('locateBinary', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'chimera-binaries-'));
    await mkdir(join(root, 'bin'));
    await mkdir(join(root, 'other'));
    await writeFile(join(root, 'bin', 'tool'), '#!/bin/sh\n');
    await chmod(join(root, 'bin', 'tool'), 0o755);
    await writeFile(join(root, 'other', 'tool'), 'not executable');
    await mkdir(join(root, 'other', 'folder-tool'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('finds the first executable file of that name on the search path', async () => {
    const searchPath = [join(root, 'other'), join(root, 'bin')].join(delimiter);
    expect(await locateBinary('tool', searchPath)).toBe(join(root, 'bin', 'tool'));
    expect(await locateBinary('folder-tool', searchPath)).toBeUndefined();
    expect(await locateBinary('absent', searchPath)).toBeUndefined();
  });

  it('checks a path as given, without searching', async () => {
    expect(await locateBinary(join(root, 'bin', 'tool'), '')).toBe(join(root, 'bin', 'tool'));
    expect(await locateBinary(join(root, 'other', 'tool'), join(root, 'bin'))).toBeUndefined();
    expect(await locateBinary(join(root, 'missing', 'tool'), join(root, 'bin'))).toBeUndefined();
  });
});

describe('unavailableReason', () => {
  it('names the missing programs of each medium', () => {
    const both = { espeakNg: '/usr/bin/espeak-ng', ffmpeg: '/usr/bin/ffmpeg' };
    expect(unavailableReason(both, 'speech')).toBeUndefined();
    expect(unavailableReason(both, 'video')).toBeUndefined();
    expect(unavailableReason({ ...both, ffmpeg: undefined }, 'speech')).toBeUndefined();
    expect(unavailableReason({ ...both, ffmpeg: undefined }, 'video')).toBe(
      'video rendering is unavailable: ffmpeg is not installed',
    );
    expect(unavailableReason({ ...both, espeakNg: undefined }, 'speech')).toBe(
      'speech synthesis is unavailable: espeak-ng is not installed',
    );
    expect(unavailableReason({ espeakNg: undefined, ffmpeg: undefined }, 'video')).toBe(
      'video rendering is unavailable: espeak-ng and ffmpeg are not installed',
    );
  });
});
