// FR-JUDGE-002, FR-REVIEW-001, FR-REVIEW-002, FR-JUDGE-004: confidence boundaries route exactly
// as specified; an escalated task waits for a person, whose approval records the effect once and
// resumes the DAG, and whose rejection re-plans or fails the task. Same suite on both adapters.

import { describe, expect, it } from 'vitest';
import { ChimeraError } from '../src/domain/errors.js';
import { campaignOf, singleStep, useTestApp } from './support/test-app.js';
import { ADAPTERS } from './support/test-databases.js';

describe.each(ADAPTERS)('judge routing and human review on %s', (kind) => {
  const suite = useTestApp(kind);

  async function runAt(confidence: number) {
    const campaign = await suite.app.planner.launch(
      campaignOf(singleStep('core.noop', { confidence }, { max_attempts: 1 })),
    );
    await suite.app.runtime.runUntilQuiescent();
    const [task] = await suite.app.store.tasks.listByCampaign(campaign.id);
    return { task: task!, result: await suite.app.store.results.latest(task!.id) };
  }

  it('approves exactly 0.90', async () => {
    const { task, result } = await runAt(0.9);
    expect(result?.verdict).toBe('approve');
    expect(task.status).toBe('done');
  });

  it('escalates exactly 0.70 to a pending review', async () => {
    const { task, result } = await runAt(0.7);
    expect(result?.verdict).toBe('escalate');
    expect(task.status).toBe('awaiting_review');
    const pending = await suite.app.reviews.listPending();
    expect(pending.map((item) => item.task.id)).toContain(task.id);
  });

  it('rejects 0.6999', async () => {
    const { task, result } = await runAt(0.6999);
    expect(result?.verdict).toBe('reject');
    expect(result?.reasons).toEqual(['confidence 0.6999 < 0.7']);
    expect(task.status).toBe('failed');
  });

  it('runs the effect once and resumes the DAG when a reviewer approves', async () => {
    const campaign = await suite.app.planner.launch(
      campaignOf([
        {
          key: 'draft',
          skill: 'core.compose',
          // Over the 600-character limit: confidence 0.8. Real words: 700 x's are raised as health.
          input: { points: ['Spring capsule drop, restocked in every size. '.repeat(16)] },
        },
        {
          key: 'announce',
          skill: 'core.announce',
          depends_on: ['draft'],
          input: { text: { $from: 'draft.text' } },
        },
      ]),
    );
    await suite.app.runtime.runUntilQuiescent();
    const waiting = (await suite.app.reviews.listPending()).find(
      (item) => item.task.campaign_id === campaign.id,
    );
    expect(waiting?.task.step_key).toBe('draft');
    expect(waiting?.review.reasons[0]).toMatch(/between 0\.7 and 0\.9/);

    const approved = await suite.app.reviews.approve(waiting!.review.id, 'rita');
    expect(approved.status).toBe('done');
    await expect(suite.app.reviews.approve(waiting!.review.id, 'rita')).rejects.toMatchObject({
      code: 'REVIEW_ALREADY_DECIDED',
    });
    await suite.app.runtime.runUntilQuiescent();

    const tasks = await suite.app.store.tasks.listByCampaign(campaign.id);
    expect(tasks.map((task) => task.status)).toEqual(['done', 'done']);
    const announce = tasks.find((task) => task.step_key === 'announce')!;
    expect(await suite.app.store.effects.listByTask(announce.id)).toHaveLength(1);
    expect((await suite.app.store.campaigns.get(campaign.id))?.status).toBe('completed');
  });

  it('re-plans with the reviewer reason when a reviewer rejects, then fails when attempts run out', async () => {
    const campaign = await suite.app.planner.launch(
      campaignOf(singleStep('core.noop', { confidence: 0.8 }, { max_attempts: 2 })),
    );
    await suite.app.runtime.runUntilQuiescent();
    const first = (await suite.app.reviews.listPending()).find(
      (item) => item.task.campaign_id === campaign.id,
    )!;
    const rejected = await suite.app.reviews.reject(first.review.id, 'rita', 'too salesy');
    expect(rejected.status).toBe('rejected');
    // The writer hears what the Judge flagged (the confidence band) and what the person refused.
    expect(rejected.feedback).toEqual([
      expect.stringMatching(/^confidence 0\.8 is between/),
      'reviewer rita: too salesy',
    ]);

    await suite.app.runtime.runUntilQuiescent();
    const second = (await suite.app.reviews.listPending()).find(
      (item) => item.task.campaign_id === campaign.id,
    )!;
    expect(second.review.attempt).toBe(2);
    await suite.app.reviews.reject(second.review.id, 'rita', 'still too salesy');
    await suite.app.runtime.runUntilQuiescent();
    const [task] = await suite.app.store.tasks.listByCampaign(campaign.id);
    expect(task?.status).toBe('failed');
    expect((await suite.app.store.campaigns.get(campaign.id))?.status).toBe('failed');
  });

  it('refuses a rejection without a reason and an unknown review id', async () => {
    await expect(
      suite.app.reviews.reject(crypto.randomUUID(), 'rita', '  '),
    ).rejects.toBeInstanceOf(ChimeraError);
    await expect(suite.app.reviews.approve(crypto.randomUUID(), 'rita')).rejects.toMatchObject({
      code: 'STORE_NOT_FOUND',
    });
  });

  it('refuses an id that is not a UUID with the field named, touching nothing', async () => {
    for (const id of ['', 'not-a-review']) {
      await expect(suite.app.reviews.approve(id, 'rita')).rejects.toMatchObject({
        code: 'INPUT_INVALID',
        message: expect.stringMatching(/^review id: '.*' is not a review id/),
      });
    }
  });
});
