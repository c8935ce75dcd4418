// FR-PLAN-008: a post whose trend has gone stale by the time it would be published is not queued;
// its content item is re-planned from the Scout on a fresher trend, the trace saying why, and the
// re-plans are bounded. A person reviews every asset here, and the simulated clock moves on while
// the asset waits: the trend the brief was written on ages past the 24-hour limit. Each test has
// an agent of its own (a copy of ava), so no post of one test is a repeat for another.

import { describe, expect, it } from 'vitest';
import type { Task } from '../src/domain/task.js';
import type { TrendReport } from '../src/skills/content/trend-report.js';
import type { JudgePolicy } from '../src/swarm/judge.js';
import { addPersonas, CONTENT_LOOP } from './support/content-loop.js';
import { ManualClock } from './support/manual-clock.js';
import { campaignOf, useTestApp } from './support/test-app.js';
import { ADAPTERS } from './support/test-databases.js';

const HOUR = 3_600_000;

/** Sends every asset to a person, so the test decides when the post step comes up. */
const assetReview: JudgePolicy = {
  name: 'asset-review',
  evaluate: ({ task }) =>
    task.type === 'artist.produce'
      ? [{ policy: 'asset-review', action: 'escalate', reason: 'a person looks at every asset' }]
      : [],
};

describe.each(ADAPTERS)('trend drift on %s', (kind) => {
  const clock = new ManualClock(new Date('2026-11-30T09:00:00Z'));
  const suite = useTestApp(kind, { now: () => clock.now(), policies: [assetReview] });

  /** Launches the content loop for a fresh copy of ava called `agentId`; runs to the asset review. */
  async function launchFor(agentId: string) {
    await addPersonas(suite.app);
    const ava = await suite.app.store.agents.get('ava');
    await suite.app.store.agents.upsert({ ...ava!, id: agentId, name: agentId });
    const campaign = await suite.app.planner.launch(
      campaignOf(CONTENT_LOOP, [agentId], 'Launch the spring streetwear drop'),
    );
    await suite.app.runtime.runUntilQuiescent();
    const tasks = async () => suite.app.store.tasks.listByCampaign(campaign.id);
    const step = async (key: string) => (await tasks()).find((task) => task.step_key === key)!;
    const trendOfBrief = async () =>
      ((await step('brief')).output as { trend_id: string }).trend_id;
    /** Approves the asset waiting for a person, after `hours` on the clock, and runs on. */
    const approveAsset = async (hours = 0) => {
      await clock.advance(hours * HOUR);
      const waiting = (await suite.app.reviews.listPending()).filter(
        (item) => item.task.campaign_id === campaign.id,
      );
      expect(waiting.map((item) => item.task.step_key)).toEqual(['asset']);
      await suite.app.reviews.approve(waiting[0]!.review.id, 'rita');
      await suite.app.runtime.runUntilQuiescent();
    };
    const driftEvents = async () =>
      (await suite.app.store.traces.listByTask((await step('post')).id)).filter(
        (event) => event.spec_id === 'FR-PLAN-008',
      );
    const status = async () => (await suite.app.store.campaigns.get(campaign.id))!.status;
    return { campaign, step, trendOfBrief, approveAsset, driftEvents, status };
  }

  it('publishes a post on a fresh trend without a re-plan', async () => {
    const loop = await launchFor('ava-fresh');
    const trend = await loop.trendOfBrief();
    await loop.approveAsset(2);

    expect(await loop.status()).toBe('completed');
    expect(await loop.driftEvents()).toEqual([]);
    expect((await loop.step('brief')).attempt).toBe(1);
    expect((await loop.step('scout')).attempt).toBe(1);
    const [post] = await suite.app.store.content.listPublished('ava-fresh');
    expect(await suite.app.store.content.trendOf(post!.content_id)).toMatchObject({
      trend_id: trend,
    });
  });

  it('re-plans a brief whose trend was last seen 30 hours ago onto another trend', async () => {
    const loop = await launchFor('ava-stale');
    const stale = await loop.trendOfBrief();
    const brief = await loop.step('brief');
    await loop.approveAsset(30);

    // Not published on the stale trend: the Scout ran again and the Director chose another.
    const [replan] = await loop.driftEvents();
    expect(replan).toMatchObject({
      kind: 'task-replan',
      outcome: 'drift',
      detail: {
        trend_id: stale,
        content_id: brief.id,
        replans: 1,
        reopened: ['scout', 'brief', 'asset'],
        reason: expect.stringMatching(
          new RegExp(
            `^trend-drift: trend '${stale}' .* was last seen 30 h ago, more than the 24 h limit$`,
          ),
        ),
      },
    });
    expect(await loop.step('post')).toMatchObject({ status: 'pending' });
    expect(await loop.step('scout')).toMatchObject({ status: 'done', attempt: 2 });
    expect((await loop.step('brief')).feedback).toEqual([replan!.detail.reason]);
    const fresh = await loop.trendOfBrief();
    expect(fresh).not.toBe(stale);
    // The Scout's report again is the trends' latest observation.
    const observed = await suite.app.database.pool.query(
      'SELECT observed_at FROM trends WHERE id = $1',
      [stale],
    );
    expect(observed.rows[0].observed_at).toEqual(clock.now());

    await loop.approveAsset();
    expect(await loop.status()).toBe('completed');
    expect(await loop.driftEvents()).toHaveLength(1);
    const posts = await suite.app.store.content.listPublished('ava-stale');
    expect(posts.map((post) => post.content_id)).toEqual([brief.id]);
    expect(await suite.app.store.content.trendOf(brief.id)).toMatchObject({ trend_id: fresh });
  });

  it('re-plans a brief whose trend a later report shows decayed', async () => {
    const loop = await launchFor('ava-decayed');
    const decayed = await loop.trendOfBrief();
    const report = (await loop.step('scout')).output as TrendReport;
    const {
      trend_id,
      relevance: _,
      headline: __,
      ...measures
    } = report.trends.find((trend) => trend.trend_id === decayed)!;
    const rowOf = async () =>
      (
        await suite.app.database.pool.query(
          'SELECT agent_id, volume, rising_velocity, first_seen FROM trends WHERE id = $1',
          [decayed],
        )
      ).rows;
    const [before] = await rowOf();
    // Another Scout reports the same trend an hour later, fading: its row takes the new measures
    // and keeps its first reporter and earliest sighting.
    await clock.advance(HOUR);
    await suite.app.store.content.recordTrends(
      'ava',
      [{ ...measures, id: trend_id, rising_velocity: 0.2, volume: measures.volume + 4 }],
      clock.now(),
    );
    expect(await rowOf()).toEqual([
      {
        agent_id: before.agent_id,
        volume: measures.volume + 4,
        rising_velocity: 0.2,
        first_seen: new Date(measures.first_seen),
      },
    ]);
    await loop.approveAsset();

    const [replan] = await loop.driftEvents();
    expect(replan?.detail).toMatchObject({
      trend_id: decayed,
      reason: expect.stringMatching(/has decayed: rising velocity 0\.20 is below 0\.50$/),
    });
    expect(await loop.trendOfBrief()).not.toBe(decayed);
    await loop.approveAsset();
    expect(await loop.status()).toBe('completed');
    expect(await loop.driftEvents()).toHaveLength(1);
  });

  it('publishes after two drift re-plans, saying why, instead of re-planning again', async () => {
    const loop = await launchFor('ava-bound');
    const trends = [await loop.trendOfBrief()];
    for (let round = 1; round <= 2; round++) {
      await loop.approveAsset(30);
      expect(await loop.driftEvents()).toHaveLength(round);
      trends.push(await loop.trendOfBrief());
    }
    expect(new Set(trends).size).toBe(3);
    await loop.approveAsset(30);

    expect(await loop.status()).toBe('completed');
    const events = await loop.driftEvents();
    expect(events.map((event) => [event.outcome, event.detail.trend_id])).toEqual([
      ['drift', trends[0]],
      ['drift', trends[1]],
      ['drift-accepted', trends[2]],
    ]);
    expect(events[2]?.detail).toMatchObject({
      replans: 2,
      reason: expect.stringContaining('was last seen 30 h ago'),
      not_replanned: 'the item was re-planned for drift 2 times, the most allowed',
    });
    const brief: Task = await loop.step('brief');
    expect(brief.attempt).toBe(3);
    const [post] = await suite.app.store.content.listPublished('ava-bound');
    expect(post?.content_id).toBe(brief.id);
    expect(await suite.app.store.content.trendOf(brief.id)).toMatchObject({
      trend_id: trends[2],
    });
  });
});
