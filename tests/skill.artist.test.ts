// SK-ARTIST-001, FR-POLICY-004, FR-MCP-004: Scout → Director → Artist produces a PNG whose cost
// matches the estimate; a video brief falls back to an image and says so; an asset with the wrong
// character reference is escalated by the character-consistency lock.

import { stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ContentBrief } from '../src/skills/content/content-brief.js';
import { MediaAsset } from '../src/skills/content/media-asset.js';
import { defineSkill } from '../src/skills/skill.js';
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

  it('falls back to an image post when video is not available, and says so', async () => {
    const tasks = await run(contentLoop({ format: 'video', through: 'asset' }));
    const asset = MediaAsset.parse(tasks.find((task) => task.step_key === 'asset')?.output);
    expect(asset.format).toBe('image');
    expect(asset.notes).toEqual([
      'video is not available from the media server: produced an image post instead',
    ]);
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
