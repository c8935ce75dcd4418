// SK-ARTIST-001, FR-POLICY-004, FR-MCP-004: Scout → Director → Artist produces a PNG whose cost
// matches the estimate, and for a video brief an MP4 of the spoken script with its PNG poster;
// without espeak-ng and ffmpeg a video brief falls back to an image and says so; an asset with
// the wrong character reference is escalated by the character-consistency lock.

import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { McpHub } from '../src/mcp/mcp-hub.js';
import { MemoryRateLimiter } from '../src/mcp/rate-limiter.js';
import { createMediaServer } from '../src/mcp/servers/media/media-server.js';
import { hubTools } from '../src/mcp/skill-tools.js';
import { MEDIA_PRICES, wordCount } from '../src/models/price-table.js';
import { artistSkill } from '../src/skills/content/artist-skill.js';
import { ContentBrief } from '../src/skills/content/content-brief.js';
import { MediaAsset } from '../src/skills/content/media-asset.js';
import { defineSkill } from '../src/skills/skill.js';
import { unavailableServices } from '../src/skills/unavailable-services.js';
import { addPersonas, contentLoop } from './support/content-loop.js';
import { campaignOf, singleStep, useTestApp } from './support/test-app.js';
import { ADAPTERS } from './support/test-databases.js';

/** Renders "someone else": the lock must catch it. */
const offModelArtist = defineSkill({
  name: 'test.off-model-artist',
  specId: 'SK-ARTIST-001',
  description: 'returns an asset of another character',
  inputSchema: z.object({ reference: z.string() }),
  outputSchema: z.object({ reference: z.string() }),
  characterReferences: (input, output) => ({ expected: input.reference, actual: output.reference }),
  async run() {
    return { output: { reference: 'someone-else-v9' }, confidence: 0.99 };
  },
});

describe.each(ADAPTERS)('scout → director → artist on %s', (kind) => {
  const suite = useTestApp(kind, { skills: [offModelArtist] });

  async function run(steps: Array<Record<string, unknown>>, agentId = 'ava') {
    await addPersonas(suite.app);
    const campaign = await suite.app.planner.launch(
      campaignOf(steps, [agentId], 'Tease the spring capsule drop'),
    );
    await suite.app.runtime.runUntilQuiescent();
    return suite.app.store.tasks.listByCampaign(campaign.id);
  }

  it('produces a PNG whose production cost matches the estimate', async () => {
    const tasks = await run(contentLoop({ format: 'image', through: 'asset' }));
    const asset = MediaAsset.parse(tasks.find((task) => task.step_key === 'asset')?.output);
    const brief = ContentBrief.parse(tasks.find((task) => task.step_key === 'brief')?.output);
    expect(asset.files).toHaveLength(1);
    expect(asset.files[0]?.mime).toBe('image/png');
    expect((await stat(asset.files[0]!.path)).size).toBe(asset.files[0]?.bytes);
    expect(asset.character_reference_id).toBe('ava-ref-v1');
    expect(Math.abs(asset.production_cost - brief.estimated_cost)).toBeLessThanOrEqual(
      brief.estimated_cost * 0.1,
    );
  });

  it('produces an MP4 of the spoken script and its PNG poster for a video brief', async () => {
    const tasks = await run(contentLoop({ format: 'video', through: 'asset' }));
    const asset = MediaAsset.parse(tasks.find((task) => task.step_key === 'asset')?.output);
    const brief = ContentBrief.parse(tasks.find((task) => task.step_key === 'brief')?.output);
    expect(asset.format).toBe('video');
    expect(asset.notes).toEqual([]);
    expect(asset.files.map((file) => file.mime)).toEqual(['video/mp4', 'image/png']);
    for (const file of asset.files) expect((await stat(file.path)).size).toBe(file.bytes);
    expect(asset.character_reference_id).toBe('ava-ref-v1');
    // Priced by the second: the estimate from the script's words lands within ±10% of the
    // cost at the rendered length.
    expect(asset.production_cost).toBeGreaterThan(MEDIA_PRICES.image);
    expect(Math.abs(asset.production_cost - brief.estimated_cost)).toBeLessThanOrEqual(
      brief.estimated_cost * 0.1,
    );
    const { stdout } = await promisify(execFile)('ffprobe', [
      ...['-v', 'error', '-show_entries', 'stream=codec_name:format=duration'],
      ...['-of', 'json', asset.files[0]!.path],
    ]);
    const probed = JSON.parse(stdout) as {
      streams: Array<{ codec_name: string }>;
      format: { duration: string };
    };
    expect(probed.streams.map((stream) => stream.codec_name).sort()).toEqual(['aac', 'h264']);
    // espeak-ng speaks about 175 words a minute; the script has 100–500 words.
    const minutes = wordCount(brief.script ?? '') / 175;
    expect(Number(probed.format.duration)).toBeGreaterThan(minutes * 60 * 0.6);
    expect(Number(probed.format.duration)).toBeLessThan(minutes * 60 * 1.6);
    expect(tasks.every((task) => task.status === 'done')).toBe(true);
  });

  it('escalates an asset with the wrong character reference, naming both', async () => {
    const [task] = await run(singleStep('test.off-model-artist', { reference: 'ava-ref-v1' }));
    expect(task?.status).toBe('awaiting_review');
    const result = await suite.app.store.results.latest(task!.id);
    expect(result?.reasons).toEqual([
      "character-consistency: the asset shows character 'someone-else-v9', not the persona's 'ava-ref-v1'",
    ]);
  });
});

