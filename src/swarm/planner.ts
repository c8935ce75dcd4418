// The Planner: starts a run of a campaign for each occurrence of its schedule (at launch, or when
// the scheduler sweep finds one due), expands the run into a task DAG, queues each task once its
// dependencies are approved, re-plans rejected tasks with their feedback (re-opening the upstream
// step that wrote content a later step was rejected for), and settles runs and the campaign. It
// is the only writer of campaign status. Each pass is one transaction guarded by state_version. A task that
// pays from its agent's wallet is queued only when the wallet's balance covers it; until then it
// is held with the reason, and looked at again on the next pass. Balances are read before the
// pass's transaction opens: no transaction waits on the outside world. A post whose trend has
// gone stale is not queued: its content item is re-planned on a fresher trend (content-drift.ts).

import { DEFAULT_TENANT } from '../domain/actor.js';
import { type Campaign, CampaignSpec } from '../domain/campaign.js';
import { dueOccurrences, firstOccurrence } from '../domain/campaign-schedule.js';
import { bindsStrategy, resolveBindings } from '../domain/campaign-template.js';
import { ChimeraError, InputError, VersionConflict } from '../domain/errors.js';
import { fieldProblems } from '../domain/field-problems.js';
import { type Currency, formatMoney, type Money } from '../domain/money.js';
import {
  expandTemplate,
  type PlanStep,
  planNextSteps,
  settledCampaignStatus,
} from '../domain/plan.js';
import type { Task } from '../domain/task.js';
import type { TraceEvent } from '../domain/trace-event.js';
import type { SkillRegistry } from '../skills/skill-registry.js';
import type { Store } from '../store/store.js';
import { drawStrategy } from './agent-strategy.js';
import {
  checkTrendDrift,
  type TrendDriftDecision,
  type TrendDriftOptions,
  trendDriftOptions,
} from './content-drift.js';
import { contentProducerPath } from './content-producer.js';
import { recordContentStage } from './content-record.js';
import { dispatchTask, wakePlanner } from './dispatch.js';
import { taskEvent } from './trace.js';

/** Planner options. */
export interface PlannerOptions {
  store: Store;
  skills: SkillRegistry;
  /** Spec ids defined in specs/; a task naming any other id is refused at creation. */
  specIds: ReadonlySet<string>;
  /** Reads agents' wallet balances (the wallet MCP server's get_balance). */
  balances?: WalletBalances;
  now?: () => Date;
  /**
   * When the trend of a content item about to be published counts as stale, and how often the
   * item may be re-planned for it (FR-PLAN-008). Each field defaults on its own:
   * `@defaultValue` { minVelocity: 0.5, maxAgeMs: 86_400_000 (24 h), maxReplans: 2 }.
   */
  trendDrift?: Partial<TrendDriftOptions>;
}

/** The wallet balance of the agent a task runs for, in `currency`. */
export interface WalletBalances {
  balanceOf(task: Task, currency: Currency): Promise<Money>;
}

/** Balances read before a pass, by task id: the balance, or why it could not be read. */
type BalanceSnapshot = ReadonlyMap<string, Money | string>;

/** Spec id stamped on campaign-level trace events. */
const PLANNER_SPEC_ID = 'FR-PLAN-004';
/** Spec id stamped on run-level trace events. */
const SCHEDULE_SPEC_ID = 'FR-PLAN-006';
/** Spec id stamped on drift trace events. */
const DRIFT_SPEC_ID = 'FR-PLAN-008';
const MAX_CONFLICT_RETRIES = 5;

export class Planner {
  private readonly now: () => Date;
  private readonly trendDrift: TrendDriftOptions;

  constructor(private readonly options: PlannerOptions) {
    this.now = options.now ?? (() => new Date());
    this.trendDrift = trendDriftOptions(options.trendDrift);
  }

