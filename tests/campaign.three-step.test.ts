// FR-PLAN-001, FR-PLAN-002, FR-PLAN-004, FR-WORK-001, FR-TRACE-001: a three-step chain runs to
// completion on both adapters, each step fed by the one before, with a full trace.

import { describe, expect, it } from 'vitest';
import type { Task } from '../src/domain/task.js';
import { campaignOf, THREE_STEP_CHAIN, useTestApp } from './support/test-app.js';
import { ADAPTERS } from './support/test-databases.js';

describe.each(ADAPTERS)('a three-step campaign on %s', (kind) => {
  const suite = useTestApp(kind);

  it('runs outline → compose → announce to done and records one effect', async () => {
    const campaign = await suite.app.planner.launch(campaignOf(THREE_STEP_CHAIN));
    const progress = await suite.app.runtime.runUntilQuiescent();
    expect(progress.counts).toEqual({ done: 3 });

    const tasks = await suite.app.store.tasks.listByCampaign(campaign.id);
    const step = (key: string) => tasks.find((task) => task.step_key === key) as Task;
    expect(step('compose').input).toEqual({
      points: (step('outline').output as { points: string[] }).points,
    });
    expect(await suite.app.store.effects.listByTask(step('announce').id)).toHaveLength(1);
    expect((await suite.app.store.campaigns.get(campaign.id))?.status).toBe('completed');

    const trace = await suite.app.store.traces.listByTask(step('compose').id);
    expect(trace.map((event) => event.kind)).toEqual([
      'task-create',
      'task-enqueue',
      'task-start',
      'skill-run',
      'task-judge',
      'task-end',
    ]);
    expect(trace.find((event) => event.kind === 'skill-run')?.spec_id).toBe('SK-CORE-002');
    expect(trace.every((event) => event.spec_id.length > 0)).toBe(true);
  });
});
