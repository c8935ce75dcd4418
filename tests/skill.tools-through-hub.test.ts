// FR-MCP-001: a skill running in the governed loop reaches the outside only through the MCP hub
// lent in its context; each call is traced with the task, agent and the skill's spec id.

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineSkill } from '../src/skills/skill.js';
import { campaignOf, singleStep, useTestApp } from './support/test-app.js';
import { ADAPTERS } from './support/test-databases.js';

const trendCounter = defineSkill({
  name: 'test.trend-counter',
  specId: 'SK-SCOUT-002',
  description: 'counts trend items for a keyword through the trends server',
  inputSchema: z.object({ keyword: z.string() }),
  outputSchema: z.object({ items: z.number().int() }),
  async run(input, context) {
    const answer = await context.tools.callTool(
      'trends',
      'fetch_trends',
      { keywords: [input.keyword] },
      { outputSchema: z.object({ items: z.array(z.unknown()) }) },
    );
    return { output: { items: answer?.items.length ?? 0 }, confidence: 0.95 };
  },
});

describe.each(ADAPTERS)('skills using MCP tools on %s', (kind) => {
  const suite = useTestApp(kind, { skills: [trendCounter] });

  it('calls the trends server through the hub and traces the call against the task', async () => {
    const campaign = await suite.app.planner.launch(
      campaignOf(singleStep('test.trend-counter', { keyword: 'denim' })),
    );
    await suite.app.runtime.runUntilQuiescent();
    const [task] = await suite.app.store.tasks.listByCampaign(campaign.id);
    expect(task?.status).toBe('done');
    expect(task?.output).toEqual({ items: 2 });
    const trace = await suite.app.store.traces.listByTask(task!.id);
    const call = trace.find((event) => event.kind === 'tool-call');
    expect(call).toMatchObject({
      spec_id: 'SK-SCOUT-002',
      agent_id: 'ava',
      outcome: 'ok',
      attempt: 1,
    });
    expect(call?.detail).toMatchObject({ server: 'trends', tool: 'fetch_trends' });
  });
});
