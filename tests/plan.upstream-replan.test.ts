// FR-PLAN-005: a step rejected for content an upstream step wrote re-opens that step. A second
// video campaign on the same trend: the Director's long script dilutes the repeat, so its brief
// passes, but the Artist's caption is a repeat of the first post. The Planner goes back to the
// Director with the reasons, the Artist renders at most twice, and the campaign completes.
// Same suite on both adapters.

import { describe, expect, it } from 'vitest';
import { addPersonas, contentLoop } from './support/content-loop.js';
import { campaignOf, useTestApp } from './support/test-app.js';
import { ADAPTERS } from './support/test-databases.js';

describe.each(ADAPTERS)('re-planning upstream on %s', (kind) => {
  const suite = useTestApp(kind);

  async function runVideoLoop() {
    const campaign = await suite.app.planner.launch(
      campaignOf(contentLoop({ format: 'video' }), ['ava'], 'Tease the spring capsule drop'),
    );
    await suite.app.runtime.runUntilQuiescent();
    const tasks = await suite.app.store.tasks.listByCampaign(campaign.id);
    const step = (key: string) => tasks.find((task) => task.step_key === key)!;
    return { campaign: (await suite.app.store.campaigns.get(campaign.id))!, step };
  }

  it('goes back to the Director when the Artist’s caption repeats an earlier post', async () => {
    await addPersonas(suite.app);
    expect((await runVideoLoop()).campaign.status).toBe('completed');

    const { campaign, step } = await runVideoLoop();
    expect(campaign.status).toBe('completed');
    expect(step('brief').attempt).toBe(2);
    expect(step('asset').attempt).toBeLessThanOrEqual(2);
    expect(step('post').status).toBe('done');
    const renders = (await suite.app.store.traces.listByTask(step('asset').id)).filter(
      (event) =>
        event.kind === 'tool-call' &&
        (event.detail as { tool?: string }).tool === 'render_video' &&
        event.outcome === 'ok',
    );
    expect(renders.length).toBeGreaterThanOrEqual(1);
    expect(renders.length).toBeLessThanOrEqual(2);
    const replans = (await suite.app.store.traces.listByTask(step('brief').id)).filter(
      (event) => event.kind === 'task-replan',
    );
    expect(replans).toEqual([
      expect.objectContaining({
        outcome: 'reopened',
        detail: expect.objectContaining({
          rejected_step: 'asset',
          reopened: ['brief', 'asset'],
          reasons: [expect.stringMatching(/^own-repeats: /)],
        }),
      }),
    ]);
    const posts = await suite.app.store.content.listPublished('ava');
    expect(posts).toHaveLength(2);
    expect(posts[0]?.caption).not.toBe(posts[1]?.caption);
  });
});
