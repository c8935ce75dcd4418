// FR-PLAN-007: a goal in plain language becomes a draft campaign file. A hosted model (the AI
// SDK's mock) writes it as structured output, checked as a file a person wrote, so an invalid
// answer is refused naming the field; offline, the goal maps to the closest library template.
// The draft launches as written.

import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import type { Agent } from '../src/domain/agent.js';
import { GoalPlanner } from '../src/swarm/goal-planner.js';
import { addAgent, useTestApp } from './support/test-app.js';

/** A hosted model whose every answer is `answer`, as JSON. */
function modelAnswering(answer: unknown): MockLanguageModelV3 {
  return new MockLanguageModelV3({
    doGenerate: async () => ({
      content: [{ type: 'text', text: JSON.stringify(answer) }],
      finishReason: { unified: 'stop', raw: 'stop' },
      usage: {
        inputTokens: { total: 400, noCache: 400, cacheRead: 0, cacheWrite: 0 },
        outputTokens: { total: 120, text: 120, reasoning: 0 },
      },
      warnings: [],
    }),
  });
}

const GOAL = 'Post a short how-to about mending denim every weekday morning';

/** What a hosted model might answer for GOAL: a valid two-step campaign. */
const VALID_ANSWER = {
  name: 'Weekday denim how-tos',
  goal: GOAL,
  agent_ids: ['ava'],
  schedule: { kind: 'cron', cron: '0 8 * * 1-5', timezone: 'Europe/London' },
  template: {
    steps: [
      {
        key: 'points',
        skill: 'core.outline',
        depends_on: [],
        input: { goal: { $from: 'campaign.goal' } },
      },
      {
        key: 'post',
        skill: 'core.compose',
        depends_on: ['points'],
        input: { points: { $from: 'points.points' } },
      },
    ],
  },
};

describe('planning a campaign from a goal', () => {
  const suite = useTestApp('pglite');
  const agents = async (): Promise<Agent[]> => suite.app.store.agents.list();

  const plannerWith = (model: MockLanguageModelV3) =>
    new GoalPlanner({
      model,
      skills: suite.app.skills,
      check: (raw) => suite.app.planner.check(raw),
    });

  it('turns a hosted model structured answer into a campaign that launches as a valid DAG', async () => {
    const model = modelAnswering(VALID_ANSWER);
    const draft = await plannerWith(model).draft(GOAL, await agents());
    expect(draft).toMatchObject({
      name: 'Weekday denim how-tos',
      agent_ids: ['ava'],
      schedule: { kind: 'cron', cron: '0 8 * * 1-5', timezone: 'Europe/London' },
    });
    // The model was asked for JSON, with the goal, the agents and the skills in its prompt.
    const call = model.doGenerateCalls[0];
    expect(call?.responseFormat?.type).toBe('json');
    const prompt = JSON.stringify(call?.prompt);
    for (const expected of [GOAL, '"ava"', 'core.compose', 'Daily trend post']) {
      expect(prompt).toContain(expected.replace(/"/g, '\\"'));
    }

    const campaign = await suite.app.planner.launch(draft);
    expect(campaign.next_run_at).not.toBeNull();
    const [run] = await suite.app.store.campaignRuns.listByCampaign(campaign.id, 10);
    expect(run).toBeUndefined(); // 08:00 on a weekday is yet to come
  });

  it.each([
    [
      'an unknown skill',
      {
        ...VALID_ANSWER,
        template: { steps: [{ key: 'x', skill: 'magic.do', depends_on: [], input: {} }] },
      },
      /template\.steps\[0\]\.skill: unknown skill 'magic\.do'/,
    ],
    [
      'a dependency on no step',
      {
        ...VALID_ANSWER,
        template: { steps: [{ key: 'x', skill: 'core.noop', depends_on: ['ghost'], input: {} }] },
      },
      /template\.steps\[0\]\.depends_on: unknown step 'ghost'/,
    ],
    ['an unknown agent', { ...VALID_ANSWER, agent_ids: ['zed'] }, /agent_ids: 'zed' is not one of/],
    [
      'a bad cron expression',
      { ...VALID_ANSWER, schedule: { kind: 'cron', cron: 'soon', timezone: 'UTC' } },
      /schedule\.cron: not a cron expression/,
    ],
    [
      'no template at all',
      { name: 'x', goal: GOAL, agent_ids: ['ava'], schedule: { kind: 'once' } },
      /does not fit the schema: .*"path": \[ "template" \]/,
    ],
  ])('refuses an answer with %s, naming the field', async (_case, answer, field) => {
    const error = await plannerWith(modelAnswering(answer))
      .draft(GOAL, await agents())
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'MODEL_OUTPUT_INVALID' });
    expect((error as Error).message).toMatch(/^campaign plan: /);
    expect((error as Error).message).toMatch(field);
  });

  it.each([
    ['Share the hottest trend in sustainable fashion with followers every day', 'Daily trend post'],
    ['Announce the spring capsule drop next week', 'Announcement'],
    ["Answer my followers' comments and keep the community warm", 'Community replies'],
  ])('offline, maps "%s" to the %s template', async (goal, template) => {
    const actor = await suite.app.localActor({ user: 'test' });
    const draft = await suite.app.operator.campaigns.plan(actor, { goal });
    expect(draft.name.startsWith(`${template}: `)).toBe(true);
    expect(draft.goal).toBe(goal);
    expect(draft.agent_ids).toEqual(['ava']);
  });

  it('plans for the agents asked for, refuses an unknown one, and the draft launches', async () => {
    await addAgent(suite.app, 'milo');
    const actor = await suite.app.localActor({ user: 'test' });
    const draft = await suite.app.operator.campaigns.plan(actor, {
      goal: 'Announce the spring capsule drop next week',
      agent_ids: ['milo'],
    });
    expect(draft.agent_ids).toEqual(['milo']);
    await expect(
      suite.app.operator.campaigns.plan(actor, { goal: 'Announce it', agent_ids: ['zed'] }),
    ).rejects.toMatchObject({ code: 'STORE_NOT_FOUND' });

    const { campaign, tasks } = await suite.app.operator.campaigns.create(actor, draft);
    expect(campaign.schedule.kind).toBe('once');
    expect(tasks.pending! + (tasks.queued ?? 0)).toBe(3);
  });
});
