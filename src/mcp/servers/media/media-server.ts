// The bundled `media` MCP server: renders image posts offline (SVG → PNG with resvg) with the
// persona's character reference fixed in the render; speaks text with espeak-ng (WAV); and renders
// videos with ffmpeg: the same card as a still over the spoken script (MP4, H.264 + AAC). Every
// file is stored content-addressed under the data dir. espeak-ng and ffmpeg are found on PATH (or
// at configured paths); when one is missing, get_capabilities says so and its tools answer with a
// tool error naming the missing program.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { structuredAnswer, toolFailure } from '../tool-results.js';
import { renderCardPng } from './card-png.js';
import { storeContentAddressed } from './content-addressed-files.js';
import { binaryLookup, type MediaBinaryPaths, unavailableReason } from './media-binaries.js';
import { MediaProgramError } from './run-binary.js';
import { withScratchDir } from './scratch-dir.js';
import { synthesizeSpeech, VOICE_PATTERN } from './speech-synthesis.js';
import { encodeStillVideo } from './still-video.js';

/** Media server options. */
export interface MediaServerOptions {
  /** Folder for rendered files (content-addressed). */
  mediaDir: string;
  /** Where espeak-ng and ffmpeg are (a path, or a name looked up on PATH). Default: on PATH. */
  binaries?: MediaBinaryPaths;
  /** Longest one espeak-ng or ffmpeg run may take, in ms. Default 25 000 (under the hub's 30 s). */
  processTimeoutMs?: number;
}

const StoredFileShape = {
  path: z.string(),
  mime: z.string(),
  bytes: z.number().int().positive(),
  sha256: z.string(),
};

const CardShape = {
  caption: z.string().min(1).max(300),
  prompt: z.string().min(1).max(1_000),
  character_reference_id: z.string().min(1),
};

const VoiceShape = z
  .string()
  .regex(VOICE_PATTERN, 'an espeak-ng voice such as en-us or en-gb+f3')
  .default('en-us');

/** Spoken text: up to a 500-word video script and then some. */
const SpokenText = z.string().trim().min(1).max(6_000);