  /**
   * A campaign file's content, validated: the schema, known skills and spec ids. Throws an error
   * naming the field at fault; writes nothing.
   */
  check(raw: unknown): CampaignSpec {
    const parsed = CampaignSpec.safeParse(raw);
    if (!parsed.success) {
      throw new InputError(`invalid campaign: ${fieldProblems(parsed.error).join('; ')}`);
    }
    const spec = parsed.data;
    const { skills, specIds } = this.options;
    for (const [index, step] of spec.template.steps.entries()) {
      if (!skills.has(step.skill)) {
        throw new ChimeraError(
          'SKILL_UNKNOWN',
          `template.steps[${index}].skill: unknown skill '${step.skill}'; known skills: ${skills
            .list()
            .map((skill) => skill.name)
            .join(', ')}`,
        );
      }
      const specId = step.spec_id ?? skills.get(step.skill).specId;
      if (!specIds.has(specId)) {
        throw new ChimeraError(
          'SPEC_UNKNOWN_ID',
          `template.steps[${index}]: step '${step.key}' names spec_id '${specId}', which is not defined in specs/; add it there or fix the id`,
        );
      }
    }
    return spec;
  }

  /**
   * Validates a campaign file's content, creates the campaign and its DAG, and queues the tasks
   * with no dependencies, all in one transaction: bad input leaves nothing behind.
   */
  async launch(raw: unknown, actor = 'operator', tenantId = DEFAULT_TENANT): Promise<Campaign> {
    const spec = this.check(raw);
    const { store } = this.options;
    const campaignId = crypto.randomUUID();
    const launchedAt = this.now();
    return store.transaction(async (tx) => {
      for (const agentId of spec.agent_ids) {
        if (!(await tx.tenantViews.getAgent(tenantId, agentId))) {
          const known = (await tx.tenantViews.listAgents(tenantId)).map((agent) => agent.id);
          throw new ChimeraError(
            'AGENT_UNKNOWN',
            `agent_ids: unknown agent '${agentId}'; create it first (known: ${known.join(', ') || 'none'})`,
            { context: { agentId } },
          );
        }
      }
      const campaign = await tx.campaigns.insert({
        id: campaignId,
        spec,
        tenant_id: tenantId,
        next_run_at: firstOccurrence(spec.schedule, launchedAt) ?? null,
      });
      await tx.audit.write({
        actor,
        tenant_id: tenantId,
        action: 'campaign.launch',
        subject_type: 'campaign',
        subject_id: campaignId,
        detail: {
          before: null,
          after: {
            name: spec.name,
            status: 'active',
            schedule: spec.schedule.kind,
            next_run_at: campaign.next_run_at,
          },
        },
      });
      // An occurrence due now (a `once` campaign without a later start_at) runs at once.
      return (await this.startDueRun(tx, campaign, launchedAt)) ?? campaign;
    });
  }

  /**
   * The scheduler sweep: starts the run of every campaign whose occurrence is due now (and whose
   * previous run is closed, unless it allows overlap); returns how many it looked at. Two
   * processes sweeping at once start each run once: the campaign's state_version lets one through.
   */
  async startDueRuns(limit = 100): Promise<number> {
    const due = await this.options.store.campaigns.listDue(this.now(), limit);
    for (const campaignId of due) await this.fireDue(campaignId);
    return due.length;
  }

