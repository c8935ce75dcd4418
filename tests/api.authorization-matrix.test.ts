// FR-API-001: the operator API's authorization matrix, generated from the route table so a new
// route cannot skip it, on PGlite and PostgreSQL: every route answers 401 without a token, 403 to
// a role below its own, 404 to another tenant's token for every object of ours, and success (or a
// refusal that is not about access) to the right role, with a body that fits the route's response
// schema. A rival tenant's lists hold none of our objects: zero cross-tenant reads or writes.

import { describe, expect, it } from 'vitest';
import type { RouteSpec } from '../src/api/route-spec.js';
import { ROUTES } from '../src/api/route-table.js';
import type { Role } from '../src/domain/actor.js';
import { type ApiFixture, buildApiFixture } from './support/api-fixture.js';
import { useTestApp } from './support/test-app.js';
import { ADAPTERS } from './support/test-databases.js';

/** Routes whose body (not their path) names our objects: another tenant gets a 404 for them. */
const BODY_NAMES_OURS = new Set(['approveReviews', 'hireFromNetwork']);

/** POST routes that change nothing: every other POST must write an audit row. */
const READ_ONLY_POSTS = new Set(['verifyLedger', 'evaluateTask', 'planCampaign']);

const BELOW: Record<Role, Role | undefined> = {
  viewer: undefined,
  reviewer: 'viewer',
  operator: 'reviewer',
};

/** The route's URL with our objects' ids, and its example query. */
function urlOf(route: RouteSpec, fixture: ApiFixture): string {
  const query = route.example.query
    ? `?${new URLSearchParams(route.example.query as Record<string, string>)}`
    : '';
  return `${pathOf(route, fixture)}${query}`;
}

function pathOf(route: RouteSpec, fixture: ApiFixture): string {
  return route.path.replace(':id', () => {
    if (route.tag === 'agents' || route.tag === 'money') return 'ava';
    if (route.tag === 'campaigns') return fixture.campaignId;
    if (route.tag === 'tasks') return fixture.reviewedTaskId;
    if (route.tag === 'reviews') return fixture.reviewId;
    if (route.tag === 'access') return fixture.spareTokenId;
    throw new Error(`no fixture id for ${route.path}`);
  });
}

/** The route's example body, pointing at our objects. */
function bodyOf(route: RouteSpec, fixture: ApiFixture): unknown {
  const body = route.example.body;
  if (body === undefined) return undefined;
  if (typeof body === 'object' && body !== null && 'task_id' in body) {
    const { spec: _spec, ...rest } = body as Record<string, unknown>;
    return { ...rest, task_id: fixture.taskId };
  }
  if (route.operationId === 'createToken') return { role: 'viewer' };
  if (route.operationId === 'approveReviews') return { review_ids: [fixture.reviewId] };
  return body;
}

describe.each(ADAPTERS)('the API authorization matrix on %s', (kind) => {
  const suite = useTestApp(kind);
  let fixture: ApiFixture;

  const call = (route: RouteSpec, token: string | undefined) =>
    fixture.http.inject({
      method: route.method,
      url: urlOf(route, fixture),
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(route.body && { payload: bodyOf(route, fixture) as object }),
    });

  it('covers every route of the table', async () => {
    fixture = await buildApiFixture(suite.app);
    expect(ROUTES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(ROUTES.map((route) => `${route.method} ${route.path}`)).size).toBe(
      ROUTES.length,
    );
  });

  it.each(
    ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const),
  )('%s: 401 without a token, 403 below its role, 404 for another tenant', async (_name, route) => {
    const anonymous = await call(route, undefined);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(anonymous.json()).toMatchObject({ status: 401, field: 'authorization' });

    const below = BELOW[route.role];
    if (below) {
      const forbidden = await call(route, fixture.tokens[below]);
      expect(forbidden.statusCode, forbidden.body).toBe(403);
      expect(forbidden.json().code).toBe('AUTH_FORBIDDEN');
    }

    const rival = await call(route, fixture.rivalToken);
    const namesOurObject =
      route.params !== undefined ||
      route.tag === 'workers' ||
      BODY_NAMES_OURS.has(route.operationId);
    if (namesOurObject) {
      expect(rival.statusCode, rival.body).toBe(404);
    } else {
      // A list or a tenant-wide action: whatever it answers holds nothing of ours.
      expect(rival.statusCode, rival.body).toBeLessThan(500);
      for (const ours of ['"ava"', fixture.campaignId, fixture.reviewId, fixture.taskId]) {
        expect(rival.body).not.toContain(ours);
      }
    }
  });

  it.each(
    ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const),
  )('%s: the right role gets an answer that fits the response schema', async (_name, route) => {
    const audited = async () =>
      Number(
        (await suite.app.database.pool.query('SELECT count(*) AS n FROM audit_logs')).rows[0].n,
      );
    const auditBefore = await audited();
    const answer = await call(route, fixture.tokens[route.role]);
    const wrote = (await audited()) - auditBefore;
    if (route.method === 'GET' || READ_ONLY_POSTS.has(route.operationId)) {
      expect(wrote, 'a read wrote an audit row').toBe(0);
    } else if (answer.statusCode < 300) {
      expect(wrote, 'a mutation wrote no audit row').toBeGreaterThan(0);
    }
    // Mutations may meet a state that refuses them (already frozen, not queued): that is an
    // answer about the object, never about access.
    expect([401, 403, 404]).not.toContain(answer.statusCode);
    expect(answer.statusCode, answer.body).toBeLessThan(500);
    if (answer.statusCode < 300) {
      const parsed = route.response.safeParse(answer.json());
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    } else {
      expect(answer.json()).toMatchObject({ status: answer.statusCode });
      expect(typeof answer.json().field).toBe('string');
    }
  });

  it("leaves our objects as they were after the rival tenant's calls", async () => {
    const views = suite.app.store.tenantViews;
    const agents = await views.listAgents('default');
    expect(agents.map((agent) => agent.id)).toContain('ava');
    const rivalAgents = await views.listAgents('rival');
    expect(rivalAgents.map((agent) => agent.id)).toEqual(['rex']);
  });
});
