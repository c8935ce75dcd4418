// Opens a real Chimera (real database, real queue) for a test, with fast timings and any extra
// skills or policies the test needs.

import type { LanguageModel } from 'ai';
import { afterAll, beforeAll } from 'vitest';
import { type ChimeraApp, openChimera } from '../../src/app/chimera-app.js';
import type { ToolPrices } from '../../src/commerce/tool-prices.js';
import { type ChimeraConfig, loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/observability/logger.js';
import type { AnySkill } from '../../src/skills/skill.js';
import type { JudgePolicy } from '../../src/swarm/judge.js';
import { createTestDatabase, type TestDatabase } from './test-databases.js';

/** Opens Chimera on `database` with test-friendly timings. */
export function openTestApp(
  database: TestDatabase,
  options: {
    skills?: AnySkill[];
    policies?: JudgePolicy[];
    config?: Partial<ChimeraConfig>;
    toolPrices?: ToolPrices;
    /** The Planner's and services' clock. */
    now?: () => Date;
    /** The text model instead of the offline one. */
    model?: LanguageModel;
  } = {},
): Promise<ChimeraApp> {
  const config = loadConfig(
    {},
    {
      databaseUrl: database.databaseUrl,
      dataDir: database.dataDir,
      concurrency: 4,
      pollIntervalMs: 50,
      backoffBaseMs: 20,
      backoffMaxMs: 100,
      leaseMs: 5_000,
      logLevel: 'silent',
      ...options.config,
    },
  );
  return openChimera(config, {
    logger: createLogger(config.logLevel),
    createDataDir: true,
    skills: options.skills ?? [],
    policies: options.policies ?? [],
    ...(options.toolPrices && { toolPrices: options.toolPrices }),
    ...(options.now && { now: options.now }),
    ...(options.model && { model: options.model }),
  });
}

/** A campaign file's content for a template of `steps`, run by `agentIds`. */
export function campaignOf(
  steps: Array<Record<string, unknown>>,
  agentIds: string[] = ['ava'],
  goal = 'Launch the spring streetwear drop',
): Record<string, unknown> {
  return { name: 'test campaign', goal, agent_ids: agentIds, template: { steps } };
}

/** The three-step chain of built-in skills. */
export const THREE_STEP_CHAIN = [
  { key: 'outline', skill: 'core.outline', input: { goal: { $from: 'campaign.goal' } } },
  {
    key: 'compose',
    skill: 'core.compose',
    depends_on: ['outline'],
    input: { points: { $from: 'outline.points' } },
  },
  {
    key: 'announce',
    skill: 'core.announce',
    depends_on: ['compose'],
    input: { text: { $from: 'compose.text' } },
  },
];

/** Saves an active agent with `id`. */
export async function addAgent(app: ChimeraApp, id = 'ava'): Promise<void> {
  await app.store.agents.upsert({ id, name: id, niche: 'testing', persona: {}, status: 'active' });
}

/** One step running `skill` with `input`, for single-task campaigns. */
export function singleStep(
  skill: string,
  input: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
): Array<Record<string, unknown>> {
  return [{ key: 'only', skill, input, ...extra }];
}

/**
 * Opens a fresh Chimera on a fresh `kind` database for the enclosing `describe`, with agent
 * 'ava' saved, and closes and drops it afterwards. Read `suite.app` inside tests.
 */
export function useTestApp(
  kind: 'pglite' | 'postgres',
  options: Parameters<typeof openTestApp>[1] = {},
): { app: ChimeraApp } {
  const suite = {} as { app: ChimeraApp };
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    suite.app = await openTestApp(database, options);
    await addAgent(suite.app);
  });
  afterAll(async () => {
    await suite.app?.close();
    await database?.dispose();
  });
  return suite;
}
