// FR-API-009: the media agents rendered, served to people. The bundled Artist stores an image as
// <sha256>.png under the data dir; GET /media/<name> answers it, with its type, to a token or a
// session of a tenant whose task produced it, and 404 to any other tenant (never confirming the
// file exists), 422 to a name that is not a stored file's, 401 without a token. Same suite on
// both adapters.

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildHttpServer } from '../src/api/http-server.js';
import { seedExamples } from '../src/app/example-seed.js';
import { localOperator } from './support/api-fixture.js';
import { useTestApp } from './support/test-app.js';
import { ADAPTERS } from './support/test-databases.js';

describe.each(ADAPTERS)('media files on %s', (kind) => {
  const suite = useTestApp(kind);

  it('serves a rendered image to its tenant only', async () => {
    const { app } = suite;
    await seedExamples(app);
    await app.runtime.runUntilQuiescent();
    const local = localOperator('default');
    const [post] = await app.operator.posts.list(local, { agentId: 'ava', limit: 1 });
    const url = post?.media_url ?? '';
    const name = url.split('/').pop() ?? '';
    expect(name).toMatch(/^[0-9a-f]{64}\.png$/);

    const http = await buildHttpServer(app);
    const viewer = (await app.operator.tokens.create(local, { role: 'viewer' })).secret;
    const rivalOperator = await app.localActor({ user: 'test', tenantId: 'rival' });
    const rival = (await app.operator.tokens.create(rivalOperator, { role: 'viewer' })).secret;
    const get = (url: string, secret?: string) =>
      http.inject({
        method: 'GET',
        url,
        ...(secret && { headers: { authorization: `Bearer ${secret}` } }),
      });

    const served = await get(`/media/${name}`, viewer);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(await readFile(fileURLToPath(url)))).toBe(true);

    const theirs = await get(`/media/${name}`, rival);
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json()).toMatchObject({ code: 'STORE_NOT_FOUND', field: 'path.name' });
    expect((await get(`/media/${name}`)).statusCode).toBe(401);
    const bad = await get('/media/..%2F..%2Fetc%2Fpasswd', viewer);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().field).toBe('path.name');
    const unknown = await get(`/media/${'0'.repeat(64)}.png`, viewer);
    expect(unknown.statusCode).toBe(404);
    await http.close();
  });
});
