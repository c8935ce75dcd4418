// FR-STRATEGY-001: in the running system, a brief that binds `{"$from": "strategy"}` is written
// with the agent's bandit's choice (repeatable per task and attempt), the content item and the
// sandbox post keep the choice it was made with, and the post's reward read (24 h) rewards the
// bandit once with the post's engagement rate, read through MCP.

import { describe, expect, it } from 'vitest';
import { DIMENSION_VALUES } from '../src/domain/strategy/strategy-choices.js';
import { drawStrategy } from '../src/swarm/agent-strategy.js';
import { addPersonas, contentLoop } from './support/content-loop.js';
import { ManualClock } from './support/manual-clock.js';
import { campaignOf, useTestApp } from './support/test-app.js';
import { ADAPTERS } from './support/test-databases.js';

const HOUR = 3_600_000;

/** The content loop with the brief's angle and hook bound from the agent's strategy. */
function strategicLoop(): Array<Record<string, unknown>> {
  return contentLoop().map((step) =>
    step.key === 'brief'
      ? { ...step, input: { ...(step.input as object), strategy: { $from: 'strategy' } } }
      : step,
  );
}

describe.each(ADAPTERS)('the learning strategy on %s', (kind) => {
  const clock = new ManualClock(new Date('2026-11-30T09:00:00Z'));
  const suite = useTestApp(kind, { now: () => clock.now() });

  it('writes the brief with the drawn choice and learns once from the post’s 24 h read', async () => {
    const { app } = suite;
    await addPersonas(app);
    expect(await drawStrategy(app.store, 'ava', 'seed-1')).toEqual(
      await drawStrategy(app.store, 'ava', 'seed-1'),
    );

    const campaign = await app.planner.launch(
      campaignOf(strategicLoop(), ['ava'], 'Share the freshest trend in my niche'),
    );
    await app.runtime.runUntilQuiescent();
    const brief = (await app.store.tasks.listByCampaign(campaign.id)).find(
      (task) => task.step_key === 'brief',
    );
    const choice = (brief?.output as { strategy?: Record<string, unknown> }).strategy;
    expect(choice).toEqual({
      // The format the brief was actually written in is the one credited.
      format: 'image',
      topic: expect.toBeOneOf([...DIMENSION_VALUES.topic]),
      hook: expect.toBeOneOf([...DIMENSION_VALUES.hook]),
      hour: expect.toBeOneOf([...DIMENSION_VALUES.hour]),
    });
    const { pool } = app.database;
    const item = await pool.query(`SELECT strategy_choice FROM content_pipeline WHERE id = $1`, [
      brief?.id,
    ]);
    expect(item.rows).toEqual([{ strategy_choice: choice }]);
    // The post carries it to the sandbox, whose synthetic audience responds to it.
    const posted = await pool.query(
      `SELECT audience_labels FROM sandbox_posts WHERE author = 'ava'`,
    );
    expect(posted.rows).toEqual([{ audience_labels: choice }]);

    const actor = await app.localActor({ user: 'test' });
    expect((await app.operator.agents.strategy(actor, 'ava')).posts).toBe(0);
    await clock.advance(24 * HOUR);
    await app.runtime.runUntilQuiescent();
    const learnt = await app.operator.agents.strategy(actor, 'ava');
    expect(learnt.posts).toBe(1);
    const [post] = await app.operator.posts.list(actor, { agentId: 'ava', limit: 1 });
    const read = post?.engagement_series.find((point) => point.read_after === '24h');
    const rate =
      ((read?.likes ?? 0) + (read?.comments ?? 0) + (read?.shares ?? 0)) / (read?.views ?? 1);
    for (const dimension of ['format', 'topic', 'hook', 'hour'] as const) {
      const used = learnt[dimension].find((arm) => arm.value === choice?.[dimension]);
      expect(used?.posts).toBe(1);
      // One post moves the estimate from the prior (4 %) halfway to the post's rate.
      expect(used?.mean_engagement_rate).toBeCloseTo((0.04 + rate) / 2, 6);
      expect(learnt[dimension].filter((arm) => arm.posts > 0)).toHaveLength(1);
    }

    // The 72 h read is stored, and rewards nothing more.
    await clock.advance(48 * HOUR);
    await app.runtime.runUntilQuiescent();
    expect((await app.operator.agents.strategy(actor, 'ava')).posts).toBe(1);
    const points = await pool.query(`SELECT count(*)::int AS n FROM engagement_points`);
    expect(points.rows[0].n).toBe(4);
  });
});
