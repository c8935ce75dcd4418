// FR-API-008: Judge–human agreement through the API. Noor's health brief (escalated by the
// sensitive-topics policy at 0.93) and three results the Judge escalated for their confidence
// (0.75, 0.80, 0.85) are decided by a person; GET /api/v1/judge/agreement tallies how often the
// person approved, overall, by policy, by confidence band and by day, for the caller's tenant
// only. Same suite on both adapters.

import { describe, expect, it } from 'vitest';
import { buildHttpServer } from '../src/api/http-server.js';
import { seedExamples } from '../src/app/example-seed.js';
import { localOperator } from './support/api-fixture.js';
import { campaignOf, useTestApp } from './support/test-app.js';
import { ADAPTERS } from './support/test-databases.js';

describe.each(ADAPTERS)('Judge–human agreement on %s', (kind) => {
  const suite = useTestApp(kind);

  it('tallies people’s decisions on escalations by policy, band and day', async () => {
    const { app } = suite;
    const local = localOperator('default');
    await seedExamples(app);
    await app.operator.campaigns.create(
      local,
      campaignOf(
        [0.75, 0.8, 0.85].map((confidence, index) => ({
          key: `check${index}`,
          skill: 'core.noop',
          input: { confidence },
          max_attempts: 1,
        })),
        ['milo'],
      ),
    );
    await app.runtime.runUntilQuiescent();
    const pending = await app.operator.reviews.list(local, { status: 'pending', limit: 100 });
    const byConfidence = new Map(pending.map((item) => [item.result?.confidence, item.review.id]));
    expect([...byConfidence.keys()].sort()).toEqual([0.75, 0.8, 0.85, 0.93]);
    await app.operator.reviews.approve(local, byConfidence.get(0.93)!);
    await app.operator.reviews.approve(local, byConfidence.get(0.75)!);
    await app.operator.reviews.reject(local, byConfidence.get(0.8)!, 'off topic');
    // 0.85 stays pending: not counted.

    const http = await buildHttpServer(app);
    const viewer = (await app.operator.tokens.create(local, { role: 'viewer' })).secret;
    const answer = await http.inject({
      method: 'GET',
      url: '/api/v1/judge/agreement?days=7',
      headers: { authorization: `Bearer ${viewer}` },
    });
    expect(answer.statusCode, answer.body).toBe(200);
    const agreement = answer.json();
    expect(agreement.overall).toEqual({ decided: 3, approved: 2, approval_rate: 2 / 3 });
    expect(agreement.by_policy).toEqual([
      { policy: 'judge', decided: 2, approved: 1, approval_rate: 0.5 },
      { policy: 'sensitive-topics', decided: 1, approved: 1, approval_rate: 1 },
    ]);
    const bands = Object.fromEntries(
      agreement.by_band.map((band: { band: string; decided: number; approved: number }) => [
        band.band,
        [band.decided, band.approved],
      ]),
    );
    expect(bands).toEqual({
      '< 0.70': [0, 0],
      '0.70–0.75': [0, 0],
      '0.75–0.80': [1, 1],
      '0.80–0.85': [1, 0],
      '0.85–0.90': [0, 0],
      '≥ 0.90': [1, 1],
    });
    expect(agreement.by_day).toEqual([
      {
        day: new Date().toISOString().slice(0, 10),
        decided: 3,
        approved: 2,
        approval_rate: 2 / 3,
      },
    ]);

    const rivalOperator = await app.localActor({ user: 'test', tenantId: 'rival' });
    const rival = (await app.operator.tokens.create(rivalOperator, { role: 'viewer' })).secret;
    const theirs = await http.inject({
      method: 'GET',
      url: '/api/v1/judge/agreement',
      headers: { authorization: `Bearer ${rival}` },
    });
    expect(theirs.json().overall).toEqual({ decided: 0, approved: 0, approval_rate: null });
    const bad = await http.inject({
      method: 'GET',
      url: '/api/v1/judge/agreement?days=0',
      headers: { authorization: `Bearer ${viewer}` },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('query.days');
    await http.close();
  });
});
