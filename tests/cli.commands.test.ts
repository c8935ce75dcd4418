// FR-CLI-001, FR-CLI-002, FR-CLI-003, FR-CLI-004, FR-CLI-005, FR-REVIEW-001, FR-REVIEW-002,
// FR-TRACE-003, FR-TRACE-004, TR-EMBED-001: the `chimera` commands, run in-process on a fresh
// embedded data dir (one per test) and on an empty PostgreSQL database; `chimera start` and a
// `status` beside it run as real processes, as they do from a shell.

import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { runCliIntoClosedPipe, startCli, waitFor } from './support/cli-process.js';
import { useEmbeddedDataDirs } from './support/embedded-data-dirs.js';
import { type ChimeraResult, runChimera } from './support/run-chimera.js';
import { createTestDatabase, type TestDatabase } from './support/test-databases.js';

const AVA = 'examples/personas/ava/SOUL.md';

const dataDirs = useEmbeddedDataDirs();

/** Writes `content` (JSON, or text as is) to a new file of its own and returns its path. */
async function jsonFile(name: string, content: unknown): Promise<string> {
  const file = join(await dataDirs.folder(), name);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function expectOneLineError(stderr: string, pattern: RegExp) {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
}

/** `result`, once it has exited 0 without an error on stderr (progress lines are fine). */
async function expectOk(result: Promise<ChimeraResult>): Promise<ChimeraResult> {
  const finished = await result;
  expect(finished.stderr).not.toMatch(/error/i);
  expect(finished.code).toBe(0);
  return finished;
}

/** A one-agent campaign of `steps` for ava, named `name`. */
function campaign(name: string, steps: Array<Record<string, unknown>>) {
  return { name, goal: 'borderline post', agent_ids: ['ava'], template: { steps } };
}

/** Adds ava to `dataDir` and writes a one-step `core.noop` campaign file named `name`. */
async function noopCampaignFor(dataDir: string, name: string): Promise<string> {
  await expectOk(runChimera(['agent', 'add', AVA, '--data-dir', dataDir]));
  return jsonFile(`${name}.json`, campaign(name, [{ key: 'only', skill: 'core.noop' }]));
}

describe('the seeded examples on a fresh embedded data dir', () => {
  let dataDir: string;
  let first: ChimeraResult;
  beforeAll(async () => {
    dataDir = await dataDirs.absent();
    first = await runChimera(['run', '--once', '--data-dir', dataDir]);
  });

  it('runs the seeded example to quiescence with run --once and exits 0', () => {
    expect(first.stderr).not.toMatch(/error/i);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/first run: seeded 3 example agents and 2 campaign/);
    expect(first.stdout).toMatch(
      /campaign [0-9a-f-]{36} "Spring drop teaser" \[completed\]: 6 done/,
    );
    expect(first.stdout).toMatch(/effects recorded: 6/);
    expect(first.stdout).toMatch(/posts published: 2/);
    expect(first.stdout).toMatch(
      /escalated noor\/brief: sensitive-topics: sensitive topic \(health\): mentions .* \(review [0-9a-f-]{36}\)/,
    );
  });

  it('reports status as JSON and does not seed twice', async () => {
    const again = await runChimera(['run', '--once', '--data-dir', dataDir]);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toMatch(/first run/);
    const status = await runChimera(['status', '--json', '--data-dir', dataDir]);
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
});

describe('chimera on a fresh embedded data dir', () => {
  it('refuses a malformed campaign file with one line, exit 2 and nothing written', async () => {
    const dataDir = await dataDirs.absent();
    const broken = await jsonFile('broken.json', '{ "name": "x", ');
    const result = await runChimera(['campaign', 'launch', broken, '--data-dir', dataDir]);
    expect(result.code).toBe(2);
    expectOneLineError(
      result.stderr,
      /^error: .*broken\.json is not valid JSON.*\[INPUT_INVALID\]$/,
    );
    expect(existsSync(dataDir)).toBe(false);
  });

  it('refuses a campaign file that breaks the schema with one line, exit 2 and nothing written', async () => {
    const dataDir = await dataDirs.migrated();
    const invalid = await jsonFile('invalid.json', {
      name: 'x',
      agent_ids: ['ava'],
      template: { steps: [] },
    });
    const schema = await runChimera(['campaign', 'launch', invalid, '--data-dir', dataDir]);
    expect(schema.code).toBe(2);
    expectOneLineError(schema.stderr, /invalid campaign: goal: .*template\.steps: /);
    const status = await runChimera(['status', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(status.stdout).campaigns).toEqual([]);
  });

  it('refuses an unknown agent with exit 2 and leaves no partial campaign', async () => {
    const dataDir = await dataDirs.migrated();
    await expectOk(runChimera(['agent', 'add', AVA, '--data-dir', dataDir]));
    const file = await jsonFile('ghost.json', {
      name: 'ghost run',
      goal: 'haunt the feed',
      agent_ids: ['ava', 'ghost'],
      template: { steps: [{ key: 'only', skill: 'core.noop' }] },
    });
    const result = await runChimera(['campaign', 'launch', file, '--data-dir', dataDir]);
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr, /unknown agent 'ghost'.*\[AGENT_UNKNOWN\]$/);
    const status = await runChimera(['status', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(status.stdout)).toMatchObject({ campaigns: [], tasks: {} });
  });

  it('refuses a missing data dir for a read-only command with exit 2', async () => {
    const missing = join(await dataDirs.folder(), 'nope', 'data');
    const result = await runChimera(['status', '--data-dir', missing]);
    expect(result.code).toBe(2);
    expectOneLineError(
      result.stderr,
      /data dir .*nope\/data does not exist.*\[CONFIG_DATA_DIR_MISSING\]/,
    );
    expect(existsSync(join(missing, '..'))).toBe(false);
  });

  it('refuses a bad DATABASE_URL with exit 2', async () => {
    const notUrl = await runChimera(['status'], { DATABASE_URL: 'mysql://root@localhost/db' });
    expect(notUrl.code).toBe(2);
    expectOneLineError(
      notUrl.stderr,
      /DATABASE_URL must start with postgres:\/\/.*\[CONFIG_INVALID\]/,
    );
    const unreachable = await runChimera(['status'], {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere',
    });
    expect(unreachable.code).toBe(2);
    expectOneLineError(unreachable.stderr, /cannot reach DATABASE_URL .*\[STORE_UNREACHABLE\]/);
  });

  it('validates every skill contract (FR-SKILL-001)', async () => {
    const result = await runChimera(['skills', 'validate']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ok publish \(SK-PUBLISH-001, 1 example\(s\)\)$/m);
    expect(result.stdout).toMatch(/skills validate: \d+ skills, 0 with problems/);
  });

  it('checks spec coverage', async () => {
    const check = await runChimera(['spec', 'check']);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/spec check: \d+ ids, \d+ untested, 0 undefined in code/);
  });

  it('prunes the trace of a finished run', async () => {
    const dataDir = await dataDirs.migrated();
    const file = await noopCampaignFor(dataDir, 'noop');
    await expectOk(runChimera(['campaign', 'launch', file, '--data-dir', dataDir]));
    await expectOk(runChimera(['run', '--once', '--no-seed', '--data-dir', dataDir]));
    const prune = await runChimera([
      'trace',
      'prune',
      '--older-than-days',
      '0',
      '--data-dir',
      dataDir,
    ]);
    expect(prune.code).toBe(0);
    expect(prune.stdout).toMatch(
      /pruned [1-9]\d* trace events and [1-9]\d* live events older than 0 days/,
    );
    const again = await runChimera([
      'trace',
      'prune',
      '--older-than-days',
      '0',
      '--data-dir',
      dataDir,
    ]);
    expect(again.stdout).toMatch(/^pruned 0 trace events and 0 live events older than 0 days$/m);
  });

  it('tells two campaigns of the same name apart by their ids in status', async () => {
    const dataDir = await dataDirs.migrated();
    const file = await noopCampaignFor(dataDir, 'twin');
    const ids: string[] = [];
    for (const _ of [1, 2]) {
      const launched = await expectOk(
        runChimera(['campaign', 'launch', file, '--data-dir', dataDir]),
      );
      ids.push(/^campaign ([0-9a-f-]{36}) launched with 1 tasks$/m.exec(launched.stdout)![1]!);
    }
    expect(new Set(ids).size).toBe(2);
    const status = await expectOk(runChimera(['status', '--data-dir', dataDir]));
    for (const id of ids) {
      expect(status.stdout).toContain(`campaign ${id} "twin" [active]: 1 queued`);
    }
  });

  it('drafts a campaign from a goal, shows its DAG, and launches the edited draft', async () => {
    const dataDir = await dataDirs.migrated();
    await expectOk(runChimera(['agent', 'add', AVA, '--data-dir', dataDir]));
    const file = join(await dataDirs.folder(), 'plan.json');
    const goal = 'Announce the spring capsule drop next week';
    const planned = await expectOk(
      runChimera(['campaign', 'plan', goal, '--out', file, '--data-dir', dataDir]),
    );
    expect(planned.stdout).toContain(`"Announcement: ${goal}", once, for ava:`);
    expect(planned.stdout).toMatch(/^ {2}compose {2}core\.compose {2}after outline$/m);
    const draft = JSON.parse(await readFile(file, 'utf8'));
    draft.name = 'Spring drop, edited';
    await writeFile(file, JSON.stringify(draft));
    const launched = await expectOk(
      runChimera(['campaign', 'launch', file, '--data-dir', dataDir]),
    );
    expect(launched.stdout).toMatch(/^campaign [0-9a-f-]{36} launched with 3 tasks$/m);
  });

  it("shows an agent's strategy, and refuses an unknown agent", async () => {
    const dataDir = await dataDirs.migrated();
    await expectOk(runChimera(['agent', 'add', AVA, '--data-dir', dataDir]));
    const shown = await expectOk(runChimera(['strategy', 'show', 'ava', '--data-dir', dataDir]));
    expect(shown.stdout).toMatch(/^agent ava: 0 rewarded posts$/m);
    expect(shown.stdout).toMatch(/^ {2}hour {3}6 4\.00% \(0\), 9 4\.00% \(0\)/m);
    const missing = await runChimera(['strategy', 'show', 'zed', '--data-dir', dataDir]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/no agent/);
  });

  it("searches an agent's skills by meaning", async () => {
    const dataDir = await dataDirs.migrated();
    await expectOk(runChimera(['agent', 'add', AVA, '--data-dir', dataDir]));
    const found = await expectOk(
      runChimera([
        'memory',
        'search',
        'ava',
        'answer the fans who comment',
        '--collection',
        'skills',
        '--k',
        '1',
        '--data-dir',
        dataDir,
      ]),
    );
    expect(found.stdout).toMatch(/^0\.\d\d {2}\d{4}-\d\d-\d\d {2}reply_comment: /m);
  });

  it("lists a campaign's runs", async () => {
    const dataDir = await dataDirs.migrated();
    const file = await noopCampaignFor(dataDir, 'runs');
    const launched = await expectOk(
      runChimera(['campaign', 'launch', file, '--data-dir', dataDir]),
    );
    const id = /^campaign ([0-9a-f-]{36}) launched/m.exec(launched.stdout)![1]!;
    const runs = await expectOk(runChimera(['campaign', 'runs', id, '--data-dir', dataDir]));
    expect(runs.stdout).toMatch(/^#1 {2}running {4}for \d{4}-\d\d-\d\dT[\d:.]+Z {2}started /m);
    const json = await expectOk(
      runChimera(['campaign', 'runs', id, '--json', '--data-dir', dataDir]),
    );
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({ campaign_id: id, seq: 1, status: 'running', folded: 0 }),
    ]);
    const missing = await runChimera([
      'campaign',
      'runs',
      crypto.randomUUID(),
      '--data-dir',
      dataDir,
    ]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/no campaign/);
  });
});

describe('output into a closed pipe', () => {
  /** A stdout whose reader has gone: every write fails with EPIPE, as after `| head -1`. */
  function closedPipe(): { stream: Writable; writes: () => number } {
    let writes = 0;
    const stream = new Writable({
      write(_chunk, _encoding, done) {
        writes += 1;
        done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE', syscall: 'write' }));
      },
    });
    return { stream, writes: () => writes };
  }

  it('ends status quietly with exit 0 when stdout is closed (EPIPE)', async () => {
    const dataDir = await dataDirs.migrated();
    const stdout = closedPipe();
    let stderr = '';
    const code = await main(['node', 'chimera', 'status', '--data-dir', dataDir], {
      environment: { LOG_LEVEL: 'warn' },
      stdout: stdout.stream,
      stderr: new Writable({
        write(chunk, _encoding, done) {
          stderr += String(chunk);
          done();
        },
      }),
    });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    // The first line met the closed pipe; the rest were dropped, not written into it.
    expect(stdout.writes()).toBe(1);
    expect(process.exitCode).toBeUndefined();
  });

  it('ends quietly when stderr is closed as well', async () => {
    const code = await main(['node', 'chimera', 'status', '--data-dir', '/nonexistent/data'], {
      environment: {},
      stdout: closedPipe().stream,
      stderr: closedPipe().stream,
    });
    expect(code).toBe(2);
  });
});

// Each test runs about eight commands, each opening the embedded database: over a minute on a
// loaded 2-core machine.
describe('human review through the CLI', { timeout: 120_000 }, () => {
  /** A data dir with ava and a campaign whose `draft` step waits for a person; its review. */
  async function escalated(draft: Record<string, unknown> = {}) {
    const dir = await dataDirs.migrated();
    const file = await jsonFile(
      'review-campaign.json',
      campaign('needs a human', [
        { key: 'draft', skill: 'core.noop', input: { confidence: 0.8 }, ...draft },
        { key: 'after', skill: 'core.noop', depends_on: ['draft'] },
      ]),
    );
    await expectOk(runChimera(['agent', 'add', AVA, '--data-dir', dir]));
    await expectOk(runChimera(['campaign', 'launch', file, '--data-dir', dir]));
    const run = await runChimera(['run', '--once', '--no-seed', '--data-dir', dir]);
    expect(run.stdout).toMatch(/1 awaiting_review, 1 pending/);
    const listed = await runChimera(['review', 'list', '--json', '--data-dir', dir]);
    const [item] = JSON.parse(listed.stdout);
    return { dir, item };
  }

  it('lists an escalated task, approves it, and the next run finishes the campaign', async () => {
    const { dir, item } = await escalated();
    expect(item.task.type).toBe('core.noop');
    expect(item.reasons[0]).toMatch(/between 0\.7 and 0\.9/);
    const text = await runChimera(['review', 'list', '--data-dir', dir]);
    expect(text.stdout).toContain(`review ${item.id}`);

    const noReason = await runChimera(['review', 'reject', item.id, '--data-dir', dir]);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toMatch(/required option '--reason <text>' not specified/);
    const approve = await runChimera([
      'review',
      'approve',
      item.id,
      '--reviewer',
      'rita',
      '--data-dir',
      dir,
    ]);
    expect(approve.stdout).toMatch(/task .* is done/);
    const twice = await runChimera(['review', 'approve', item.id, '--data-dir', dir]);
    expect(twice.code).toBe(2);

    const resumed = await runChimera(['run', '--once', '--no-seed', '--data-dir', dir]);
    expect(resumed.stdout).toMatch(/campaign [0-9a-f-]{36} "needs a human" \[completed\]: 2 done/);
  });

  it('counts a rejection in status right after it, and after the run that fails the task', async () => {
    const { dir, item } = await escalated({ max_attempts: 1 });
    const before = await expectOk(runChimera(['status', '--data-dir', dir]));
    expect(before.stdout).toMatch(/^rejections: 0$/m);

    const rejected = await runChimera([
      ...['review', 'reject', item.id, '--reason', 'off brand', '--reviewer', 'rita'],
      ...['--data-dir', dir],
    ]);
    expect(rejected.stdout).toMatch(/task .* is rejected/);
    const after = await expectOk(runChimera(['status', '--data-dir', dir]));
    expect(after.stdout).toMatch(/^rejections: 1$/m);
    expect(after.stdout).toMatch(/^ {2}rejected ava\/draft: .*; reviewer rita: off brand$/m);
    const json = JSON.parse((await runChimera(['status', '--json', '--data-dir', dir])).stdout);
    expect(json.rejectionTotal).toBe(1);
    expect(json.rejections).toEqual([
      {
        agent_id: 'ava',
        step: 'draft',
        reasons: [expect.stringMatching(/between 0\.7 and 0\.9/), 'reviewer rita: off brand'],
      },
    ]);

    // One attempt only: the run fails the task for good (and cancels the step after it).
    await expectOk(runChimera(['run', '--once', '--no-seed', '--data-dir', dir]));
    const settled = await expectOk(runChimera(['status', '--data-dir', dir]));
    expect(settled.stdout).toMatch(/^tasks: 1 cancelled, 1 failed$/m);
    expect(settled.stdout).toMatch(/^rejections: 1$/m);
  });

  it('counts a rejection by the Judge', async () => {
    const dir = await dataDirs.migrated();
    const file = await jsonFile(
      'judged.json',
      campaign('judged', [
        { key: 'weak', skill: 'core.noop', input: { confidence: 0.2 }, max_attempts: 1 },
      ]),
    );
    await expectOk(runChimera(['agent', 'add', AVA, '--data-dir', dir]));
    await expectOk(runChimera(['campaign', 'launch', file, '--data-dir', dir]));
    await expectOk(runChimera(['run', '--once', '--no-seed', '--data-dir', dir]));
    const status = await expectOk(runChimera(['status', '--data-dir', dir]));
    expect(status.stdout).toMatch(/^tasks: 1 failed$/m);
    expect(status.stdout).toMatch(/^rejections: 1$/m);
    expect(status.stdout).toMatch(/^ {2}rejected ava\/weak: .*0\.2/m);
  });
});

describe('chimera start, a real process', () => {
  it('serves status from a second process while running and stops gracefully on SIGTERM', async () => {
    const dir = await dataDirs.migrated();
    const service = startCli(['start', '--data-dir', dir]);
    try {
      await waitFor(() => service.output().includes('chimera running'));
      // The service is another process: polled, as a person would re-run `status`.
      await waitFor(async () => {
        const status = await runChimera(['status', '--json', '--data-dir', dir]);
        return status.code === 0 && JSON.parse(status.stdout).tasks.done === 17;
      });
      // `chimera status | head -1`: a reader that goes away ends the command quietly, exit 0.
      const closedEarly = await runCliIntoClosedPipe(['status', '--data-dir', dir]);
      expect(closedEarly).toEqual({ code: 0, stderr: '' });
    } finally {
      service.child.kill('SIGTERM');
    }
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
    const result = await runChimera(['run', '--once'], {
      DATABASE_URL: database.databaseUrl,
      CHIMERA_DATA_DIR: database.dataDir,
    });
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
