// FR-MCP-004: the WAV header reader gives a file's playing time from its fmt and data chunks,
// also for a streamed WAV whose data size is unknown, and refuses what is not a WAV.

import { describe, expect, it } from 'vitest';
import { wavDurationSeconds } from './wav-duration.js';

/** A 16-bit mono PCM WAV at `rate` Hz holding `samples` samples, with an extra LIST chunk. */
function wav(rate: number, samples: number, dataSize = samples * 2): Buffer {
  const list = Buffer.concat([Buffer.from('LIST'), u32(3), Buffer.from('abc\0')]);
  const fmt = Buffer.concat([
    Buffer.from('fmt '),
    u32(16),
    u16(1),
    u16(1),
    u32(rate),
    u32(rate * 2),
    u16(2),
    u16(16),
  ]);
  const data = Buffer.concat([Buffer.from('data'), u32(dataSize), Buffer.alloc(samples * 2)]);
  const body = Buffer.concat([Buffer.from('WAVE'), fmt, list, data]);
  return Buffer.concat([Buffer.from('RIFF'), u32(body.length), body]);
}

function u32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value);
  return buffer;
}

function u16(value: number): Buffer {
  const buffer = Buffer.alloc(2);
  buffer.writeUInt16LE(value);
  return buffer;
}

describe('wavDurationSeconds', () => {
  it('divides the data size by the byte rate, skipping other chunks (padded to even size)', () => {
    expect(wavDurationSeconds(wav(22_050, 33_075))).toBe(1.5);
  });

  it('reads a streamed WAV (data size 0xFFFFFFFF) up to the end of the file', () => {
    expect(wavDurationSeconds(wav(8_000, 4_000, 0xffffffff))).toBe(0.5);
  });

  it('refuses bytes that are not a WAV, and a WAV without a data chunk', () => {
    expect(() => wavDurationSeconds(Buffer.from('not a wav at all'))).toThrow(/RIFF\/WAVE/);
    expect(() => wavDurationSeconds(wav(8_000, 10).subarray(0, 36))).toThrow(/fmt or data/);
  });
});
