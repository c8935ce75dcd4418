// FR-MEMORY-001: the Director recalls the agent's memories most relevant to the trend it writes
// about and puts them in its prompt after the persona, apart from it: who you are, then what you
// remember. The memory port is the run's (here a fixed one); recall tracing is in
// memory.agents.test.ts.

import { describe, expect, it } from 'vitest';
import type { RecalledMemory } from '../src/domain/memory.js';
import { OFFLINE_WRITERS } from '../src/models/offline/offline-writers.js';
import { EXAMPLE_PERSONA, EXAMPLE_TREND_REPORT } from '../src/skills/content/contract-examples.js';
import { directorSkill } from '../src/skills/content/director-skill.js';
import type { RecallOptions } from '../src/skills/skill.js';
import { unavailableServices } from '../src/skills/unavailable-services.js';
import { RecordingModel } from './support/recording-model.js';

const REMEMBERED: RecalledMemory = {
  id: '00000000-0000-4000-8000-00000000000a',
  collection: 'agent_memory',
  text: 'I posted on instagram: "Capsule wardrobe, five pieces". After 24h it had 900 views: 9.1% engagement.',
  metadata: { kind: 'post', engagement_rate: 0.091 },
  similarity: 0.62,
  remembered_at: new Date('2026-11-28T10:00:00Z'),
};

describe('the Director with memory', () => {
  it('asks for the memories of its trend and writes them after the persona', async () => {
    const asked: Array<{ query: string; options: RecallOptions | undefined }> = [];
    const model = new RecordingModel(OFFLINE_WRITERS);
    const run = {
      agentId: 'ava',
      specId: directorSkill.specId,
      taskId: '00000000-0000-4000-8000-000000000001',
      campaignId: '00000000-0000-4000-8000-000000000002',
      attempt: 1,
    };
    const input = directorSkill.inputSchema.parse({
      report: EXAMPLE_TREND_REPORT,
      persona: EXAMPLE_PERSONA,
    });
    await directorSkill.run(input, {
      ...run,
      feedback: [],
      signal: new AbortController().signal,
      tools: unavailableServices().toolsFor(run),
      model,
      memory: {
        recall: async (query, options) => {
          asked.push({ query, options });
          return [REMEMBERED];
        },
      },
    });

    const [trend] = EXAMPLE_TREND_REPORT.trends;
    expect(asked).toEqual([
      { query: `${trend?.headline} (topic: ${trend?.topic})`, options: undefined },
    ]);
    const [prompt] = model.prompts;
    const persona = prompt?.indexOf(`You are ${EXAMPLE_PERSONA.name}`) ?? -1;
    const memories = prompt?.indexOf('What you remember') ?? -1;
    const memory = prompt?.indexOf('Capsule wardrobe, five pieces') ?? -1;
    const task = prompt?.indexOf('post brief about this trend') ?? -1;
    expect(persona).toBeGreaterThanOrEqual(0);
    expect(memories).toBeGreaterThan(persona);
    expect(memory).toBeGreaterThan(memories);
    expect(task).toBeGreaterThan(memory);
  });
});
