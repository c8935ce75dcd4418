// FR-MEMORY-001: agents remember as they work, and recall in their context. A reply performed is
// remembered (who wrote what, what the agent answered) and a returning commenter's next reply
// recalls it; a post whose engagement reaches the memorable rate is remembered with its numbers
// and recalled by the next brief; the Scout's trends become the agent's trend history; skill
// descriptions are searchable. Every recall is traced with the memories it returned; the last
// hour's interactions are in ephemeral memory. Real databases, the offline embedder.

import { describe, expect, it } from 'vitest';
import { buildHttpServer } from '../src/api/http-server.js';
import { CommentReplies } from '../src/skills/content/comment-replies.js';
import { PostgresSandboxStore } from '../src/store/postgres/sandbox-queries.js';
import { localOperator } from './support/api-fixture.js';
import { addPersonas, CONTENT_LOOP } from './support/content-loop.js';
import { ManualClock } from './support/manual-clock.js';
import { campaignOf, singleStep, useTestApp } from './support/test-app.js';
import { ADAPTERS } from './support/test-databases.js';

const HOUR = 3_600_000;
const REPLY_STEP = singleStep('reply_comment', {
  platform: 'instagram',
  persona: { $from: 'agent' },
});

describe.each(ADAPTERS)('agents remembering on %s', (kind) => {
  const clock = new ManualClock(new Date('2026-11-30T09:00:00Z'));
  // Every post is memorable here, so that the test does not depend on the audience's mood.
  const suite = useTestApp(kind, { now: () => clock.now(), config: { memorableRate: 0 } });

  const mention = (id: string, author: string, text: string) => ({
    id,
    platform: 'instagram',
    mentioned: 'ava',
    author,
    text: `@ava ${text}`,
    created_at: clock.now(),
  });

  async function replyRun() {
    const campaign = await suite.app.planner.launch(campaignOf(REPLY_STEP, ['ava']));
    await suite.app.runtime.runUntilQuiescent();
    const [task] = await suite.app.store.tasks.listByCampaign(campaign.id);
    expect(task?.status).toBe('done');
    return { task: task!, replies: CommentReplies.parse(task!.output).replies };
  }

  const recalls = async (taskId: string) =>
    (await suite.app.store.traces.listByTask(taskId)).filter(
      (event) => event.kind === 'memory-recall',
    );

  it('greets a returning commenter with what it told them, and no one else with it', async () => {
    await addPersonas(suite.app);
    const sandbox = PostgresSandboxStore.fromPool(suite.app.database.pool);
    await sandbox.addMentions([mention('m-1', 'fan_2001', 'where did you get that jacket?')]);
    const first = await replyRun();
    const [told] = first.replies;
    expect(told?.text_content).toMatch(/^@fan_2001 /);
    expect(told?.text_content).not.toContain('Last time');

    // The exchange is in the agent's long-term memory, about that commenter, in its tenant.
    const { rows } = await suite.app.database.pool.query(
      `SELECT tenant_id, agent_id, collection, metadata FROM memories WHERE collection = 'agent_memory'`,
    );
    expect(rows).toEqual([
      expect.objectContaining({
        tenant_id: 'default',
        agent_id: 'ava',
        metadata: expect.objectContaining({
          kind: 'reply',
          counterpart: 'fan_2001',
          reply: told?.text_content,
        }),
      }),
    ]);

    await clock.advance(2 * HOUR);
    await sandbox.addMentions([
      mention('m-2', 'fan_2001', 'the jacket again, so good!'),
      mention('m-3', 'fan_2002', 'love this!'),
    ]);
    const second = await replyRun();
    const again = second.replies.find((reply) => reply.mention_author === 'fan_2001');
    const stranger = second.replies.find((reply) => reply.mention_author === 'fan_2002');
    const earlier = told!.text_content.replace(/^@fan_2001\s*/, '');
    expect(again?.text_content).toContain(`Last time I told you: "${earlier}"`);
    expect(stranger?.text_content).not.toContain('Last time');

    // Each recall is traced with the memories it returned, not with the comment's words.
    const traced = await recalls(second.task.id);
    expect(traced).toHaveLength(2);
    const memoryIds = traced.flatMap((event) =>
      (event.detail.memories as Array<{ id: string }>).map((memory) => memory.id),
    );
    const [remembered] = (
      await suite.app.database.pool.query(
        `SELECT id FROM memories WHERE metadata->>'counterpart' = 'fan_2001'`,
      )
    ).rows;
    expect(memoryIds).toEqual([remembered.id]);
    expect(JSON.stringify(traced)).not.toContain('jacket');
  });

  it('keeps the last hour of interactions in ephemeral memory', async () => {
    const recent = await suite.app.memory.recent('ava');
    // Two hours on, only the second run's two replies are within the hour.
    expect(recent.map((interaction) => [interaction.kind, interaction.counterpart]).sort()).toEqual(
      [
        ['reply', 'fan_2001'],
        ['reply', 'fan_2002'],
      ],
    );
    await clock.advance(HOUR + 1);
    expect(await suite.app.memory.recent('ava')).toEqual([]);
  });

  it("remembers a post's engagement and recalls it in the next brief, and the Scout's trends", async () => {
    const loop = campaignOf(CONTENT_LOOP, ['milo'], 'Share the freshest trend in my niche');
    const first = await suite.app.planner.launch(loop);
    await suite.app.runtime.runUntilQuiescent();
    for (const hours of [1, 5, 18]) {
      await clock.advance(hours * HOUR);
      await suite.app.runtime.runUntilQuiescent();
    }
    const { pool } = suite.app.database;
    const posts = await pool.query(
      `SELECT id, text, metadata FROM memories
        WHERE agent_id = 'milo' AND collection = 'agent_memory' AND metadata->>'kind' = 'post'`,
    );
    expect(posts.rows).toHaveLength(1);
    const [post] = posts.rows;
    expect(post.metadata).toMatchObject({ read_after: '24h', engagement: expect.any(Object) });
    expect(post.text).toMatch(/^I posted on instagram: ".+"\. After 24h it had \d+ views/s);

    // The Scout's report is the agent's trend history.
    const scout = (await suite.app.store.tasks.listByCampaign(first.id)).find(
      (task) => task.step_key === 'scout',
    )!;
    const reported = (scout.output as { trends: Array<{ trend_id: string }> }).trends;
    const history = await pool.query(
      `SELECT metadata->>'trend_id' AS trend_id FROM memories
        WHERE agent_id = 'milo' AND collection = 'content_trend'`,
    );
    expect(history.rows.map((row) => row.trend_id).sort()).toEqual(
      reported.map((trend) => trend.trend_id).sort(),
    );

    const second = await suite.app.planner.launch(loop);
    await suite.app.runtime.runUntilQuiescent();
    const brief = (await suite.app.store.tasks.listByCampaign(second.id)).find(
      (task) => task.step_key === 'brief',
    )!;
    const [recall] = await recalls(brief.id);
    expect(recall).toMatchObject({ outcome: 'recalled', spec_id: 'SK-DIRECTOR-001' });
    expect(recall?.detail.memories).toEqual([{ id: post.id, similarity: expect.any(Number) }]);
  });

  it('finds a skill by what it does, remembering each skill once', async () => {
    const [best] = await suite.app.memory.search('ava', 'answer the fans who comment on my posts', {
      collection: 'skills',
      k: 3,
    });
    expect(best?.metadata).toMatchObject({ kind: 'skill', skill: 'reply_comment' });
    // Searching again stores nothing new: one memory per skill.
    await suite.app.memory.search('ava', 'render a picture', { collection: 'skills' });
    const { rows } = await suite.app.database.pool.query(
      `SELECT count(*)::int AS n FROM memories WHERE agent_id = 'ava' AND collection = 'skills'`,
    );
    expect(rows[0].n).toBe(suite.app.skills.list().length);
  });

  it('answers a viewer over HTTP, and names the field of a bad search', async () => {
    const viewer = (
      await suite.app.operator.tokens.create(localOperator('default'), { role: 'viewer' })
    ).secret;
    const http = await buildHttpServer(suite.app);
    const get = (url: string) =>
      http.inject({ method: 'GET', url, headers: { authorization: `Bearer ${viewer}` } });

    const found = await get('/api/v1/agents/ava/memories?query=that%20jacket&k=1');
    expect(found.statusCode).toBe(200);
    const [memory] = found.json().memories;
    expect(memory).toMatchObject({
      collection: 'agent_memory',
      metadata: { kind: 'reply', counterpart: 'fan_2001' },
      similarity: expect.any(Number),
    });
    const bad = await get('/api/v1/agents/ava/memories?query=x&collection=diary');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'query.collection' });
    expect((await get('/api/v1/agents/zed/memories?query=x')).statusCode).toBe(404);
    await http.close();
  });
});
