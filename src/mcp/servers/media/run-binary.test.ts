// FR-MCP-004: running espeak-ng or ffmpeg never crashes the server: a missing program, a failing
// one and a slow one each become a MediaProgramError that says which and why.

import { describe, expect, it } from 'vitest';
import { MediaProgramError, runBinary } from './run-binary.js';

describe('runBinary', () => {
  it('resolves when the program exits 0, passing arguments without a shell', async () => {
    await expect(
      runBinary('/bin/sh', ['-c', 'test "$0" = "a b;c"', 'a b;c'], {
        name: 'sh',
        timeoutMs: 5_000,
      }),
    ).resolves.toBeUndefined();
  });

  it("reports a missing program as 'missing'", async () => {
    const failure = await runBinary('/nonexistent/espeak-ng', [], {
      name: 'espeak-ng',
      timeoutMs: 5_000,
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MediaProgramError);
    expect(failure).toMatchObject({
      kind: 'missing',
      message: 'espeak-ng is not installed (no executable at /nonexistent/espeak-ng)',
    });
  });

  it("reports a non-zero exit with the end of stderr as 'failed'", async () => {
    await expect(
      runBinary('/bin/sh', ['-c', 'echo "bad input" >&2; exit 3'], {
        name: 'ffmpeg',
        timeoutMs: 5_000,
      }),
    ).rejects.toMatchObject({ kind: 'failed', message: 'ffmpeg exited with code 3: bad input' });
  });

  it('stops a program that outlives its time limit', async () => {
    const startedAt = Date.now();
    await expect(
      runBinary('/bin/sleep', ['10'], { name: 'ffmpeg', timeoutMs: 200 }),
    ).rejects.toMatchObject({
      kind: 'failed',
      message: 'ffmpeg took longer than 200 ms and was stopped',
    });
    expect(Date.now() - startedAt).toBeLessThan(5_000);
  });
});
