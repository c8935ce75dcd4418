// SK-DIRECTOR-001, FR-MODEL-001, FR-POLICY-001: Scout → Director for SOUL.md personas, with the
// offline model writing in each persona's voice.

import { describe, expect, it } from 'vitest';
import { ContentBrief } from '../src/skills/content/content-brief.js';
import { addPersonas, contentLoop } from './support/content-loop.js';
import { campaignOf, useTestApp } from './support/test-app.js';
import { ADAPTERS } from './support/test-databases.js';

describe.each(ADAPTERS)('scout → director on %s', (kind) => {
  const suite = useTestApp(kind);

  async function run(agentId: string, format: string, goal: string) {
    await addPersonas(suite.app);
    const campaign = await suite.app.planner.launch(
      campaignOf(contentLoop({ format, through: 'brief' }), [agentId], goal),
    );
    await suite.app.runtime.runUntilQuiescent();
    const tasks = await suite.app.store.tasks.listByCampaign(campaign.id);
    return tasks.find((task) => task.step_key === 'brief')!;
  }

  it('writes an image brief in the persona voice with its cost from the price table', async () => {
    const task = await run('milo', 'image', 'Share cheap eats for winter trips');
    expect(task.status).toBe('done');
    const brief = ContentBrief.parse(task.output);
    expect(brief.character_reference_id).toBe('milo-ref-v1');
    expect(brief.caption).toMatch(
      /For everyone into budget travel and street food, this one is for you\.$/,
    );
    expect(brief.hashtags.length).toBeGreaterThan(0);
    expect(brief.visual_prompts[0]).toContain('milo-ref-v1');
    expect(brief.estimated_cost).toBe(0.002);
  });

  it('writes a 100–500 word script for a video brief', async () => {
    const task = await run('ava', 'video', 'Tease the spring capsule drop');
    const brief = ContentBrief.parse(task.output);
    const words = (brief.script ?? '').split(/\s+/).length;
    expect(words).toBeGreaterThanOrEqual(100);
    expect(words).toBeLessThanOrEqual(500);
  });
});
