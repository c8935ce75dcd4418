// FR-CLI-003: output into a pipe whose reader has gone (`chimera status | head -1`) is dropped
// quietly; other write errors still surface.

import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { pipeWriter } from './pipe-writer.js';

/** A stream whose writes fail with `code`, counting them. */
function failing(code: string) {
  const written: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      written.push(String(chunk));
      done(Object.assign(new Error(`write ${code}`), { code }));
    },
  });
  return { stream, written };
}

describe('pipeWriter', () => {
  it('drops everything after the reader closes the pipe (EPIPE), without an error', async () => {
    const { stream, written } = failing('EPIPE');
    const write = pipeWriter(stream);
    write('first\n');
    await new Promise((resolve) => setImmediate(resolve));
    write('second\n');
    write('third\n');
    expect(written).toEqual(['first\n']);
  });

  it('shares one listener among the writers of a stream', () => {
    const { stream } = failing('EPIPE');
    pipeWriter(stream);
    pipeWriter(stream);
    expect(stream.listenerCount('error')).toBe(1);
  });

  it('lets any other write error through', () => {
    const { stream } = failing('EIO');
    pipeWriter(stream);
    expect(() =>
      stream.emit('error', Object.assign(new Error('write EIO'), { code: 'EIO' })),
    ).toThrow('write EIO');
  });
});