  /** Starts the campaign's due run, if it still is; retried on a concurrent writer. */
  private async fireDue(campaignId: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.options.store.transaction(async (tx) => {
          const campaign = await tx.campaigns.get(campaignId);
          if (campaign?.status === 'active') await this.startDueRun(tx, campaign, this.now());
        });
        return;
      } catch (error) {
        if (!(error instanceof VersionConflict) || attempt >= MAX_CONFLICT_RETRIES) throw error;
      }
    }
  }

  /**
   * In `tx`: when an occurrence of `campaign` is due at `now`, moves next_run_at to the one after,
   * creates the run (folding missed occurrences into it) and its tasks, and plans them. Returns the
   * campaign as updated, or undefined when nothing was due or the previous run is still open.
   */
  private async startDueRun(
    tx: Store,
    campaign: Campaign,
    now: Date,
  ): Promise<Campaign | undefined> {
    const due =
      campaign.next_run_at && dueOccurrences(campaign.schedule, campaign.next_run_at, now);
    if (!due) return undefined;
    if (campaign.schedule.kind !== 'once' && !campaign.schedule.allow_overlap) {
      const [latest] = await tx.campaignRuns.listByCampaign(campaign.id, 1);
      if (latest?.status === 'running') return undefined;
    }
    const updated = await tx.campaigns.setNextRunAt(
      campaign.id,
      campaign.state_version,
      due.next ?? null,
    );
    const run = await tx.campaignRuns.insert({
      id: crypto.randomUUID(),
      campaign_id: campaign.id,
      scheduled_for: due.scheduledFor,
      folded: due.folded,
      started_at: now,
    });
    const { skills } = this.options;
    const drafts = expandTemplate({
      campaignId: campaign.id,
      run,
      agentIds: campaign.agent_ids,
      template: campaign.template,
      specIdOf: (skill) => skills.get(skill).specId,
      newId: () => crypto.randomUUID(),
      now,
    });
    await tx.tasks.insertMany(campaign.id, drafts);
    const open = await tx.tasks.listByCampaign(campaign.id, { openRuns: true });
    const created = open.filter((task) => task.campaign_run_id === run.id);
    await tx.traces.write([
      campaignEvent(campaign.id, 'run-start', 'running', {
        run_id: run.id,
        seq: run.seq,
        scheduled_for: run.scheduled_for.toISOString(),
        folded: run.folded,
        next_run_at: updated.next_run_at?.toISOString() ?? null,
      }),
      ...created.map((task) => taskEvent(task, 'task-create', 'pending')),
    ]);
    await this.advanceWithin(tx, updated, open, new Map());
    return updated;
  }

  /** One planning pass over a campaign; retried on a concurrent writer. */
  async advance(campaignId: string): Promise<void> {
    const balances = await this.readBalances(campaignId);
    for (let attempt = 1; ; attempt++) {
      try {
        await this.options.store.transaction(async (tx) => {
          const campaign = await tx.campaigns.get(campaignId);
          if (campaign?.status !== 'active') return;
          const tasks = await tx.tasks.listByCampaign(campaignId, { openRuns: true });
          await this.advanceWithin(tx, campaign, tasks, balances);
        });
        return;
      } catch (error) {
        if (!(error instanceof VersionConflict) || attempt >= MAX_CONFLICT_RETRIES) throw error;
      }
    }
  }

  /**
   * Reads, outside any transaction, the wallet balance of every pending task that pays from its
   * wallet and is ready to queue.
   */
  private async readBalances(campaignId: string): Promise<BalanceSnapshot> {
    const { store, skills, balances } = this.options;
    const snapshot = new Map<string, Money | string>();
    const campaign = await store.campaigns.get(campaignId);
    if (!balances || campaign?.status !== 'active') return snapshot;
    // Most campaigns pay from no wallet: their passes read nothing more.
    const pays = (type: string) => skills.has(type) && skills.get(type).walletSpend !== undefined;
    if (!campaign.template.steps.some((step) => pays(step.skill))) return snapshot;
    // Held tasks count as ready: their balance is what is read again.
    const tasks = (await store.tasks.listByCampaign(campaignId, { openRuns: true })).map(
      (task) => ({
        ...task,
        hold_reason: null,
      }),
    );
    const byId = new Map(tasks.map((task) => [task.id, task]));
    const ready = planNextSteps(tasks).filter((step) => step.action === 'enqueue');
    for (const { taskId } of ready) {
      const task = byId.get(taskId) as Task;
      if (!pays(task.type)) continue;
      const cost = walletCost(skills, task, await this.bindInput(store, campaign, task, byId));
      if (!cost) continue;
      try {
        snapshot.set(task.id, await balances.balanceOf(task, cost.currency));
      } catch (error) {
        snapshot.set(task.id, error instanceof Error ? error.message : String(error));
      }
    }
    return snapshot;
  }

  private async advanceWithin(
    store: Store,
    campaign: Campaign,
    loaded: Task[],
    balances: BalanceSnapshot,
  ): Promise<void> {
    // A task's dependents wait until its external effect (a post) has happened.
    const awaiting = new Set(await store.effects.tasksAwaitingEffects(campaign.id));
    // A frozen agent's tasks stay pending until it is unfrozen.
    const frozen = await frozenAgents(store, campaign.agent_ids);
    // Held tasks are looked at again on every pass: the wallet may have been funded.
    const held = new Map(loaded.map((task) => [task.id, task.hold_reason ?? null]));
    // A step rejected for content an upstream step wrote re-opens that step (FR-PLAN-005).
    const loadedById = new Map(loaded.map((task) => [task.id, task]));
    const producerPaths = new Map<string, string[]>();
    for (const task of loaded) {
      const path = contentProducerPath(task, loadedById, this.options.skills);
      if (path) producerPaths.set(task.id, path);
    }
    const tasks = loaded.map((task) => ({
      ...task,
      effect_pending: awaiting.has(task.id),
      agent_frozen: frozen.has(task.agent_id),
      hold_reason: null,
      content_producer: producerPaths.get(task.id)?.[0],
    }));
    const byId = new Map<string, Task & { effect_pending?: boolean; agent_frozen?: boolean }>(
      tasks.map((task) => [task.id, task]),
    );
    const events: TraceEvent[] = [];
    // Repeat until nothing moves, so a failure cancels its dependents' dependents in this pass.
    for (
      let steps = planNextSteps(tasks);
      steps.length > 0;
      steps = planNextSteps([...byId.values()])
    ) {
      for (const step of steps) {
        const moved = await this.applyStep(
          store,
          campaign,
          step,
          { byId, held, balances, producerPaths },
          events,
        );
        for (const next of [moved].flat()) byId.set(next.id, next);
      }
    }
    const closed = await this.settleRuns(store, campaign, [...byId.values()], events);
    await store.traces.write(events);
    // An occurrence that fell due while the last run was open starts as it closes.
    if (closed) await this.startDueRun(store, campaign, this.now());
  }

  /**
   * Settles each open run whose tasks are all terminal, then the campaign: a `once` campaign as
   * its run did, a recurring one as completed once its schedule has ended and no run is open.
   * True when this pass closed the campaign's last open run and its schedule goes on.
   */
  private async settleRuns(
    store: Store,
    campaign: Campaign,
    tasks: readonly Task[],
    events: TraceEvent[],
  ): Promise<boolean> {
    const byRun = new Map<string, Task[]>();
    for (const task of tasks) {
      const run = byRun.get(task.campaign_run_id);
      if (run) run.push(task);
      else byRun.set(task.campaign_run_id, [task]);
    }
    let open = byRun.size;
    let last: 'completed' | 'failed' | undefined;
    for (const [runId, runTasks] of byRun) {
      const settled = settledCampaignStatus(runTasks);
      if (!settled) continue;
      await store.campaignRuns.finish(runId, settled, this.now());
      events.push(campaignEvent(campaign.id, 'run-end', settled, { run_id: runId }));
      open -= 1;
      last = settled;
    }
    if (!last || open > 0) return false;
    if (campaign.next_run_at !== null) return true;
    const status = campaign.schedule.kind === 'once' ? last : 'completed';
    await store.campaigns.updateStatus(campaign.id, campaign.state_version, status);
    events.push({
      ...campaignEvent(campaign.id, 'campaign-end', status, {}),
      duration_ms: this.now().getTime() - campaign.created_at.getTime(),
    });
    return false;
  }

  private async applyStep(
    store: Store,
    campaign: Campaign,
    step: PlanStep,
    {
      byId,
      held,
      balances,
      producerPaths,
    }: {
      byId: Map<string, Task>;
      held: Map<string, string | null>;
      balances: BalanceSnapshot;
      producerPaths: ReadonlyMap<string, readonly string[]>;
    },
    events: TraceEvent[],
  ): Promise<Task | Task[]> {
    const task = byId.get(step.taskId) as Task;
    if (step.action === 'reopen') {
      const rejected = byId.get(step.rejectedId) as Task;
      const [, ...between] = producerPaths.get(rejected.id) ?? [];
      // Another rejection may have re-opened the same producer earlier in this pass.
      const reopened = [
        task.status === 'pending'
          ? task
          : await store.tasks.transition(task, 'reopen', {
              feedback: [...new Set([...task.feedback, ...rejected.feedback])],
              error_code: null,
            }),
      ];
      // The steps after it run again on its new output: their inputs are bound afresh.
      for (const id of [...between, rejected.id]) {
        const later = byId.get(id) as Task;
        if (later.status === 'pending') continue;
        const template = campaign.template.steps.find((each) => each.key === later.step_key);
        reopened.push(
          await store.tasks.transition(later, 'reopen', template ? { input: template.input } : {}),
        );
      }
      events.push(
        taskEvent(reopened[0] as Task, 'task-replan', 'reopened', {
          detail: {
            rejected_task: rejected.id,
            rejected_step: rejected.step_key,
            reasons: rejected.feedback,
            reopened: reopened.map((each) => each.step_key),
          },
        }),
      );
      return reopened;
    }
    if (step.action === 'enqueue') {
      const upstream = async (id: string) => byId.get(id) ?? (await store.tasks.get(id));
      const drift = await checkTrendDrift({
        store,
        skills: this.options.skills,
        task,
        upstream,
        now: this.now(),
        limits: this.trendDrift,
      });
      if (drift?.action === 'replan') {
        return this.replanForDrift(store, campaign, task, drift, events);
      }
      const input = await this.bindInput(store, campaign, task, byId);
      const cost = walletCost(this.options.skills, task, input);
      if (cost && this.options.balances && !balances.has(task.id)) {
        // Its balance is read before the next pass, which this wake asks for.
        await wakePlanner(store, campaign.id);
        return { ...task, hold_reason: 'its wallet balance is being read' };
      }
      const reason =
        cost && shortfall(task, cost, balances.get(task.id) ?? 'no wallet is configured');
      if (reason) {
        if (held.get(task.id) !== reason) {
          await store.tasks.setHoldReason(task.id, reason);
          events.push(taskEvent(task, 'task-hold', 'balance-short', { detail: { reason } }));
        }
        return { ...task, hold_reason: reason };
      }
      const next = await store.tasks.transition(task, 'enqueue', { input, hold_reason: null });
      await dispatchTask(store, next);
      if (drift) {
        // Re-planned as often as allowed (or unable to be): the post goes ahead, saying why.
        const { action: _, why, ...detail } = drift;
        events.push(
          taskEvent(next, 'task-replan', 'drift-accepted', {
            specId: DRIFT_SPEC_ID,
            detail: { ...detail, not_replanned: why },
          }),
        );
      }
      events.push(taskEvent(next, 'task-enqueue', 'queued'));
      // The approved outputs it builds on enter the content record now (content-record.ts), a
      // Scout's trends as observed now by this Planner's clock.
      for (const id of task.depends_on) {
        const dependency = byId.get(id);
        if (!dependency) continue;
        await recordContentStage(store, dependency, upstream, this.now());
      }
      return next;
    }
    if (step.action === 'retry') {
      const next = await store.tasks.transition(task, 'retry', { error_code: null, run_at: null });
      await dispatchTask(store, next);
      events.push(
        taskEvent(next, 'task-retry', 'replanned', { detail: { feedback: task.feedback } }),
      );
      return next;
    }
    if (step.action === 'fail') {
      const next = await store.tasks.transition(task, 'fail');
      events.push(taskEvent(next, 'task-end', 'failed', { detail: { error: task.error_code } }));
      return next;
    }
    const next = await store.tasks.transition(task, 'cancel', { error_code: null });
    events.push(taskEvent(next, 'task-end', 'cancelled', { detail: { reason: step.reason } }));
    return next;
  }

  /**
   * Re-opens the steps of `publish`'s content item from its Scout (or its brief) down to its
   * dependency, the drift reason appended to the brief's feedback, and leaves `publish` pending.
   * The steps run again with their template inputs, bound afresh to the new outputs.
   */
  private async replanForDrift(
    store: Store,
    campaign: Campaign,
    publish: Task,
    drift: Extract<TrendDriftDecision, { action: 'replan' }>,
    events: TraceEvent[],
  ): Promise<Task[]> {
    const reopened: Task[] = [];
    for (const step of drift.reopen) {
      const template = campaign.template.steps.find((each) => each.key === step.step_key);
      reopened.push(
        await store.tasks.transition(step, 'reopen', {
          ...(template && { input: template.input }),
          ...(step.id === drift.brief.id && { feedback: [...step.feedback, drift.reason] }),
          error_code: null,
        }),
      );
    }
    events.push(
      taskEvent(publish, 'task-replan', 'drift', {
        specId: DRIFT_SPEC_ID,
        detail: {
          reason: drift.reason,
          trend_id: drift.trend_id,
          content_id: drift.content_id,
          replans: drift.replans + 1,
          reopened: reopened.map((each) => each.step_key),
        },
      }),
    );
    return [...reopened, publish];
  }

  private async bindInput(
    store: Store,
    campaign: Campaign,
    task: Task,
    byId: Map<string, Task>,
  ): Promise<unknown> {
    const steps: Record<string, unknown> = {};
    for (const dependencyId of task.depends_on) {
      const dependency = byId.get(dependencyId);
      if (dependency) steps[dependency.step_key] = dependency.output;
    }
    const agent = await store.agents.get(task.agent_id);
    const strategy = bindsStrategy(task.input)
      ? await drawStrategy(store, task.agent_id, `${task.id}:${task.attempt}`)
      : undefined;
    return resolveBindings(task.input, {
      campaign: { id: campaign.id, goal: campaign.goal, name: campaign.name },
      ...(strategy && { strategy }),
      agent: {
        ...(agent?.persona ?? {}),
        id: task.agent_id,
        name: agent?.name ?? task.agent_id,
        niche: agent?.niche ?? '',
      },
      steps,
    });
  }
}

