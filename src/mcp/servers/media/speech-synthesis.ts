// Speaks a text with espeak-ng into a WAV file: the text goes in through a file (so no text can
// pass for a command-line option) and the WAV's duration is read from its header.

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MediaProgramError, runBinary } from './run-binary.js';
import { wavDurationSeconds } from './wav-duration.js';

/** espeak-ng voice names: a language tag with an optional +variant, e.g. en-us, en-gb+f3. */
export const VOICE_PATTERN = /^[a-z]{2,3}(-[a-z0-9]+)*(\+[a-z0-9]+)?$/;

/** A synthesized WAV: where it was written in the scratch folder, its bytes and its length. */
export interface Speech {
  path: string;
  wav: Buffer;
  seconds: number;
}

/** Speaks `text` in `voice` with the espeak-ng at `espeakNg`, writing into `scratchDir`. */
export async function synthesizeSpeech(
  espeakNg: string,
  request: { text: string; voice: string },
  scratchDir: string,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<Speech> {
  const textPath = join(scratchDir, 'speech.txt');
  const path = join(scratchDir, 'speech.wav');
  await writeFile(textPath, request.text, 'utf8');
  await runBinary(espeakNg, ['-b', '1', '-v', request.voice, '-f', textPath, '-w', path], {
    name: 'espeak-ng',
    ...options,
  });
  const wav = await readFile(path);
  let seconds: number;
  try {
    seconds = wavDurationSeconds(wav);
  } catch (error) {
    throw new MediaProgramError('failed', `espeak-ng wrote an unreadable WAV: ${String(error)}`);
  }
  if (seconds <= 0) throw new MediaProgramError('failed', 'espeak-ng produced no audio');
  return { path, wav, seconds };
}
