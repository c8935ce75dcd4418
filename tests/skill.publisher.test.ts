// SK-PUBLISH-001, FR-EFFECT-001: the whole content loop (Scout → Director → Artist → Publisher)
// publishes one post to the sandbox after approval, records it with its platform id, and a
// replayed effect job never posts twice.

import { describe, expect, it } from 'vitest';
import { addPersonas, CONTENT_LOOP } from './support/content-loop.js';
import { campaignOf, useTestApp } from './support/test-app.js';
import { ADAPTERS } from './support/test-databases.js';

describe.each(ADAPTERS)('the content loop on %s', (kind) => {
  const suite = useTestApp(kind);

  it('publishes exactly one post per approved item and records it with its platform id', async () => {
    await addPersonas(suite.app);
    const campaign = await suite.app.planner.launch(
      campaignOf(CONTENT_LOOP, ['ava'], 'Tease the spring capsule drop'),
    );
    await suite.app.runtime.runUntilQuiescent();
    const tasks = await suite.app.store.tasks.listByCampaign(campaign.id);
    expect(Object.fromEntries(tasks.map((task) => [task.step_key, task.status]))).toEqual({
      scout: 'done',
      brief: 'done',
      asset: 'done',
      post: 'done',
    });
    const { pool } = suite.app.database;
    const posts = await pool.query(
      `SELECT id, author, disclosure_level, media_urls FROM sandbox_posts`,
    );
    expect(posts.rows).toHaveLength(1);
    expect(posts.rows[0]).toMatchObject({ author: 'ava', disclosure_level: 'automated' });
    expect(posts.rows[0].media_urls[0]).toMatch(/^file:\/\/.*\.png$/);
    const published = await suite.app.store.content.listPublished('ava');
    expect(published).toEqual([
      expect.objectContaining({
        platform: 'instagram',
        post_id: posts.rows[0].id,
        format: 'image',
      }),
    ]);
    const effect = await pool.query(
      `SELECT id, status, attempts FROM effects WHERE kind = 'publish'`,
    );
    expect(effect.rows).toEqual([{ id: expect.any(String), status: 'performed', attempts: 1 }]);

    // A replayed perform job (a duplicate delivery) does nothing.
    await suite.app.store.jobs.add({
      name: 'perform_effect',
      payload: { effectId: effect.rows[0].id },
    });
    await suite.app.runtime.runUntilQuiescent();
    expect((await pool.query(`SELECT count(*)::int AS n FROM sandbox_posts`)).rows[0].n).toBe(1);
  });
});
