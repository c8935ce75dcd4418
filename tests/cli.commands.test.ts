// FR-CLI-001, FR-CLI-002, FR-CLI-003, FR-CLI-004, FR-CLI-005, FR-REVIEW-001, FR-REVIEW-002,
// FR-TRACE-003, FR-TRACE-004, TR-EMBED-001: the real `chimera` executable, run as child
// processes on a fresh embedded data dir and on an empty PostgreSQL database.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli, waitFor } from './support/cli-process.js';
import { createTestDatabase, type TestDatabase } from './support/test-databases.js';

let workspace: string;
const dataDir = () => join(workspace, 'data');

beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'chimera-cli-'));
});
afterAll(async () => {
  await rm(workspace, { recursive: true, force: true });
});

function expectOneLineError(stderr: string, pattern: RegExp) {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('chimera on a fresh embedded data dir', () => {
  it('runs the seeded example to quiescence with run --once and exits 0', async () => {
    const result = await runCli(['run', '--once', '--data-dir', dataDir()]);
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/first run: seeded 3 example agents and 2 campaign/);
    expect(result.stdout).toMatch(/campaign "Spring drop teaser" \[completed\]: 6 done/);
    expect(result.stdout).toMatch(/effects recorded: 6/);
    expect(result.stdout).toMatch(/posts published: 2/);
    expect(result.stdout).toMatch(
      /escalated noor\/brief: sensitive-topics: sensitive topic \(health\): mentions .* \(review [0-9a-f-]{36}\)/,
    );
  });

  it('reports status as JSON and does not seed twice', async () => {
    const again = await runCli(['run', '--once', '--data-dir', dataDir()]);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toMatch(/first run/);
    const status = await runCli(['status', '--json', '--data-dir', dataDir()]);
    expect(status.code).toBe(0);
    const summary = JSON.parse(status.stdout);
    expect(summary).toMatchObject({
      database: 'embedded',
      tasks: { done: 17 },
      effects: 6,
      published: 2,
    });
    expect(summary.campaigns).toHaveLength(2);
  });

  it('refuses a malformed campaign file with one line, exit 2 and nothing written', async () => {
    const broken = join(workspace, 'broken.json');
    await writeFile(broken, '{ "name": "x", ');
    const result = await runCli(['campaign', 'launch', broken, '--data-dir', dataDir()]);
    expect(result.code).toBe(2);
    expectOneLineError(
      result.stderr,
      /^error: .*broken\.json is not valid JSON.*\[INPUT_INVALID\]$/,
    );

    const invalid = join(workspace, 'invalid.json');
    await writeFile(
      invalid,
      JSON.stringify({ name: 'x', agent_ids: ['ava'], template: { steps: [] } }),
    );
    const schema = await runCli(['campaign', 'launch', invalid, '--data-dir', dataDir()]);
    expect(schema.code).toBe(2);
    expectOneLineError(schema.stderr, /invalid campaign: goal: .*template\.steps: /);
  });

  it('refuses an unknown agent with exit 2 and leaves no partial campaign', async () => {
    const file = join(workspace, 'ghost.json');
    await writeFile(
      file,
      JSON.stringify({
        name: 'ghost run',
        goal: 'haunt the feed',
        agent_ids: ['ava', 'ghost'],
        template: { steps: [{ key: 'only', skill: 'core.noop' }] },
      }),
    );
    const result = await runCli(['campaign', 'launch', file, '--data-dir', dataDir()]);
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr, /unknown agent 'ghost'.*\[AGENT_UNKNOWN\]$/);
    const status = JSON.parse((await runCli(['status', '--json', '--data-dir', dataDir()])).stdout);
    expect(status.campaigns).toHaveLength(2);
  });

  it('refuses a missing data dir for a read-only command with exit 2', async () => {
    const missing = join(workspace, 'nope', 'data');
    const result = await runCli(['status', '--data-dir', missing]);
    expect(result.code).toBe(2);
    expectOneLineError(
      result.stderr,
      /data dir .*nope\/data does not exist.*\[CONFIG_DATA_DIR_MISSING\]/,
    );
  });

  it('refuses a bad DATABASE_URL with exit 2', async () => {
    const notUrl = await runCli(['status'], { DATABASE_URL: 'mysql://root@localhost/db' });
    expect(notUrl.code).toBe(2);
    expectOneLineError(
      notUrl.stderr,
      /DATABASE_URL must start with postgres:\/\/.*\[CONFIG_INVALID\]/,
    );
    const unreachable = await runCli(['status'], {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere',
    });
    expect(unreachable.code).toBe(2);
    expectOneLineError(unreachable.stderr, /cannot reach DATABASE_URL .*\[STORE_UNREACHABLE\]/);
  });

  it('validates every skill contract (FR-SKILL-001)', async () => {
    const result = await runCli(['skills', 'validate']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ok publish \(SK-PUBLISH-001, 1 example\(s\)\)$/m);
    expect(result.stdout).toMatch(/skills validate: \d+ skills, 0 with problems/);
  });

  it('checks spec coverage and prunes the trace', async () => {
    const check = await runCli(['spec', 'check']);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/spec check: \d+ ids, \d+ untested, 0 undefined in code/);
    const prune = await runCli([
      'trace',
      'prune',
      '--older-than-days',
      '0',
      '--data-dir',
      dataDir(),
    ]);
    expect(prune.code).toBe(0);
    expect(prune.stdout).toMatch(/pruned [1-9]\d* trace events older than 0 days/);
  });
});