export function createMediaServer(options: MediaServerOptions): McpServer {
  const server = new McpServer({ name: 'chimera-media', version: '0.2.0' });
  const binaries = binaryLookup(options.binaries);
  const timeoutMs = options.processTimeoutMs ?? 25_000;

  server.registerTool(
    'get_capabilities',
    {
      description: 'Which media this server can produce, and why not when it cannot.',
      outputSchema: {
        image: z.boolean(),
        speech: z.boolean(),
        video: z.boolean(),
        notes: z.array(z.string()),
      },
      annotations: { readOnlyHint: true },
    },
    async () => {
      const found = await binaries();
      const speechProblem = unavailableReason(found, 'speech');
      const videoProblem = unavailableReason(found, 'video');
      const result = {
        image: true,
        speech: !speechProblem,
        video: !videoProblem,
        notes: [
          speechProblem ?? `speech: WAV from espeak-ng (${found.espeakNg})`,
          videoProblem
            ? `${videoProblem}; produce image posts instead`
            : `video: MP4 (H.264 + AAC) from ffmpeg (${found.ffmpeg}), the card over the spoken script`,
        ],
      };
      return structuredAnswer(result);
    },
  );

  server.registerTool(
    'render_image',
    {
      description:
        'Renders an image post (PNG) from a caption and a visual prompt, with the character reference fixed in the render.',
      inputSchema: {
        ...CardShape,
        width: z.number().int().min(256).max(2_048).default(1_080),
        height: z.number().int().min(256).max(2_048).default(1_080),
      },
      outputSchema: { ...StoredFileShape, character_reference_id: z.string() },
      annotations: { idempotentHint: true },
    },
    async (input) => {
      const png = renderCardPng({
        caption: input.caption,
        prompt: input.prompt,
        characterReferenceId: input.character_reference_id,
        width: input.width,
        height: input.height,
      });
      const file = await storeContentAddressed(options.mediaDir, png, 'png', 'image/png');
      const result = { ...file, character_reference_id: input.character_reference_id };
      return structuredAnswer(result);
    },
  );

  server.registerTool(
    'synthesize_speech',
    {
      description: 'Speaks a text with espeak-ng and stores it as a WAV file.',
      inputSchema: { text: SpokenText, voice: VoiceShape },
      outputSchema: { ...StoredFileShape, duration_seconds: z.number().positive() },
      annotations: { idempotentHint: true },
    },
    async (input, extra) => {
      const found = await binaries();
      const problem = unavailableReason(found, 'speech');
      if (problem || !found.espeakNg) return toolFailure(problem ?? 'espeak-ng is missing');
      const espeakNg = found.espeakNg;
      return asToolAnswer('speech synthesis', () =>
        withScratchDir(async (scratch) => {
          const speech = await synthesizeSpeech(espeakNg, input, scratch, {
            timeoutMs,
            signal: extra.signal,
          });
          const file = await storeContentAddressed(
            options.mediaDir,
            speech.wav,
            'wav',
            'audio/wav',
          );
          return { ...file, duration_seconds: roundMilli(speech.seconds) };
        }),
      );
    },
  );

  server.registerTool(
    'render_video',
    {
      description:
        'Renders a video post (MP4, H.264 + AAC): the image card of the caption and visual prompt, with the character reference fixed in it, over the spoken script. Also stores the card as a PNG poster.',
      inputSchema: {
        ...CardShape,
        script: SpokenText,
        voice: VoiceShape,
        width: z.number().int().min(256).max(2_048).multipleOf(2).default(1_080),
        height: z.number().int().min(256).max(2_048).multipleOf(2).default(1_080),
      },
      outputSchema: {
        ...StoredFileShape,
        duration_seconds: z.number().positive(),
        character_reference_id: z.string(),
        poster: z.object(StoredFileShape),
      },
      annotations: { idempotentHint: true },
    },
    async (input, extra) => {
      const found = await binaries();
      const problem = unavailableReason(found, 'video');
      if (problem || !found.espeakNg || !found.ffmpeg) {
        return toolFailure(problem ?? 'espeak-ng or ffmpeg is missing');
      }
      const { espeakNg, ffmpeg } = found;
      const run = { timeoutMs, signal: extra.signal };
      return asToolAnswer('video rendering', () =>
        withScratchDir(async (scratch) => {
          const poster = await storeContentAddressed(
            options.mediaDir,
            renderCardPng({
              caption: input.caption,
              prompt: input.prompt,
              characterReferenceId: input.character_reference_id,
              width: input.width,
              height: input.height,
            }),
            'png',
            'image/png',
          );
          const speech = await synthesizeSpeech(
            espeakNg,
            { text: input.script, voice: input.voice },
            scratch,
            run,
          );
          const outputPath = join(scratch, 'video.mp4');
          await encodeStillVideo(
            ffmpeg,
            { stillPath: poster.path, audioPath: speech.path, seconds: speech.seconds, outputPath },
            run,
          );
          const video = await storeContentAddressed(
            options.mediaDir,
            await readFile(outputPath),
            'mp4',
            'video/mp4',
          );
          return {
            ...video,
            duration_seconds: roundMilli(speech.seconds),
            character_reference_id: input.character_reference_id,
            poster,
          };
        }),
      );
    },
  );

  return server;
}

/**
 * Runs `work` and answers with its result; a program that is missing or fails becomes a tool
 * error that names `what` ("speech synthesis is unavailable: …", "video rendering failed: …").
 */
async function asToolAnswer<T extends Record<string, unknown>>(
  what: string,
  work: () => Promise<T>,
) {
  try {
    return structuredAnswer(await work());
  } catch (error) {
    if (!(error instanceof MediaProgramError)) throw error;
    return toolFailure(
      `${what} ${error.kind === 'missing' ? 'is unavailable' : 'failed'}: ${error.message}`,
    );
  }
}

function roundMilli(seconds: number): number {
  return Math.round(seconds * 1_000) / 1_000;
}
