// FR-REVIEW-003: one person's approval per content item. The examples from a fresh database: Noor's
// health claim waits for a person at the brief; one approval lets the same text through the
// asset and the post without asking again, each naming the approval it relied on, and all three
// personas' posts are published. Same suite on both adapters.

import { describe, expect, it } from 'vitest';
import { seedExamples } from '../src/app/example-seed.js';
import { useTestApp } from './support/test-app.js';
import { ADAPTERS } from './support/test-databases.js';

describe.each(ADAPTERS)('one approval per content item on %s', (kind) => {
  const suite = useTestApp(kind);

  it('publishes Noor’s post after one approval of her brief, with no review left', async () => {
    const { app } = suite;
    await seedExamples(app);
    await app.runtime.runUntilQuiescent();
    const [pending, ...others] = await app.reviews.listPending();
    expect(others).toEqual([]);
    expect(pending).toMatchObject({ task: { agent_id: 'noor', step_key: 'brief' } });
    expect(pending!.review.reasons.join(' ')).toMatch(/sensitive-topics/);

    await app.reviews.approve(pending!.review.id, 'reviewer@test');
    await app.runtime.runUntilQuiescent();

    expect(await app.reviews.listPending()).toEqual([]);
    const authors = (await app.store.content.listPublished()).map((post) => post.agent_id);
    expect(authors.filter((author) => author === 'noor')).toHaveLength(1);
    expect(new Set(authors)).toEqual(new Set(['ava', 'milo', 'noor']));
    expect(authors).toHaveLength(3);
    // The asset and the post relied on that one approval, and their traces say so.
    const tasks = await app.store.tasks.listByCampaign(pending!.task.campaign_id);
    for (const step of ['asset', 'post']) {
      const task = tasks.find((each) => each.agent_id === 'noor' && each.step_key === step)!;
      expect(task.status).toBe('done');
      const judged = (await app.store.traces.listByTask(task.id)).find(
        (event) => event.kind === 'task-judge',
      );
      expect(judged).toMatchObject({
        outcome: 'approve',
        detail: { covered_by: { review: pending!.review.id, step: 'brief' } },
      });
    }
  });
});
