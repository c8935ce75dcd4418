// Encodes a still image over a speech track as an MP4 (H.264 + AAC) with ffmpeg. The still is
// one frame a second, and the video is cut to the audio's length with `-t`: `-loop 1 -shortest`
// overshoots by about two seconds. Bit-exact flags keep the same inputs giving the same bytes.

import { runBinary } from './run-binary.js';

/** What to encode: the still PNG, the speech WAV and its length, and where to write the MP4. */
export interface StillVideoJob {
  stillPath: string;
  audioPath: string;
  seconds: number;
  outputPath: string;
}

/** ffmpeg's arguments for `job`. */
export function stillVideoArguments(job: StillVideoJob): string[] {
  return [
    ...['-hide_banner', '-nostdin', '-loglevel', 'error', '-y'],
    ...['-loop', '1', '-framerate', '1', '-i', job.stillPath],
    ...['-i', job.audioPath],
    ...['-map', '0:v:0', '-map', '1:a:0', '-t', job.seconds.toFixed(3)],
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'stillimage', '-g', '10'],
    ...['-pix_fmt', 'yuv420p'],
    // The fast AAC coder is about eight times quicker than the default, and plenty for speech.
    ...['-c:a', 'aac', '-aac_coder', 'fast', '-b:a', '64k'],
    ...['-movflags', '+faststart', '-map_metadata', '-1'],
    ...['-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact'],
    job.outputPath,
  ];
}

/** Runs the ffmpeg at `ffmpeg` on `job`. */
export function encodeStillVideo(
  ffmpeg: string,
  job: StillVideoJob,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<void> {
  return runBinary(ffmpeg, stillVideoArguments(job), { name: 'ffmpeg', ...options });
}
