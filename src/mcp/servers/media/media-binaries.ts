// Finds the programs the media server runs: espeak-ng for speech, ffmpeg for video. A configured
// path is checked as given; a bare name is looked up on PATH. Looking is all it does: nothing is
// run, and each server instance looks once.

import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { delimiter, isAbsolute, join, resolve, sep } from 'node:path';

/** Where to find the programs: a path, or a name looked up on PATH. Defaults: the plain names. */
export interface MediaBinaryPaths {
  espeakNg?: string;
  ffmpeg?: string;
}

/** The programs found, by absolute path; undefined when not installed. */
export interface MediaBinaries {
  espeakNg: string | undefined;
  ffmpeg: string | undefined;
}

/** A lookup of both programs that runs once and is shared by every later call. */
export function binaryLookup(paths: MediaBinaryPaths = {}): () => Promise<MediaBinaries> {
  let found: Promise<MediaBinaries> | undefined;
  return () => {
    found ??= Promise.all([
      locateBinary(paths.espeakNg ?? 'espeak-ng'),
      locateBinary(paths.ffmpeg ?? 'ffmpeg'),
    ]).then(([espeakNg, ffmpeg]) => ({ espeakNg, ffmpeg }));
    return found;
  };
}

/** Why `medium` cannot be produced with `found`, or undefined when it can. */
export function unavailableReason(
  found: MediaBinaries,
  medium: 'speech' | 'video',
): string | undefined {
  const missing = [
    ...(found.espeakNg ? [] : ['espeak-ng']),
    ...(medium === 'video' && !found.ffmpeg ? ['ffmpeg'] : []),
  ];
  if (missing.length === 0) return undefined;
  const what = medium === 'speech' ? 'speech synthesis' : 'video rendering';
  return `${what} is unavailable: ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not installed`;
}

/** The absolute path of executable `command` (a path, or a name on `searchPath`), if any. */
export async function locateBinary(
  command: string,
  searchPath: string = process.env.PATH ?? '',
): Promise<string | undefined> {
  if (isAbsolute(command) || command.includes(sep)) {
    return (await isExecutableFile(command)) ? resolve(command) : undefined;
  }
  for (const directory of searchPath.split(delimiter).filter(Boolean)) {
    const candidate = resolve(join(directory, command));
    if (await isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

async function isExecutableFile(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
