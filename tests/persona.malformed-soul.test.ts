// FR-PERSONA-001, FR-CLI-004: a malformed SOUL.md sent to a running Chimera is refused with the
// field named, leaves the stored agent exactly as it was, and the agent goes on working. The
// service and the commands sent to it run in this process, on one PostgreSQL database.

import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ChimeraResult,
  type RunningChimera,
  runChimera,
  startChimera,
} from './support/run-chimera.js';
import { THREE_STEP_CHAIN } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-databases.js';

const AVA = 'examples/personas/ava/SOUL.md';

/** Ava's SOUL.md with `edit` applied to its text. */
async function avaWith(edit: (text: string) => string, file: string): Promise<string> {
  await writeFile(file, edit(await readFile(AVA, 'utf8')));
  return file;
}

function expectRefusal(result: ChimeraResult, pattern: RegExp) {
  expect(result.code).toBe(2);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

// The refusal happens before the database is opened, so one adapter is enough here; the CLI's
// embedded path is covered by tests/cli.commands.test.ts.
describe('a malformed SOUL.md sent to a running chimera', () => {
  let database: TestDatabase;
  let cli: (args: string[]) => Promise<ChimeraResult>;
  let service: RunningChimera;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const environment = { DATABASE_URL: database.databaseUrl };
    const location = ['--data-dir', database.dataDir];
    cli = (args) => runChimera([...args, ...location], environment);
    expect((await cli(['agent', 'add', AVA])).code).toBe(0);
    service = startChimera(['start', '--no-seed', ...location], environment);
    await service.waitForOutput(/chimera running/);
  });
  afterAll(async () => {
    expect((await service?.stop())?.code).toBe(0);
    await database?.dispose();
  });

  it('refuses each broken file naming the field, keeps the agent as stored, and runs its work', async () => {
    const before = (await cli(['agent', 'show', 'ava'])).stdout;
    expect(JSON.parse(before)).toMatchObject({ id: 'ava', niche: 'sustainable streetwear' });

    const dir = database.dataDir.replace(/data$/, '');
    const noNiche = await avaWith(
      (text) => text.replace(/^niche: .*\n/m, ''),
      path.join(dir, 'no-niche.md'),
    );
    expectRefusal(await cli(['agent', 'add', noNiche]), /no-niche\.md.*niche/);
    const badYaml = await avaWith(
      (text) => text.replace('voice_traits:', 'voice_traits: [warm'),
      path.join(dir, 'bad-yaml.md'),
    );
    expectRefusal(await cli(['agent', 'add', badYaml]), /bad-yaml\.md/);
    const noFrontmatter = await avaWith(
      (text) => text.replace(/^---\n[\s\S]*?\n---\n/, ''),
      path.join(dir, 'no-frontmatter.md'),
    );
    expectRefusal(await cli(['agent', 'add', noFrontmatter]), /no-frontmatter\.md.*frontmatter/);

    expect((await cli(['agent', 'show', 'ava'])).stdout).toBe(before);
    const campaignFile = path.join(dir, 'campaign.json');
    await writeFile(
      campaignFile,
      JSON.stringify({
        name: 'after the bad files',
        goal: 'Launch the spring drop',
        agent_ids: ['ava'],
        template: { steps: THREE_STEP_CHAIN },
      }),
    );
    expect((await cli(['campaign', 'launch', campaignFile])).code).toBe(0);
    // The service reports its progress when the task counts change.
    await service.waitForOutput(/^progress: 3 done$/m);
    expect(JSON.parse((await cli(['status', '--json'])).stdout).tasks).toEqual({ done: 3 });
    expect(service.hasEnded()).toBe(false);
  });
});
