// Reads how long a PCM WAV file plays from its RIFF header: the data chunk's size over the fmt
// chunk's byte rate. Pure: bytes in, seconds out.

/** Seconds of audio in `wav`; throws when it is not a RIFF/WAVE file with fmt and data chunks. */
export function wavDurationSeconds(wav: Uint8Array): number {
  const bytes = Buffer.from(wav.buffer, wav.byteOffset, wav.byteLength);
  if (
    bytes.length < 12 ||
    bytes.toString('ascii', 0, 4) !== 'RIFF' ||
    bytes.toString('ascii', 8, 12) !== 'WAVE'
  ) {
    throw new Error('not a WAV file: no RIFF/WAVE header');
  }
  let byteRate: number | undefined;
  let dataBytes: number | undefined;
  for (let offset = 12; offset + 8 <= bytes.length; ) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    if (id === 'fmt ' && offset + 20 <= bytes.length) byteRate = bytes.readUInt32LE(offset + 16);
    // A streamed WAV may say its data runs to the end (size 0xFFFFFFFF): trust the file's length.
    if (id === 'data') dataBytes = Math.min(size, bytes.length - offset - 8);
    offset += 8 + size + (size % 2);
  }
  if (!byteRate || dataBytes === undefined) {
    throw new Error('not a playable WAV file: missing its fmt or data chunk');
  }
  return dataBytes / byteRate;
}
