// FR-API-006: `chimera token create|list|revoke` and `chimera login-link`, in-process on
// PostgreSQL. A token's secret is printed once and authenticates; only its hash is stored; `list`
// never shows secrets; a revoked token stops authenticating, within 1 s in a process that had it
// cached; a new tenant is created by the first token made for it; a login link is printed for
// the data dir's operator token. Bad flags exit 2.

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ChimeraApp } from '../src/app/chimera-app.js';
import { runChimera } from './support/run-chimera.js';
import { addAgent, openTestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-databases.js';

describe('the token commands on PostgreSQL', () => {
  let database: TestDatabase;
  let app: ChimeraApp;
  const cli = (args: string[]) =>
    runChimera(args, { DATABASE_URL: database.databaseUrl, CHIMERA_DATA_DIR: database.dataDir });

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    app = await openTestApp(database);
    await addAgent(app, 'ava');
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  it('creates a token whose secret authenticates, lists it without it, and revokes it', async () => {
    const created = await cli([
      'token',
      'create',
      '--role',
      'reviewer',
      '--agent',
      'ava',
      '--expires',
      '30d',
    ]);
    expect(created.code, created.stderr).toBe(0);
    const secret = created.stdout.trim();
    expect(secret).toMatch(/^chm_[\w-]{43}$/);
    expect(created.stderr).toMatch(/token [0-9a-f-]{36} \(reviewer in default, agent ava\)/);
    const actor = await app.operator.tokens.authenticate(secret);
    expect(actor).toMatchObject({
      kind: 'token',
      tenantId: 'default',
      role: 'reviewer',
      agentId: 'ava',
    });

    const stored = await app.database.pool.query(
      'SELECT secret_hash FROM api_tokens WHERE id = $1',
      [actor!.id],
    );
    expect(stored.rows[0].secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.rows[0].secret_hash).not.toContain(secret);

    const listed = await cli(['token', 'list']);
    expect(listed.stdout).toContain(actor!.id);
    expect(listed.stdout).toMatch(/reviewer \(agent ava\) {2}expires 20\d\d-/);
    expect(listed.stdout).not.toContain(secret);

    expect((await cli(['token', 'revoke', actor!.id])).code).toBe(0);
    // The app remembers the token it authenticated; the revocation, made by other services (as
    // another process would), reaches its cache through the live feed's notification.
    await vi.waitFor(
      async () => expect(await app.operator.tokens.authenticate(secret)).toBeUndefined(),
      { timeout: 1_000, interval: 10 },
    );
    expect((await cli(['token', 'list'])).stdout).toMatch(new RegExp(`${actor!.id}.*revoked`));
  });

  it('makes the first token of a new tenant, which sees none of the default tenant', async () => {
    const created = await cli(['token', 'create', '--role', 'viewer', '--tenant', 'acme']);
    expect(created.code, created.stderr).toBe(0);
    const actor = await app.operator.tokens.authenticate(created.stdout.trim());
    expect(actor?.tenantId).toBe('acme');
    expect(await app.operator.agents.list(actor!)).toEqual([]);
  });

  it('prints a login link for the operator token of the data dir', async () => {
    const link = await cli(['login-link', '--base-url', 'http://dash.example:8080/']);
    expect(link.code, link.stderr).toBe(0);
    expect(link.stdout.trim()).toMatch(/^http:\/\/dash\.example:8080\/login\?token=chl_[\w-]{43}$/);
  });

  it.each([
    [['token', 'create', '--role', 'admin'], "--role: 'admin' is not valid"],
    [['token', 'create', '--role', 'viewer', '--expires', 'soon'], '--expires: give days like 30d'],
    [
      ['token', 'create', '--role', 'viewer', '--tenant', 'Big Co'],
      "--tenant: 'Big Co' is not valid",
    ],
    [['token', 'create', '--role', 'viewer', '--agent', 'nobody'], "no agent 'nobody'"],
    [['token', 'revoke', '00000000-0000-4000-8000-000000000000'], 'no live token'],
  ])('refuses %j with exit 2, naming the problem', async (args, message) => {
    const result = await cli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