/** A campaign-level trace event (no task) under the Planner's spec. */
function campaignEvent(
  campaignId: string,
  kind: TraceEvent['kind'],
  outcome: string,
  detail: Record<string, unknown>,
): TraceEvent {
  const specId = kind === 'campaign-end' ? PLANNER_SPEC_ID : SCHEDULE_SPEC_ID;
  return {
    kind,
    spec_id: specId,
    campaign_id: campaignId,
    task_id: null,
    agent_id: null,
    attempt: null,
    duration_ms: null,
    outcome,
    detail,
  };
}

/** Which of `agentIds` are frozen. */
export async function frozenAgents(
  store: Store,
  agentIds: readonly string[],
): Promise<Set<string>> {
  return new Set(await store.agents.listFrozen([...new Set(agentIds)]));
}

/** What `task` pays from its agent's wallet, when its skill pays from one and its input is good. */
function walletCost(skills: SkillRegistry, task: Task, input: unknown): Money | undefined {
  const skill = skills.get(task.type);
  // Input the skill refuses is the worker's to report, with the field named.
  const parsed = skill.walletSpend && skill.inputSchema.safeParse(input);
  return parsed?.success ? skill.walletSpend?.(parsed.data) : undefined;
}

/** Why `task` cannot pay `cost` from `balance` (or from a balance that could not be read). */
function shortfall(task: Task, cost: Money, balance: Money | string): string | undefined {
  if (typeof balance === 'string') return `the wallet balance could not be read: ${balance}`;
  if (balance.units >= cost.units) return undefined;
  return `the wallet holds ${formatMoney(balance)}, short of the ${formatMoney(cost)} this task pays; fund agent ${task.agent_id}'s wallet`;
}
