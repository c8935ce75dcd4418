// FR-MCP-004: the media server renders image posts offline as PNG files stored by content, with
// the character reference fixed in the render; speaks text as WAV with espeak-ng and renders
// video as MP4 (H.264 + AAC) with ffmpeg, both stored by content; and when espeak-ng or ffmpeg is
// missing it says so in get_capabilities and answers those tools with a tool error.

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledServer } from '../src/mcp/bundled-servers.js';
import { McpHub, type McpServerTarget } from '../src/mcp/mcp-hub.js';
import { MemoryRateLimiter } from '../src/mcp/rate-limiter.js';
import { createMediaServer } from '../src/mcp/servers/media/media-server.js';

const run = promisify(execFile);

interface StoredFile {
  path: string;
  mime: string;
  bytes: number;
  sha256: string;
}

const SCRIPT =
  'Hi, it is Ava. Upcycled denim is the drop of the week, and here is why I love it: ' +
  'it keeps good fabric out of landfill and every piece is one of a kind.';

/** A hub over one `media` server, and a way to call its tools as agent ava. */
function mediaHub(create: McpServerTarget & { kind: 'in-process' }) {
  const hub = new McpHub({
    servers: { media: create },
    allowLists: { byAgent: {}, default: ['media.*'] },
    rateLimiter: new MemoryRateLimiter(),
    rateLimit: { max: 1_000, windowMs: 60_000 },
    trace: async () => undefined,
  });
  const call = async <Output = Record<string, unknown>>(
    tool: string,
    args: Record<string, unknown> = {},
  ) =>
    (
      await hub.callTool({
        agentId: 'ava',
        specId: 'FR-MCP-004',
        server: 'media',
        tool,
        arguments: args,
      })
    ).output as Output;
  return { hub, call };
}

/** ffprobe's view of a media file: codec per stream and durations in seconds. */
async function probe(path: string) {
  const { stdout } = await run('ffprobe', [
    ...['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format', path],
  ]);
  const report = JSON.parse(stdout) as {
    streams: Array<{ codec_type: string; codec_name: string; duration: string }>;
    format: { duration: string };
  };
  return {
    codecs: Object.fromEntries(report.streams.map((s) => [s.codec_type, s.codec_name])),
    streamSeconds: report.streams.map((s) => Number(s.duration)),
    seconds: Number(report.format.duration),
  };
}

