// Bench measurement of the full governed loop (claim → skill → Judge → commit → Planner) with
// core.noop at confidence 1: campaigns are launched first (untimed), then runUntilQuiescent is
// timed and every task is checked to be done.

import type { ChimeraApp } from '../src/app/chimera-app.js';

/** Most steps a campaign template may hold. */
export const MAX_TEMPLATE_STEPS = 500;

/** How to run the governed loop. */
export interface GovernedOptions {
  tasks: number;
  agentId: string;
  /** Steps per campaign at most (≤ 500); tasks are spread evenly over ceil(tasks / this). */
  stepsPerCampaign: number;
  label: string;
  /** Fails the run when it has not gone quiescent by then, in ms. */
  timeoutMs: number;
}

/** One timed governed run. */
export interface GovernedResult {
  tasks: number;
  campaigns: number;
  elapsedMs: number;
  tasksPerSecond: number;
  /** CPU time this process used during the timed run (user + system), in ms. */
  cpuMs: number;
}

/** Launches the campaigns (their root tasks are queued as jobs) and returns their ids. */
export async function launchCampaigns(
  app: ChimeraApp,
  options: GovernedOptions,
): Promise<string[]> {
  const campaignCount = Math.ceil(options.tasks / options.stepsPerCampaign);
  const campaignIds: string[] = [];
  for (let index = 0; index < campaignCount; index++) {
    const steps =
      Math.floor(options.tasks / campaignCount) + (index < options.tasks % campaignCount ? 1 : 0);
    const campaign = await app.planner.launch(
      {
        name: `bench ${options.label} ${index + 1}/${campaignCount}`,
        goal: 'measure the governed loop',
        agent_ids: [options.agentId],
        template: {
          steps: Array.from({ length: steps }, (_, step) => ({
            key: `s${step}`,
            skill: 'core.noop',
            input: {},
          })),
        },
      },
      'bench',
    );
    campaignIds.push(campaign.id);
  }
  return campaignIds;
}

/** Times the runtime from start to quiescence, then checks every task and campaign finished. */
export async function runToQuiescence(
  app: ChimeraApp,
  campaignIds: readonly string[],
  options: GovernedOptions,
): Promise<GovernedResult> {
  let timer: NodeJS.Timeout | undefined;
  const cpuAtStart = process.cpuUsage();
  const startedAt = performance.now();
  try {
    await Promise.race([
      app.runtime.runUntilQuiescent(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new Error(`governed ${options.label}: not quiescent after ${options.timeoutMs}ms`),
            ),
          options.timeoutMs,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
  const elapsedMs = performance.now() - startedAt;
  const cpu = process.cpuUsage(cpuAtStart);

  const ids = [...campaignIds];
  const tasks = await app.database.pool.query<{ status: string; count: string }>(
    'SELECT status, count(*) FROM tasks WHERE campaign_id = ANY($1::uuid[]) GROUP BY status',
    [ids],
  );
  const byStatus = Object.fromEntries(tasks.rows.map((row) => [row.status, Number(row.count)]));
  if (byStatus.done !== options.tasks || tasks.rows.length !== 1) {
    throw new Error(
      `governed ${options.label}: expected ${options.tasks} done tasks, got ${JSON.stringify(byStatus)}`,
    );
  }
  const campaigns = await app.database.pool.query<{ status: string; count: string }>(
    'SELECT status, count(*) FROM campaigns WHERE id = ANY($1::uuid[]) GROUP BY status',
    [ids],
  );
  const completed = campaigns.rows.find((row) => row.status === 'completed');
  if (Number(completed?.count ?? 0) !== ids.length) {
    throw new Error(
      `governed ${options.label}: expected ${ids.length} completed campaigns, got ${JSON.stringify(campaigns.rows)}`,
    );
  }
  return {
    tasks: options.tasks,
    campaigns: ids.length,
    elapsedMs,
    tasksPerSecond: (options.tasks * 1000) / elapsedMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
}
