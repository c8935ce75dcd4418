// FR-API-006: browser sign-in, rate limits and campaign control. A login link opens one HttpOnly,
// SameSite=Strict session and is spent; the session's mutations need its CSRF token. Each token
// gets `CHIMERA_API_RATE_LIMIT` requests a minute, then 429 with Retry-After: per process in
// memory, or shared by every process through Redis. Pause, resume and cancel move a campaign,
// audited, and refuse a move its status does not allow.

import { afterAll, describe, expect, it } from 'vitest';
import { buildHttpServer } from '../src/api/http-server.js';
import { localOperator } from './support/api-fixture.js';
import { campaignOf, singleStep, useTestApp } from './support/test-app.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('browser sessions from a login link', () => {
  const suite = useTestApp('pglite');

  it('opens one session per link, and asks its mutations for the CSRF token', async () => {
    const { app } = suite;
    const local = localOperator('default');
    const token = await app.operator.tokens.create(local, { role: 'operator' });
    const link = await app.operator.tokens.createLoginLink(local, token.token.id);
    const http = await buildHttpServer(app);

    const signIn = await http.inject({ method: 'GET', url: `/login?token=${link.secret}` });
    expect(signIn.statusCode).toBe(303);
    expect(signIn.headers.location).toBe('/');
    const setCookie = String(signIn.headers['set-cookie']);
    expect(setCookie).toMatch(/^chimera_session=chs_[\w-]+;/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const cookie = setCookie.split(';')[0]!;

    const again = await http.inject({ method: 'GET', url: `/login?token=${link.secret}` });
    expect(again.statusCode).toBe(401);
    expect(again.json().field).toBe('token');
    const inBrowser = await http.inject({
      method: 'GET',
      url: `/login?token=${link.secret}`,
      headers: { accept: 'text/html,application/xhtml+xml' },
    });
    expect(inBrowser.statusCode).toBe(401);
    expect(inBrowser.headers['content-type']).toMatch(/^text\/html/);
    expect(inBrowser.body).toContain('chimera login-link');

    const session = await http.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { cookie },
    });
    expect(session.json()).toMatchObject({
      kind: 'session',
      role: 'operator',
      tenant_id: 'default',
    });
    const csrf = session.json().csrf_token as string;
    expect(csrf).toMatch(/^csrf_/);

    const withoutCsrf = await http.inject({
      method: 'POST',
      url: '/api/v1/agents/ava/freeze',
      headers: { cookie },
    });
    expect(withoutCsrf.statusCode).toBe(403);
    expect(withoutCsrf.json().field).toBe('x-csrf-token');
    expect((await app.operator.agents.show(local, 'ava')).status).toBe('active');
    const withCsrf = await http.inject({
      method: 'POST',
      url: '/api/v1/agents/ava/freeze',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(withCsrf.statusCode).toBe(200);
    expect(withCsrf.json().status).toBe('frozen');

    await app.operator.tokens.revoke(local, token.token.id);
    const revoked = await http.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { cookie },
    });
    expect(revoked.statusCode).toBe(401);
    await http.close();
  });
});

describe.each([
  ['in memory', {}],
  ['in Redis', { redisUrl: REDIS_URL }],
])('per-token rate limits %s', (_where, redis) => {
  const suite = useTestApp('pglite', { config: { apiRateLimit: 5, ...redis } });
  const servers: Array<{ close(): Promise<unknown> }> = [];
  afterAll(async () => {
    for (const server of servers) await server.close();
  });

  it('answers 429 with Retry-After past the limit, per token', async () => {
    const { app } = suite;
    const local = localOperator('default');
    const first = (await app.operator.tokens.create(local, { role: 'viewer' })).secret;
    const second = (await app.operator.tokens.create(local, { role: 'viewer' })).secret;
    // Two servers: with Redis they share one count, as two processes would.
    const a = await buildHttpServer(app);
    const b = await buildHttpServer(app);
    servers.push(a, b);
    const get = (server: typeof a, token: string) =>
      server.inject({
        method: 'GET',
        url: '/api/v1/agents',
        headers: { authorization: `Bearer ${token}` },
      });
    const statuses = [];
    for (let index = 0; index < 5; index++) statuses.push((await get(a, first)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const limited = await get('redisUrl' in redis ? b : a, first);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toMatchObject({ code: 'AUTH_RATE_LIMITED', field: 'authorization' });
    expect((await get(a, second)).statusCode).toBe(200);
  });
});

describe('campaign control through the service layer', () => {
  const suite = useTestApp('pglite');

  it('pauses, resumes and cancels a campaign, and refuses a move its status forbids', async () => {
    const { app } = suite;
    const local = localOperator('default');
    const { campaign } = await app.operator.campaigns.create(
      local,
      campaignOf(singleStep('core.noop', { confidence: 0.8 })),
    );
    expect((await app.operator.campaigns.control(local, campaign.id, 'pause')).status).toBe(
      'paused',
    );
    await expect(app.operator.campaigns.control(local, campaign.id, 'pause')).rejects.toMatchObject(
      { code: 'CAMPAIGN_ILLEGAL_TRANSITION' },
    );
    expect((await app.operator.campaigns.control(local, campaign.id, 'resume')).status).toBe(
      'active',
    );
    await app.runtime.runUntilQuiescent();
    expect(await app.operator.reviews.list(local, { status: 'pending', limit: 10 })).toHaveLength(
      1,
    );
    expect((await app.operator.campaigns.control(local, campaign.id, 'cancel')).status).toBe(
      'cancelled',
    );
    const shown = await app.operator.campaigns.show(local, campaign.id);
    expect(shown.dag.map((node) => node.status)).toEqual(['cancelled']);
    expect(await app.operator.reviews.list(local, { status: 'pending', limit: 10 })).toEqual([]);
    const audit = await app.database.pool.query(
      `SELECT action, detail FROM audit_logs WHERE subject_id = $1 ORDER BY id`,
      [campaign.id],
    );
    expect(audit.rows.map((row) => row.action)).toEqual([
      'campaign.launch',
      'campaign.pause',
      'campaign.resume',
      'campaign.cancel',
    ]);
    expect(audit.rows[3].detail).toMatchObject({
      before: { status: 'active' },
      after: { status: 'cancelled', cancelledTasks: 1 },
    });
  });
});