describe('human review through the CLI', () => {
  it('lists an escalated task, approves it, and the next run finishes the campaign', async () => {
    const dir = join(workspace, 'review');
    const file = join(workspace, 'review-campaign.json');
    await writeFile(
      file,
      JSON.stringify({
        name: 'needs a human',
        goal: 'borderline post',
        agent_ids: ['ava'],
        template: {
          steps: [
            { key: 'draft', skill: 'core.noop', input: { confidence: 0.8 } },
            { key: 'after', skill: 'core.noop', depends_on: ['draft'] },
          ],
        },
      }),
    );
    expect(
      (await runCli(['agent', 'add', 'examples/personas/ava/SOUL.md', '--data-dir', dir])).code,
    ).toBe(0);
    expect((await runCli(['campaign', 'launch', file, '--data-dir', dir])).code).toBe(0);
    const run = await runCli(['run', '--once', '--no-seed', '--data-dir', dir]);
    expect(run.stdout).toMatch(/1 awaiting_review, 1 pending/);

    const listed = await runCli(['review', 'list', '--json', '--data-dir', dir]);
    const [item] = JSON.parse(listed.stdout);
    expect(item.task.type).toBe('core.noop');
    expect(item.reasons[0]).toMatch(/between 0\.7 and 0\.9/);
    const text = await runCli(['review', 'list', '--data-dir', dir]);
    expect(text.stdout).toContain(`review ${item.id}`);

    const noReason = await runCli(['review', 'reject', item.id, '--data-dir', dir]);
    expect(noReason.code).toBe(2);
    const approve = await runCli([
      'review',
      'approve',
      item.id,
      '--reviewer',
      'rita',
      '--data-dir',
      dir,
    ]);
    expect(approve.stdout).toMatch(/task .* is done/);
    const twice = await runCli(['review', 'approve', item.id, '--data-dir', dir]);
    expect(twice.code).toBe(2);

    const resumed = await runCli(['run', '--once', '--no-seed', '--data-dir', dir]);
    expect(resumed.stdout).toMatch(/campaign "needs a human" \[completed\]: 2 done/);
  });
});

describe('chimera start', () => {
  it('serves status from a second process while running and stops gracefully on SIGTERM', async () => {
    const dir = join(workspace, 'service');
    const service = startCli(['start', '--data-dir', dir]);
    await waitFor(() => service.output().includes('chimera running'));
    await waitFor(async () => {
      const status = await runCli(['status', '--json', '--data-dir', dir]);
      return status.code === 0 && JSON.parse(status.stdout).tasks.done === 17;
    });
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
    expect(service.output()).toMatch(/stopping: letting tasks in flight finish/);
    expect(service.output()).toMatch(/tasks: 1 awaiting_review, 17 done, 3 pending/);
  });
});

describe('chimera on an empty PostgreSQL database', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('creates the tables and runs the example to done with run --once', async () => {
    const result = await runCli(['run', '--once'], { DATABASE_URL: database.databaseUrl });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/tasks: 1 awaiting_review, 17 done, 3 pending/);
    const client = new pg.Client({ connectionString: database.databaseUrl });
    await client.connect();
    try {
      const tables = await client.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
      );
      expect(tables.rows.map((row) => row.table_name)).toEqual(
        expect.arrayContaining([
          'agents',
          'campaigns',
          'tasks',
          'task_results',
          'reviews',
          'audit_logs',
          'trace_events',
        ]),
      );
    } finally {
      await client.end();
    }
  });
});
