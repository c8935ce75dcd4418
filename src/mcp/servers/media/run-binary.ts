// Runs one external program (espeak-ng, ffmpeg) with an argument array, never through a shell,
// under a time limit, and turns its failures into MediaProgramError: 'missing' when the program
// is not there, 'failed' when it ran and did not succeed.

import { execFile } from 'node:child_process';

/** Why a program did not do its work. */
export class MediaProgramError extends Error {
  constructor(
    readonly kind: 'missing' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'MediaProgramError';
  }
}

/** How to run a program: its name for messages, a time limit, and an optional abort signal. */
export interface RunOptions {
  name: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Runs `path` with `args`; resolves when it exits 0, rejects with MediaProgramError otherwise. */
export function runBinary(path: string, args: readonly string[], options: RunOptions) {
  return new Promise<void>((resolve, reject) => {
    execFile(
      path,
      args,
      {
        timeout: options.timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: 4 * 1024 * 1024,
        windowsHide: true,
        ...(options.signal && { signal: options.signal }),
      },
      (error, _stdout, stderr) => {
        if (!error) return resolve();
        reject(describeFailure(path, options, error, String(stderr)));
      },
    );
  });
}

function describeFailure(
  path: string,
  options: RunOptions,
  error: Error & { code?: string | number | null; killed?: boolean; signal?: string | null },
  stderr: string,
): MediaProgramError {
  if (error.code === 'ENOENT' || error.code === 'EACCES') {
    return new MediaProgramError(
      'missing',
      `${options.name} is not installed (no executable at ${path})`,
    );
  }
  if (error.name === 'AbortError') {
    return new MediaProgramError(
      'failed',
      `${options.name} was stopped: the request was cancelled`,
    );
  }
  if (error.killed) {
    return new MediaProgramError(
      'failed',
      `${options.name} took longer than ${options.timeoutMs} ms and was stopped`,
    );
  }
  const detail = stderr.trim().split('\n').slice(-3).join(' ').slice(0, 500);
  const exit = typeof error.code === 'number' ? `exited with code ${error.code}` : error.message;
  return new MediaProgramError('failed', `${options.name} ${exit}${detail ? `: ${detail}` : ''}`);
}
