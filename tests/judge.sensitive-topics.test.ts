// FR-POLICY-001, FR-JUDGE-003: content touching a sensitive topic goes to a human whatever its
// confidence, with the category and evidence in the reason; other content is approved as usual.

import { describe, expect, it } from 'vitest';
import { campaignOf, singleStep, useTestApp } from './support/test-app.js';
import { ADAPTERS } from './support/test-databases.js';

describe.each(ADAPTERS)('the sensitive-topics policy on %s', (kind) => {
  const suite = useTestApp(kind);

  async function compose(points: string[]) {
    const campaign = await suite.app.planner.launch(
      campaignOf(singleStep('core.compose', { points })),
    );
    await suite.app.runtime.runUntilQuiescent();
    const [task] = await suite.app.store.tasks.listByCampaign(campaign.id);
    return { task: task!, result: await suite.app.store.results.latest(task!.id) };
  }

  it('escalates a confident post about an election to a human, naming the category', async () => {
    const { task, result } = await compose(['Senate vote on the election funding bill is Tuesday']);
    expect(result?.confidence).toBe(0.93);
    expect(task.status).toBe('awaiting_review');
    expect(result?.verdict).toBe('escalate');
    expect(result?.reasons[0]).toMatch(
      /^sensitive-topics: sensitive topic \(politics\): mentions /,
    );
    const pending = await suite.app.reviews.listPending();
    expect(pending.find((item) => item.task.id === task.id)?.review.reasons).toEqual(
      result?.reasons,
    );
  });

  it('approves a streetwear teaser', async () => {
    const { task, result } = await compose(['Streetwear teaser: the spring capsule drops Friday']);
    expect(result?.verdict).toBe('approve');
    expect(task.status).toBe('done');
  });
});
