// FR-POLICY-005: running the content loop twice for one agent does not post the same thing
// twice. The second brief is rejected as a repeat of the first post, with the post named, and
// the Director moves on to the report's next trend; a post older than 30 days no longer counts.

import { describe, expect, it } from 'vitest';
import { addPersonas, CONTENT_LOOP } from './support/content-loop.js';
import { campaignOf, useTestApp } from './support/test-app.js';
import { ADAPTERS } from './support/test-databases.js';

describe.each(ADAPTERS)('the own-repeats policy on %s', (kind) => {
  const suite = useTestApp(kind);

  async function runLoop() {
    const campaign = await suite.app.planner.launch(
      campaignOf(CONTENT_LOOP, ['ava'], 'Tease the spring capsule drop'),
    );
    await suite.app.runtime.runUntilQuiescent();
    const tasks = await suite.app.store.tasks.listByCampaign(campaign.id);
    return (key: string) => tasks.find((task) => task.step_key === key)!;
  }

  const captions = async () =>
    (
      await suite.app.database.pool.query<{ text_content: string }>(
        `SELECT text_content FROM sandbox_posts WHERE author = 'ava' ORDER BY created_at`,
      )
    ).rows.map((row) => row.text_content);

  it('publishes the first loop at once', async () => {
    await addPersonas(suite.app);
    const step = await runLoop();
    expect(step('post').status).toBe('done');
    expect(step('brief').attempt).toBe(1);
    expect(await captions()).toHaveLength(1);
  });

  it('rejects the second brief as a repeat naming the post, then posts about the next trend', async () => {
    const [first] = await suite.app.store.content.listPublished('ava');
    const step = await runLoop();
    const brief = step('brief');
    expect(brief.status).toBe('done');
    expect(brief.attempt).toBe(2);
    expect(brief.feedback.join('\n')).toMatch(
      new RegExp(
        `own-repeats: repeats your post of \\d{4}-\\d{2}-\\d{2} \\(similarity (0\\.[5-9]\\d|1\\.00), content ${first!.content_id}\\)`,
      ),
    );
    expect(step('post').status).toBe('done');
    const [one, two] = await captions();
    expect(two).not.toBe(one);
    expect(await captions()).toHaveLength(2);
  });

  it('lets a repeat of a post older than 30 days through', async () => {
    await suite.app.database.pool.query(
      `UPDATE content_pipeline SET created_at = now() - interval '31 days' WHERE agent_id = 'ava'`,
    );
    const step = await runLoop();
    expect(step('brief').attempt).toBe(1);
    expect(step('post').status).toBe('done');
  });
});
