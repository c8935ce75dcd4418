// FR-CONTENT-001, FR-ENG-001: an embedded content loop leaves a content record — the Scout's
// trends, the item's content_pipeline row (its id the brief task's, linked to its trend) moving
// to 'published' — and after the simulated hours each post has an engagement point per read,
// read through MCP; the posts list returns each post's lineage, trend to engagement, in one query.

import { describe, expect, it } from 'vitest';
import { addPersonas, CONTENT_LOOP } from './support/content-loop.js';
import { ManualClock } from './support/manual-clock.js';
import { campaignOf, useTestApp } from './support/test-app.js';
import { ADAPTERS } from './support/test-databases.js';

const HOUR = 3_600_000;

describe.each(ADAPTERS)('the content record on %s', (kind) => {
  const clock = new ManualClock(new Date('2026-11-30T09:00:00Z'));
  const suite = useTestApp(kind, { now: () => clock.now() });

  it('records trend → brief → asset → post → engagement, read in one query', async () => {
    await addPersonas(suite.app);
    const campaign = await suite.app.planner.launch(
      campaignOf(CONTENT_LOOP, ['ava', 'milo'], 'Share the freshest trend in my niche'),
    );
    await suite.app.runtime.runUntilQuiescent();
    const tasks = await suite.app.store.tasks.listByCampaign(campaign.id);
    expect(tasks.every((task) => task.status === 'done')).toBe(true);

    const { pool } = suite.app.database;
    const trends = await pool.query(`SELECT id, agent_id, topic FROM trends`);
    expect(trends.rows.length).toBeGreaterThan(0);
    const content = await pool.query(
      `SELECT id, agent_id, stage, trend_source_id, published_at FROM content_pipeline
        WHERE campaign_id = $1 ORDER BY agent_id`,
      [campaign.id],
    );
    const briefs = tasks.filter((task) => task.step_key === 'brief');
    expect(content.rows).toEqual(
      briefs
        .map((brief) => ({
          id: brief.id,
          agent_id: brief.agent_id,
          stage: 'published',
          trend_source_id: (brief.output as { trend_id: string }).trend_id,
          published_at: clock.now(),
        }))
        .sort((a, b) => a.agent_id.localeCompare(b.agent_id)),
    );
    expect(trends.rows.map((row) => row.id)).toEqual(
      expect.arrayContaining(content.rows.map((row) => row.trend_source_id)),
    );

    // The simulated hours: the reads at 1 h, 6 h and 24 h, each through the sandbox's MCP tool.
    for (const hours of [1, 5, 18]) {
      await clock.advance(hours * HOUR);
      await suite.app.runtime.runUntilQuiescent();
    }
    const actor = await suite.app.localActor({ user: 'test' });
    const posts = await suite.app.operator.posts.list(actor, { limit: 10 });
    expect(posts).toHaveLength(2);
    for (const post of posts) {
      const brief = briefs.find((each) => each.id === post.content_id);
      expect(post.trend?.id).toBe((brief?.output as { trend_id: string }).trend_id);
      expect(post.brief_id).toBe((brief?.output as { brief_id: string }).brief_id);
      expect(post.engagement_series.map((point) => point.read_after)).toEqual(['1h', '6h', '24h']);
      expect(post.engagement_series.map((point) => point.read_at)).toEqual(
        [1, 6, 24].map((hours) => new Date(post.published_at.getTime() + hours * HOUR)),
      );
      const latest = post.engagement_series.at(-1);
      expect(post.engagement).toMatchObject({
        views: latest?.views,
        likes: latest?.likes,
        read_at: latest?.read_at.toISOString(),
      });
    }
    const reads = await pool.query(
      `SELECT count(*)::int AS n FROM trace_events
        WHERE kind = 'tool-call' AND spec_id = 'FR-ENG-001' AND detail->>'tool' = 'get_engagement'`,
    );
    expect(reads.rows[0].n).toBe(6);

    // Down from hour 24 to hour 80: the 72 h read is made once, late.
    await clock.advance(56 * HOUR);
    await suite.app.runtime.runUntilQuiescent();
    const points = await pool.query(
      `SELECT read_after, count(*)::int AS n FROM engagement_points GROUP BY read_after`,
    );
    expect(Object.fromEntries(points.rows.map((row) => [row.read_after, row.n]))).toEqual({
      '1h': 2,
      '6h': 2,
      '24h': 2,
      '72h': 2,
    });
  });
});
