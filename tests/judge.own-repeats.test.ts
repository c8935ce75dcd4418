// FR-POLICY-005: running the content loop twice for one agent does not post the same thing
// twice. The second brief is rejected as a repeat of the first post, with the post named, and
// the Director moves on to the report's next trend; a post older than 30 days no longer counts.
// Each test opens its own Chimera on a fresh database and runs every loop it relies on.

import { describe, expect, it, onTestFinished } from 'vitest';
import type { ChimeraApp } from '../src/app/chimera-app.js';
import { addPersonas, CONTENT_LOOP } from './support/content-loop.js';
import { campaignOf, openTestApp } from './support/test-app.js';
import { ADAPTERS, createTestDatabase } from './support/test-databases.js';

/** A Chimera for this test alone: a fresh `kind` database with the example personas saved. */
async function freshApp(kind: 'pglite' | 'postgres'): Promise<ChimeraApp> {
  const database = await createTestDatabase(kind);
  let app: ChimeraApp | undefined;
  onTestFinished(async () => {
    await app?.close();
    await database.dispose();
  });
  app = await openTestApp(database);
  await addPersonas(app);
  return app;
}

/** Runs the content loop for ava to quiescence; returns its tasks by step key. */
async function runLoop(app: ChimeraApp) {
  const campaign = await app.planner.launch(
    campaignOf(CONTENT_LOOP, ['ava'], 'Tease the spring capsule drop'),
  );
  await app.runtime.runUntilQuiescent();
  const tasks = await app.store.tasks.listByCampaign(campaign.id);
  return (key: string) => tasks.find((task) => task.step_key === key)!;
}

/** The captions ava has posted, oldest first. */
async function captions(app: ChimeraApp) {
  const { rows } = await app.database.pool.query<{ text_content: string }>(
    `SELECT text_content FROM sandbox_posts WHERE author = 'ava' ORDER BY created_at`,
  );
  return rows.map((row) => row.text_content);
}

describe.each(ADAPTERS)('the own-repeats policy on %s', (kind) => {
  it('publishes the first loop at once', async () => {
    const app = await freshApp(kind);
    const step = await runLoop(app);
    expect(step('post').status).toBe('done');
    expect(step('brief').attempt).toBe(1);
    expect(await captions(app)).toHaveLength(1);
  });

  it('rejects the second brief as a repeat naming the post, then posts about the next trend', async () => {
    const app = await freshApp(kind);
    expect((await runLoop(app))('post').status).toBe('done');
    const [first] = await app.store.content.listPublished('ava');
    const step = await runLoop(app);
    const brief = step('brief');
    expect(brief.status).toBe('done');
    expect(brief.attempt).toBe(2);
    expect(brief.feedback.join('\n')).toMatch(
      new RegExp(
        `own-repeats: repeats your post of \\d{4}-\\d{2}-\\d{2} \\(similarity (0\\.[5-9]\\d|1\\.00), content ${first!.content_id}\\)`,
      ),
    );
    expect(step('post').status).toBe('done');
    const [one, two, ...more] = await captions(app);
    expect(two).not.toBe(one);
    expect(more).toEqual([]);
  });

  it('lets a repeat of a post older than 30 days through', async () => {
    const app = await freshApp(kind);
    expect((await runLoop(app))('post').status).toBe('done');
    await app.database.pool.query(
      `UPDATE content_pipeline SET created_at = now() - interval '31 days' WHERE agent_id = 'ava'`,
    );
    const step = await runLoop(app);
    expect(step('brief').attempt).toBe(1);
    expect(step('post').status).toBe('done');
  });
});
