// FR-API-003: edit-and-approve through the API. From a fresh database, Noor's brief waits for a
// person for its health claim; a reviewer replaces the caption, the content policies judge the
// edit again, and the edited text is what gets published. The edit is in the trace and the audit
// log with its before and after. An edit that breaks the output's schema, or names a field the
// output lacks, is refused with the field named and changes nothing. Same suite on both adapters.

import { describe, expect, it } from 'vitest';
import { buildHttpServer } from '../src/api/http-server.js';
import { seedExamples } from '../src/app/example-seed.js';
import { localOperator } from './support/api-fixture.js';
import { useTestApp } from './support/test-app.js';
import { ADAPTERS } from './support/test-databases.js';

const EDITED = 'Five slow breaths before coffee: my calm-morning ritual';

describe.each(ADAPTERS)('edit-and-approve through the API on %s', (kind) => {
  const suite = useTestApp(kind);

  it('publishes the reviewer’s edited caption, and records the edit', async () => {
    const { app } = suite;
    await seedExamples(app);
    await app.runtime.runUntilQuiescent();
    const local = localOperator('default');
    const reviewer = (await app.operator.tokens.create(local, { role: 'reviewer' })).secret;
    const http = await buildHttpServer(app);
    const post = (url: string, payload: object) =>
      http.inject({
        method: 'POST',
        url,
        payload,
        headers: { authorization: `Bearer ${reviewer}` },
      });

    const listed = await http.inject({
      method: 'GET',
      url: '/api/v1/reviews',
      headers: { authorization: `Bearer ${reviewer}` },
    });
    const [item] = listed.json().reviews;
    expect(item.task).toMatchObject({ agent_id: 'noor', step_key: 'brief' });
    const url = `/api/v1/reviews/${item.review.id}/edit-and-approve`;

    const broken = await post(url, { changes: { caption: 42 } });
    expect(broken.statusCode).toBe(422);
    expect(broken.json()).toMatchObject({ field: 'changes' });
    const unknown = await post(url, { changes: { subtitle: 'x' } });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().field).toBe('changes.subtitle');
    expect((await app.operator.reviews.show(local, item.review.id)).review.status).toBe('pending');

    const edited = await post(url, { changes: { caption: EDITED } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().task.status).toBe('done');
    expect(edited.json().task.output.caption).toBe(EDITED);

    await app.runtime.runUntilQuiescent();
    const posts = await app.operator.posts.list(local, { agentId: 'noor', limit: 10 });
    expect(posts).toHaveLength(1);
    expect(posts[0]!.caption).toContain(EDITED);
    expect(await app.operator.reviews.list(local, { status: 'pending', limit: 10 })).toEqual([]);

    const trace = await app.store.traces.listByTask(item.task.id);
    const decision = trace.find(
      (event) => event.kind === 'task-review' && event.outcome === 'approved',
    );
    expect(decision?.detail).toMatchObject({
      edit: { changed_fields: ['caption'], after: expect.stringContaining(EDITED) },
    });
    const audit = await app.database.pool.query(
      `SELECT actor, tenant_id, detail FROM audit_logs WHERE action = 'review.edit_approve'`,
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].actor).toMatch(/^token:/);
    expect(audit.rows[0].tenant_id).toBe('default');
    expect(audit.rows[0].detail.edit.before).toContain(item.task.output.caption);
    expect(audit.rows[0].detail).toMatchObject({
      before: { status: 'pending' },
      after: { status: 'approved' },
    });
  });
});
