// FR-WORK-003, FR-PLAN-003, FR-WORK-002, FR-PLAN-004: transient errors retry with backoff; a
// rejected result is re-planned with the Judge's reasons as feedback; permanent errors and spent
// attempts fail the task and cancel its dependents. Same suite on PGlite and PostgreSQL.

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SkillTransientError } from '../src/domain/errors.js';
import { defineSkill } from '../src/skills/skill.js';
import { campaignOf, singleStep, useTestApp } from './support/test-app.js';
import { ADAPTERS } from './support/test-databases.js';

const seenFeedback: string[][] = [];

/** Fails transiently on its first attempt, then succeeds. */
const flakySkill = defineSkill({
  name: 'test.flaky',
  specId: 'SK-CORE-004',
  description: 'fails once, transiently',
  inputSchema: z.object({}),
  outputSchema: z.object({ ok: z.boolean() }),
  async run(_input, context) {
    if (context.attempt === 1) throw new SkillTransientError('upstream timed out');
    return { output: { ok: true }, confidence: 0.95 };
  },
});

/** Low confidence until it is given feedback; records the feedback it saw. */
const learnerSkill = defineSkill({
  name: 'test.learner',
  specId: 'SK-CORE-004',
  description: 'improves with feedback',
  inputSchema: z.object({}),
  outputSchema: z.object({ draft: z.string() }),
  async run(_input, context) {
    seenFeedback.push([...context.feedback]);
    const improved = context.feedback.length > 0;
    return { output: { draft: improved ? 'v2' : 'v1' }, confidence: improved ? 0.95 : 0.5 };
  },
});

/** Returns output that breaks its own schema. */
const brokenSkill = defineSkill({
  name: 'test.broken',
  specId: 'SK-CORE-004',
  description: 'returns a number where text is due',
  inputSchema: z.object({}),
  outputSchema: z.object({ text: z.string() }),
  async run() {
    return { output: { text: 42 } as unknown as { text: string }, confidence: 1 };
  },
});

describe.each(ADAPTERS)('retries and re-plans on %s', (kind) => {
  const suite = useTestApp(kind, { skills: [flakySkill, learnerSkill, brokenSkill] });

  it('retries a transient error with backoff and then completes', async () => {
    const campaign = await suite.app.planner.launch(campaignOf(singleStep('test.flaky')));
    await suite.app.runtime.runUntilQuiescent();
    const [task] = await suite.app.store.tasks.listByCampaign(campaign.id);
    expect(task?.status).toBe('done');
    expect(task?.attempt).toBe(2);
    const trace = await suite.app.store.traces.listByTask(task?.id as string);
    const retry = trace.find((event) => event.kind === 'task-retry');
    expect(retry?.outcome).toBe('backoff');
    expect(Date.parse(String(retry?.detail.run_at))).toBeGreaterThan(retry?.at.getTime() as number);
    expect(trace.filter((event) => event.kind === 'skill-run').map((e) => e.outcome)).toEqual([
      'SKILL_TRANSIENT',
      'ok',
    ]);
  });

  it('re-plans a rejected result with the Judge reasons as feedback', async () => {
    seenFeedback.length = 0;
    const campaign = await suite.app.planner.launch(campaignOf(singleStep('test.learner')));
    await suite.app.runtime.runUntilQuiescent();
    const [task] = await suite.app.store.tasks.listByCampaign(campaign.id);
    expect(task?.status).toBe('done');
    expect(task?.output).toEqual({ draft: 'v2' });
    expect(seenFeedback[0]).toEqual([]);
    expect(seenFeedback[1]).toEqual(['confidence 0.5 < 0.7']);
    expect((await suite.app.store.campaigns.get(campaign.id))?.status).toBe('completed');
  });

  it('fails a task whose attempts are spent and cancels its dependents', async () => {
    const campaign = await suite.app.planner.launch(
      campaignOf([
        { key: 'first', skill: 'core.noop', input: { confidence: 0.3 }, max_attempts: 2 },
        { key: 'second', skill: 'core.noop', depends_on: ['first'] },
      ]),
    );
    await suite.app.runtime.runUntilQuiescent();
    const tasks = await suite.app.store.tasks.listByCampaign(campaign.id);
    const byKey = new Map(tasks.map((task) => [task.step_key, task]));
    expect(byKey.get('first')?.status).toBe('failed');
    expect(byKey.get('first')?.attempt).toBe(2);
    expect(byKey.get('second')?.status).toBe('cancelled');
    expect((await suite.app.store.campaigns.get(campaign.id))?.status).toBe('failed');
  });

  it('fails schema-invalid output at once, naming the field, without retrying', async () => {
    const campaign = await suite.app.planner.launch(campaignOf(singleStep('test.broken')));
    await suite.app.runtime.runUntilQuiescent();
    const [task] = await suite.app.store.tasks.listByCampaign(campaign.id);
    expect(task?.status).toBe('failed');
    expect(task?.attempt).toBe(1);
    expect(task?.error_code).toBe('SKILL_OUTPUT_INVALID');
    const result = await suite.app.store.results.latest(task?.id as string);
    expect(result?.error_message).toMatch(/^invalid output from test\.broken: text: .*string/);
  });

  it('fails invalid input at once with a message naming the field', async () => {
    const campaign = await suite.app.planner.launch(
      campaignOf(singleStep('core.compose', { points: 'not a list' })),
    );
    await suite.app.runtime.runUntilQuiescent();
    const [task] = await suite.app.store.tasks.listByCampaign(campaign.id);
    expect(task?.status).toBe('failed');
    expect(task?.error_code).toBe('SKILL_INPUT_INVALID');
    expect(task?.feedback[0]).toMatch(/^invalid input for core\.compose: points: /);
  });
});
