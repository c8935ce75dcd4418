// SK-DIRECTOR-001, FR-MODEL-001, FR-POLICY-001: Scout → Director for SOUL.md personas, with the
// offline model writing in each persona's voice; a brief on a health trend waits for a human.

import { describe, expect, it } from 'vitest';
import { toAgent } from '../src/personas/persona.js';
import { loadPersonaDirectory } from '../src/personas/soul-file.js';
import { ContentBrief } from '../src/skills/content/content-brief.js';
import { campaignOf, useTestApp } from './support/test-app.js';
import { ADAPTERS } from './support/test-databases.js';

const PERSONAS = new URL('../examples/personas/', import.meta.url);

const scoutThenDirector = (format: string) => [
  {
    key: 'scout',
    skill: 'scout.analyze',
    input: { niche: { $from: 'agent.niche' }, goal: { $from: 'campaign.goal' } },
  },
  {
    key: 'brief',
    skill: 'director.create_brief',
    depends_on: ['scout'],
    input: { report: { $from: 'scout' }, persona: { $from: 'agent' }, format },
  },
];

describe.each(ADAPTERS)('scout → director on %s', (kind) => {
  const suite = useTestApp(kind);

  async function run(agentId: string, format: string, goal: string) {
    for (const persona of await loadPersonaDirectory(PERSONAS)) {
      await suite.app.store.agents.upsert(toAgent(persona));
    }
    const campaign = await suite.app.planner.launch(
      campaignOf(scoutThenDirector(format), [agentId], goal),
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
