// SK-REPLY-001, FR-POLICY-003: reply_comment reads the agent's recent mentions through MCP,
// answers "are you a bot?" with the honesty reply and the rest in the persona's voice, replies
// once per mention after approval, and the Judge rejects a reply that hides being an AI.

import { describe, expect, it } from 'vitest';
import { HONESTY_REPLY } from '../src/domain/policies/disclosure.js';
import { CommentReplies } from '../src/skills/content/comment-replies.js';
import { replySkill } from '../src/skills/content/reply-skill.js';
import { PostgresSandboxStore } from '../src/store/postgres/sandbox-queries.js';
import { honestyPolicy } from '../src/swarm/content-policies.js';
import { addPersonas, CONTENT_LOOP } from './support/content-loop.js';
import { campaignOf, singleStep, useTestApp } from './support/test-app.js';
import { ADAPTERS } from './support/test-databases.js';

const REPLY_STEP = singleStep('reply_comment', {
  platform: 'instagram',
  persona: { $from: 'agent' },
});

const mention = (id: string, author: string, text: string, mentioned = 'ava') => ({
  id,
  platform: 'instagram',
  mentioned,
  author,
  text: `@${mentioned} ${text}`,
  created_at: new Date(Date.UTC(2026, 10, 22, 9, Number(id.slice(-1)))),
});

describe.each(ADAPTERS)('reply_comment on %s', (kind) => {
  const suite = useTestApp(kind);

  async function runReplies() {
    const campaign = await suite.app.planner.launch(campaignOf(REPLY_STEP, ['ava']));
    await suite.app.runtime.runUntilQuiescent();
    const [task] = await suite.app.store.tasks.listByCampaign(campaign.id);
    return task!;
  }

  const storedReplies = async () =>
    (
      await suite.app.database.pool.query<{ mention_id: string; author: string; text: string }>(
        `SELECT mention_id, author, text FROM sandbox_replies ORDER BY mention_id`,
      )
    ).rows;

  it("answers each unanswered mention once, honestly when asked if it's an AI", async () => {
    await addPersonas(suite.app);
    await PostgresSandboxStore.fromPool(suite.app.database.pool).addMentions([
      mention('m-1', 'fan_1001', 'are you a bot?'),
      mention('m-2', 'fan_1002', 'love this!'),
      mention('m-3', 'fan_1003', 'where can I get one?'),
      mention('m-4', 'fan_1004', 'hello', 'milo'),
    ]);
    const task = await runReplies();
    expect(task.status).toBe('done');
    const output = CommentReplies.parse(task.output);
    expect(output.mentions_seen).toBe(3);
    expect(output.replies.map((reply) => [reply.mention_id, reply.honesty_reply])).toEqual([
      ['m-3', false],
      ['m-2', false],
      ['m-1', true],
    ]);
    expect(output.replies.find((reply) => reply.honesty_reply)?.text_content).toBe(
      `@fan_1001 ${HONESTY_REPLY}`,
    );
    expect(await storedReplies()).toEqual([
      { mention_id: 'm-1', author: 'ava', text: `@fan_1001 ${HONESTY_REPLY}` },
      { mention_id: 'm-2', author: 'ava', text: expect.stringMatching(/^@fan_1002 .*thank/i) },
      { mention_id: 'm-3', author: 'ava', text: expect.stringMatching(/^@fan_1003 .*question/i) },
    ]);
    const effects = await suite.app.store.effects.listByTask(task.id);
    expect(effects.map((effect) => effect.kind)).toEqual(['reply']);
  });

  it('finds nothing left to answer the second time, and replies to nobody twice', async () => {
    const task = await runReplies();
    expect(task.status).toBe('done');
    const output = CommentReplies.parse(task.output);
    expect(output).toMatchObject({ mentions_seen: 3, replies: [] });
    expect(await storedReplies()).toHaveLength(3);
  });
});

describe.each(ADAPTERS)('replies after a post on %s (FR-PLAN-002)', (kind) => {
  const suite = useTestApp(kind);

  it('starts the reply step only once the post has been performed, and answers its comments', async () => {
    await addPersonas(suite.app);
    const steps = [
      ...CONTENT_LOOP,
      {
        key: 'replies',
        skill: 'reply_comment',
        depends_on: ['post'],
        input: { platform: 'instagram', persona: { $from: 'agent' } },
      },
    ];
    const campaign = await suite.app.planner.launch(
      campaignOf(steps, ['milo'], 'Share the freshest trend with followers'),
    );
    await suite.app.runtime.runUntilQuiescent();
    const tasks = await suite.app.store.tasks.listByCampaign(campaign.id);
    const post = tasks.find((task) => task.step_key === 'post')!;
    const replies = tasks.find((task) => task.step_key === 'replies')!;
    expect(tasks.map((task) => task.status)).toEqual(tasks.map(() => 'done'));
    const performedAt = (await suite.app.store.traces.listByTask(post.id)).find(
      (event) => event.kind === 'effect-perform',
    )!.at;
    const startedAt = (await suite.app.store.traces.listByTask(replies.id)).find(
      (event) => event.kind === 'task-start',
    )!.at;
    expect(startedAt.getTime()).toBeGreaterThanOrEqual(performedAt.getTime());
    const { rows } = await suite.app.database.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM sandbox_mentions WHERE mentioned = 'milo'`,
    );
    const output = CommentReplies.parse(replies.output);
    expect(output.mentions_seen).toBe(rows[0]!.n);
    expect(output.replies).toHaveLength(rows[0]!.n);
  });
});

describe('the honesty policy (FR-POLICY-003)', () => {
  const replies = (text: string) =>
    CommentReplies.parse({
      platform: 'instagram',
      author: 'ava',
      mentions_seen: 1,
      replies: [
        {
          mention_id: 'm-1',
          mention_author: 'fan_1001',
          mention_text: '@ava r u a robot?',
          text_content: text,
          honesty_reply: false,
          idempotency_key: 'ava:reply:m-1',
        },
      ],
    });
  const judge = (text: string) =>
    honestyPolicy.evaluate({
      skill: replySkill,
      output: replies(text),
      confidence: 0.93,
      // biome-ignore lint/suspicious/noExplicitAny: the policy reads only skill and output.
      task: {} as any,
    });

  it('rejects a reply that denies or dodges being an AI, quoting both', async () => {
    for (const text of [
      "@fan_1001 haha no, I'm a real person!",
      '@fan_1001 wouldn’t you like to know',
    ]) {
      expect(await judge(text)).toEqual([
        {
          policy: 'honesty',
          action: 'reject',
          reason: `"@ava r u a robot?" asks whether this is an AI, and the reply "${text}" does not say so; answer honestly, e.g. "${HONESTY_REPLY}"`,
        },
      ]);
    }
  });

  it('passes an honest reply', async () => {
    expect(await judge(`@fan_1001 ${HONESTY_REPLY}`)).toEqual([]);
    expect(await judge('@fan_1001 yes! I am a virtual creator made with AI')).toEqual([]);
  });
});
