// The swarm at run time: the dispatcher's job handlers (worker, planner, effects, memory), the
// lease reaper on a timer, and the two ways to run: until stopped, or until quiescent.

import type pg from 'pg';
import { isQuiescent, type PlanTaskView } from '../domain/plan.js';
import type { TaskStatus } from '../domain/task-status.js';
import type { Logger } from '../observability/logger.js';
import { type Dispatcher, startDispatcher } from '../queue/graphile-dispatcher.js';
import type { Store } from '../store/store.js';
import type { AgentMemory } from './agent-memory.js';
import type { EffectExecutor } from './effects/effect-executor.js';
import type { LeaseReaper } from './lease-reaper.js';
import { frozenAgents, type Planner } from './planner.js';
import type { TaskWorker } from './task-worker.js';

/** Runtime options. */
export interface RuntimeOptions {
  pool: pg.Pool;
  store: Store;
  planner: Planner;
  worker: TaskWorker;
  effects: EffectExecutor;
  /** Performs 'remember' jobs. */
  memory: AgentMemory;
  reaper: LeaseReaper;
  logger: Logger;
  concurrency: number;
  pollIntervalMs: number;
  /** How often the reaper runs, in ms. */
  reapIntervalMs: number;
}

/** Progress of a run, per task status, over the campaigns being run. */
export interface RunProgress {
  counts: Partial<Record<TaskStatus, number>>;
  total: number;
  settled: number;
}

/** States in which a task is certainly still moving. */
const BUSY_STATUSES: readonly TaskStatus[] = [
  'queued',
  'running',
  'judging',
  'approved',
  'rejected',
];

const FAR_FUTURE = new Date(8_640_000_000_000_000);

export class SwarmRuntime {
  private dispatcher: Dispatcher | undefined;
  private reapTimer: NodeJS.Timeout | undefined;
  private reaping: Promise<unknown> = Promise.resolve();
  private readonly watched = new Set<string>();

  constructor(private readonly options: RuntimeOptions) {}

  /** Starts taking work. */
  async start(): Promise<void> {
    if (this.dispatcher) return;
    const { worker, planner } = this.options;
    await worker.prepare();
    this.dispatcher = await startDispatcher({
      pool: this.options.pool,
      concurrency: this.options.concurrency,
      pollIntervalMs: this.options.pollIntervalMs,
      logger: this.options.logger,
      handlers: {
        run_task: async (payload, signal) => {
          await worker.runTask(String(payload.taskId), signal);
        },
        plan_campaign: (payload) => planner.advance(String(payload.campaignId)),
        perform_effect: (payload) => this.options.effects.perform(String(payload.effectId)),
        remember: (payload) => this.options.memory.remember(payload),
      },
    });
    this.reapTimer = setInterval(() => this.reapOnce(), this.options.reapIntervalMs);
    this.reapTimer.unref();
    await this.reapOnce();
  }

  /** Stops taking work; jobs in flight finish first (their tasks reach a stable state). */
  async stop(): Promise<void> {
    clearInterval(this.reapTimer);
    this.reapTimer = undefined;
    await this.reaping;
    await this.dispatcher?.stop();
    this.dispatcher = undefined;
  }

  /**
   * Runs every active campaign until nothing more can happen without a person: each task is
   * terminal or waiting (directly or through its dependencies) on a review. Then stops.
   */
  async runUntilQuiescent(
    options: { checkIntervalMs?: number; onProgress?: (progress: RunProgress) => void } = {},
  ): Promise<RunProgress> {
    this.watched.clear();
    await this.start();
    try {
      for (;;) {
        const progress = await this.progress();
        options.onProgress?.(progress);
        if (progress.quiescent) {
          // Settle campaign statuses that no job has asked the Planner about yet.
          for (const campaign of await this.options.store.campaigns.list({
            statuses: ['active'],
          })) {
            await this.options.planner.advance(campaign.id);
          }
          const final = await this.progress();
          if (final.quiescent) return final;
        }
        await new Promise((resolve) => setTimeout(resolve, options.checkIntervalMs ?? 100));
      }
    } finally {
      await this.stop();
    }
  }

  /** The campaigns' tasks as the planning rules see them, frozen agents marked. */
  private async planView(campaignIds: string[]): Promise<PlanTaskView[]> {
    const { store } = this.options;
    const tasks = (
      await Promise.all(campaignIds.map((id) => store.tasks.listByCampaign(id)))
    ).flat();
    const frozen = await frozenAgents(store, [...new Set(tasks.map((task) => task.agent_id))]);
    return tasks.map((task) => ({ ...task, agent_frozen: frozen.has(task.agent_id) }));
  }

  /** Reports over every campaign that was active at some check of this run. */
  private async progress(): Promise<RunProgress & { quiescent: boolean }> {
    const { store } = this.options;
    for (const campaign of await store.campaigns.list({ statuses: ['active'] })) {
      this.watched.add(campaign.id);
    }
    const counts = await store.tasks.countByStatus([...this.watched]);
    const total = Object.values(counts).reduce((sum, count) => sum + (count ?? 0), 0);
    const settled = (counts.done ?? 0) + (counts.failed ?? 0) + (counts.cancelled ?? 0);
    // An approved external effect (a post) still to perform, or a memory still to write, keeps
    // the run going too.
    const effectsPending = (await store.effects.listUnperformed(FAR_FUTURE, 1)).length > 0;
    const remembering = (await store.jobs.countWaiting('remember')) > 0;
    const busy =
      effectsPending || remembering || BUSY_STATUSES.some((status) => (counts[status] ?? 0) > 0);
    // Only pending tasks need the full DAG to tell "blocked by a review" from "about to run".
    const quiescent =
      !busy && ((counts.pending ?? 0) === 0 || isQuiescent(await this.planView([...this.watched])));
    return { counts, total, settled, quiescent };
  }

  private reapOnce(): Promise<unknown> {
    this.reaping = this.reaping
      .then(() => this.options.reaper.reap())
      .catch((error: unknown) => this.options.logger.error({ err: error }, 'lease reaper failed'));
    return this.reaping;
  }
}