describe('the media server', () => {
  let dataDir: string;
  let media: ReturnType<typeof mediaHub>;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'chimera-media-'));
    media = mediaHub({
      kind: 'in-process',
      create: () => bundledServer('media').create({ dataDir }),
    });
  });
  afterAll(async () => {
    await media.hub.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const render = (caption: string) =>
    media.call<StoredFile & { character_reference_id: string }>('render_image', {
      caption,
      prompt: 'upcycled denim, golden hour',
      character_reference_id: 'ava-ref-v1',
      width: 512,
      height: 512,
    });

  const video = (script: string) =>
    media.call<
      StoredFile & { duration_seconds: number; character_reference_id: string; poster: StoredFile }
    >('render_video', {
      caption: 'Upcycled denim is the drop of the week',
      prompt: 'upcycled denim, golden hour',
      character_reference_id: 'ava-ref-v1',
      script,
      width: 512,
      height: 512,
    });

  it('renders a PNG under the data dir, named by its SHA-256, with the character reference', async () => {
    const file = await render('Upcycled denim is the drop of the week');
    expect(file.path).toBe(join(dataDir, 'media', `${file.sha256}.png`));
    expect(file.mime).toBe('image/png');
    expect(file.character_reference_id).toBe('ava-ref-v1');
    const bytes = await readFile(file.path);
    expect(bytes.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(bytes.byteLength).toBe(file.bytes);
    expect(await render('Upcycled denim is the drop of the week')).toEqual(file);
    expect((await render('A different caption')).sha256).not.toBe(file.sha256);
  });

  it('reports speech and video as available when espeak-ng and ffmpeg are installed', async () => {
    const output = await media.call('get_capabilities');
    expect(output).toMatchObject({ image: true, speech: true, video: true });
    expect(output.notes).toEqual([
      expect.stringMatching(/^speech: WAV from espeak-ng \(\/.*espeak-ng\)$/),
      expect.stringMatching(/^video: MP4 \(H\.264 \+ AAC\) from ffmpeg \(\/.*ffmpeg\)/),
    ]);
  });

  it('speaks a text as a WAV stored by its SHA-256, the same text to the same file', async () => {
    const speech = await media.call<StoredFile & { duration_seconds: number }>(
      'synthesize_speech',
      { text: SCRIPT },
    );
    expect(speech.path).toBe(join(dataDir, 'media', `${speech.sha256}.wav`));
    expect(speech.mime).toBe('audio/wav');
    const bytes = await readFile(speech.path);
    expect(bytes.byteLength).toBe(speech.bytes);
    expect(bytes.toString('ascii', 0, 4)).toBe('RIFF');
    expect(bytes.toString('ascii', 8, 12)).toBe('WAVE');
    // About 30 words at espeak-ng's 175 words a minute.
    expect(speech.duration_seconds).toBeGreaterThan(5);
    expect(speech.duration_seconds).toBeLessThan(20);
    expect((await probe(speech.path)).seconds).toBeCloseTo(speech.duration_seconds, 1);
    expect(await media.call('synthesize_speech', { text: SCRIPT })).toEqual(speech);
    const other = await media.call('synthesize_speech', { text: 'Something else entirely.' });
    expect(other.sha256).not.toBe(speech.sha256);
  });

  it('refuses a voice that is not a voice name, and reports one espeak-ng does not know', async () => {
    await expect(
      media.call('synthesize_speech', { text: SCRIPT, voice: '--help' }),
    ).rejects.toThrow('an espeak-ng voice such as en-us or en-gb+f3 at voice');
    await expect(
      media.call('synthesize_speech', { text: SCRIPT, voice: 'zz-nope' }),
    ).rejects.toMatchObject({
      code: 'MCP_TOOL_FAILED',
      message: expect.stringContaining(
        'speech synthesis failed: espeak-ng exited with code 1: Error: The specified espeak-ng voice does not exist',
      ),
    });
  });

  it('renders an MP4 (H.264 + AAC) of the card over the spoken script, as long as the speech', async () => {
    const output = await video(SCRIPT);
    expect(output.path).toBe(join(dataDir, 'media', `${output.sha256}.mp4`));
    expect(output.mime).toBe('video/mp4');
    expect(output.character_reference_id).toBe('ava-ref-v1');
    expect((await readFile(output.path)).byteLength).toBe(output.bytes);
    const probed = await probe(output.path);
    expect(probed.codecs).toEqual({ video: 'h264', audio: 'aac' });
    const speech = await media.call<{ duration_seconds: number }>('synthesize_speech', {
      text: SCRIPT,
    });
    expect(output.duration_seconds).toBe(speech.duration_seconds);
    for (const seconds of [probed.seconds, ...probed.streamSeconds]) {
      expect(Math.abs(seconds - speech.duration_seconds)).toBeLessThan(1);
    }
    // The poster is the card render_image makes for the same caption, prompt and size.
    const card = await render('Upcycled denim is the drop of the week');
    expect(output.poster).toEqual({
      path: card.path,
      mime: 'image/png',
      bytes: card.bytes,
      sha256: card.sha256,
    });
    expect(await video(SCRIPT)).toEqual(output);
    expect((await video(`${SCRIPT} See you soon.`)).sha256).not.toBe(output.sha256);
  });
});

describe('the media server without espeak-ng or ffmpeg', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'chimera-media-missing-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  /** A hub whose media server looks for the programs at `binaries`. */
  const missing = (binaries: { espeakNg?: string; ffmpeg?: string }) =>
    mediaHub({
      kind: 'in-process',
      create: () => createMediaServer({ mediaDir: join(dataDir, 'media'), binaries }),
    });

  it('reports speech and video unavailable and answers their tools with a tool error', async () => {
    const media = missing({
      espeakNg: join(dataDir, 'nowhere', 'espeak-ng'),
      ffmpeg: join(dataDir, 'nowhere', 'ffmpeg'),
    });
    try {
      expect(await media.call('get_capabilities')).toEqual({
        image: true,
        speech: false,
        video: false,
        notes: [
          'speech synthesis is unavailable: espeak-ng is not installed',
          'video rendering is unavailable: espeak-ng and ffmpeg are not installed; produce image posts instead',
        ],
      });
      await expect(media.call('synthesize_speech', { text: SCRIPT })).rejects.toMatchObject({
        code: 'MCP_TOOL_FAILED',
        message:
          'media.synthesize_speech failed: speech synthesis is unavailable: espeak-ng is not installed',
      });
      await expect(
        media.call('render_video', {
          caption: 'Upcycled denim',
          prompt: 'upcycled denim',
          character_reference_id: 'ava-ref-v1',
          script: SCRIPT,
        }),
      ).rejects.toMatchObject({
        code: 'MCP_TOOL_FAILED',
        message:
          'media.render_video failed: video rendering is unavailable: espeak-ng and ffmpeg are not installed',
      });
      // Images need neither program.
      const card = await media.call('render_image', {
        caption: 'Upcycled denim',
        prompt: 'upcycled denim',
        character_reference_id: 'ava-ref-v1',
        width: 256,
        height: 256,
      });
      expect(card.mime).toBe('image/png');
    } finally {
      await media.hub.close();
    }
  });

  it('offers speech but not video when only ffmpeg is missing', async () => {
    const media = missing({ ffmpeg: 'chimera-no-such-ffmpeg' });
    try {
      expect(await media.call('get_capabilities')).toMatchObject({
        speech: true,
        video: false,
        notes: [
          expect.stringMatching(/^speech: WAV from espeak-ng/),
          'video rendering is unavailable: ffmpeg is not installed; produce image posts instead',
        ],
      });
      await expect(
        media.call('render_video', {
          caption: 'Upcycled denim',
          prompt: 'upcycled denim',
          character_reference_id: 'ava-ref-v1',
          script: SCRIPT,
        }),
      ).rejects.toThrow('video rendering is unavailable: ffmpeg is not installed');
    } finally {
      await media.hub.close();
    }
  });
});