describe('the artist without espeak-ng and ffmpeg', () => {
  const script = Array.from(
    { length: 10 },
    (_, index) => `Point ${index + 1}: upcycled denim keeps good fabric out of landfill.`,
  ).join(' ');
  const brief = ContentBrief.parse({
    brief_id: 'brief-0123456789ab',
    trend_id: 'trend-upcycled-denim',
    format: 'video',
    caption: 'Upcycled denim is the drop of the week, and here is why.',
    hashtags: ['#upcycled', '#denim'],
    visual_prompts: ['upcycled denim, golden hour, consistent character ava-ref-v1'],
    script,
    character_reference_id: 'ava-ref-v1',
    estimated_cost: 0.002,
  });

  it('falls back to an image post for a video brief, and says so', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'chimera-artist-'));
    const hub = new McpHub({
      servers: {
        media: {
          kind: 'in-process',
          create: () =>
            createMediaServer({
              mediaDir: join(dataDir, 'media'),
              binaries: {
                espeakNg: join(dataDir, 'nowhere', 'espeak-ng'),
                ffmpeg: join(dataDir, 'nowhere', 'ffmpeg'),
              },
            }),
        },
      },
      allowLists: { byAgent: {}, default: ['media.*'] },
      rateLimiter: new MemoryRateLimiter(),
      trace: async () => undefined,
    });
    try {
      const run = {
        agentId: 'ava',
        specId: 'SK-ARTIST-001',
        taskId: '00000000-0000-4000-8000-000000000001',
        campaignId: '00000000-0000-4000-8000-000000000002',
        attempt: 1,
      };
      const { output, confidence } = await artistSkill.run(
        artistSkill.inputSchema.parse({ brief }),
        {
          ...run,
          feedback: [],
          signal: new AbortController().signal,
          tools: hubTools(hub)(run),
          model: unavailableServices().modelFor(run),
          memory: unavailableServices().memoryFor(run),
        },
      );
      const asset = MediaAsset.parse(output);
      expect(wordCount(script)).toBe(100);
      expect(asset.format).toBe('image');
      expect(asset.notes).toEqual([
        'video is not available from the media server: produced an image post instead',
      ]);
      expect(asset.files.map((file) => file.mime)).toEqual(['image/png']);
      expect((await stat(asset.files[0]!.path)).size).toBe(asset.files[0]?.bytes);
      expect(asset.character_reference_id).toBe('ava-ref-v1');
      expect(asset.production_cost).toBe(brief.estimated_cost);
      expect(confidence).toBe(0.9);
    } finally {
      await hub.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
