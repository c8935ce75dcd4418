// A stateless worker step: claim one queued task, run its skill (skill-runner.ts) under a lease
// kept alive while it works (lease-keeper.ts), have the Judge rule, and commit the outcome
// atomically. It holds nothing between tasks; a crash mid-run leaves a lease that the LeaseReaper
// expires. Stale or duplicate jobs find the task moved on and do nothing.

import { type BackoffOptions, backoffDelayMs, DEFAULT_BACKOFF } from '../domain/backoff.js';
import { type ChimeraError, VersionConflict } from '../domain/errors.js';
import type { Task } from '../domain/task.js';
import type { TraceEvent } from '../domain/trace-event.js';
import type { Verdict } from '../domain/verdict.js';
import type { AnySkill, SkillServices } from '../skills/skill.js';
import type { SkillRegistry } from '../skills/skill-registry.js';
import type { ResultRecord, Store } from '../store/store.js';
import { commitApproval } from './approval.js';
import { findCoveringApproval } from './approval-coverage.js';
import { type Clock, SYSTEM_CLOCK } from './clock.js';
import { dispatchTask, wakePlanner } from './dispatch.js';
import type { Judge } from './judge.js';
import { keepLease } from './lease-keeper.js';
import { runSkill, type SkillRunOutcome } from './skill-runner.js';
import { taskEvent } from './trace.js';

/** Worker options. */
export interface TaskWorkerOptions {
  store: Store;
  skills: SkillRegistry;
  judge: Judge;
  /** Tools and model lent to every skill run. */
  services: SkillServices;
  /** Identifies this worker in `assigned_worker_id`. */
  workerId: string;
  /**
   * How long a claim holds without renewal, in ms. A running task renews it every third of
   * that; once it lapses another worker may take the task over. @defaultValue 60 000
   */
  leaseMs?: number;
  backoff?: BackoffOptions;
  /** Time and the renewal timer. @defaultValue SYSTEM_CLOCK */
  clock?: Clock;
  /** Told when a lease renewal fails for a reason other than losing the task. */
  onRenewalError?: (error: unknown) => void;
}

/** A verdict, and the person's approval it relies on when it approves content they saw. */
interface Ruling {
  verdict: Verdict;
  coveredBy?: { review: string; task: string; step: string };
}

export class TaskWorker {
  private readonly leaseMs: number;
  private readonly backoff: BackoffOptions;
  private readonly clock: Clock;

  constructor(private readonly options: TaskWorkerOptions) {
    this.leaseMs = options.leaseMs ?? 60_000;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.clock = options.clock ?? SYSTEM_CLOCK;
  }

  /** Loads what judging needs before the first task is claimed. */
  prepare(): Promise<void> {
    return this.options.judge.prepare();
  }

  /**
   * Runs the task if it is still queued, holding its lease while the skill runs and the Judge
   * rules. Returns the task as left, or undefined if the job was stale or the lease was lost (the
   * run is then aborted and its result dropped: the worker that took the task over finishes it).
   */
  async runTask(taskId: string, signal?: AbortSignal): Promise<Task | undefined> {
    const claimed = await this.claim(taskId);
    if (!claimed) return undefined;
    const skill = this.options.skills.has(claimed.type)
      ? this.options.skills.get(claimed.type)
      : undefined;
    const lease = keepLease({
      store: this.options.store,
      task: claimed,
      workerId: this.options.workerId,
      leaseMs: this.leaseMs,
      clock: this.clock,
      ...(this.options.onRenewalError && { onError: this.options.onRenewalError }),
    });
    const startedAt = performance.now();
    let outcome: SkillRunOutcome;
    let ruling: Ruling | undefined;
    try {
      outcome = await runSkill(skill, claimed, {
        now: this.clock.now(),
        services: this.options.services,
        signal: signal ? AbortSignal.any([signal, lease.signal]) : lease.signal,
      });
      if (outcome.kind === 'result' && skill && !lease.lost) {
        const { output, confidence } = outcome;
        ruling = await this.rule(claimed, skill, output, confidence);
      }
    } finally {
      await lease.release();
    }
    const durationMs = performance.now() - startedAt;
    if (lease.lost) {
      await this.options.store.traces.write([
        taskEvent(claimed, 'task-end', 'lease-lost', { durationMs }),
      ]);
      return undefined;
    }
    try {
      if (outcome.kind === 'result' && skill && ruling) {
        return await this.commitResult(claimed, skill, outcome, ruling, durationMs);
      }
      const { error } = outcome as { error: ChimeraError };
      return await this.options.store.transaction((store) =>
        this.commitError(store, claimed, error, durationMs),
      );
    } catch (error) {
      // Our lease expired and the task was taken over: that run's result wins, ours is dropped.
      if (error instanceof VersionConflict) return undefined;
      throw error;
    }
  }

  private async claim(taskId: string, workerId = this.options.workerId): Promise<Task | undefined> {
    return this.options.store.tasks.claim(taskId, {
      workerId,
      leaseExpiresAt: new Date(this.clock.now().getTime() + this.leaseMs),
    });
  }

  /**
   * Claims a queued task for a worker outside this process (the seed's /assign_task), under the
   * same lease: it must report before the lease ends, or the reaper hands the task to another.
   */
  claimFor(taskId: string, workerId: string): Promise<Task | undefined> {
    return this.claim(taskId, workerId);
  }

  /**
   * Judges and commits a result that a worker outside this process reported for `task`, as
   * claimed by it (the seed's /report_result): the same verdict, review and retry paths as a local
   * run. Throws VersionConflict when the task moved on since it was read.
   */
  async commitReport(
    task: Task,
    report: { output: unknown; confidence: number; error?: ChimeraError | undefined },
  ): Promise<Task> {
    const durationMs = Math.max(0, this.clock.now().getTime() - task.updated_at.getTime());
    const skill = this.options.skills.get(task.type);
    if (report.error) {
      const { error } = report;
      return this.options.store.transaction((store) =>
        this.commitError(store, task, error, durationMs),
      );
    }
    const ruling = await this.rule(task, skill, report.output, report.confidence);
    return this.commitResult(task, skill, report, ruling, durationMs);
  }

  /**
   * The Judge's verdict, except that an escalation a person already settled is approved: their
   * approval of an earlier stage of the same content item covers this one (approval-coverage.ts).
   */
  private async rule(
    task: Task,
    skill: AnySkill,
    output: unknown,
    confidence: number,
  ): Promise<Ruling> {
    const verdict = await this.options.judge.judge({ task, skill, output, confidence });
    if (verdict.decision !== 'escalate') return { verdict };
    const { store, skills } = this.options;
    const covering = await findCoveringApproval(store, skills, {
      task,
      skill,
      output,
      reasons: verdict.reasons,
    });
    if (!covering) return { verdict };
    const { review, task: approved } = covering;
    return {
      verdict: {
        ...verdict,
        decision: 'approve',
        reasons: [
          ...verdict.reasons,
          `covered by review ${review.id}: ${review.decided_by ?? 'a person'} approved the same content at step '${approved.step_key}'`,
        ],
      },
      coveredBy: { review: review.id, task: approved.id, step: approved.step_key },
    };
  }

  /** Commits what the Judge's verdict on a result implies. */
  private async commitResult(
    task: Task,
    skill: AnySkill,
    outcome: { output: unknown; confidence: number },
    ruling: Ruling,
    durationMs: number,
  ): Promise<Task> {
    const { store } = this.options;
    const { output, confidence } = outcome;
    const { verdict, coveredBy } = ruling;
    const result: ResultRecord = {
      task_id: task.id,
      attempt: task.attempt,
      output,
      confidence,
      verdict: verdict.decision,
      reasons: verdict.reasons,
      judged_at: verdict.judged_at,
      duration_ms: durationMs,
    };
    const events: TraceEvent[] = [
      taskEvent(task, 'skill-run', 'ok', { durationMs, specId: skill.specId }),
      taskEvent(task, 'task-judge', verdict.decision, {
        detail: {
          confidence,
          reasons: verdict.reasons,
          ...(coveredBy && { covered_by: coveredBy }),
        },
      }),
    ];
    if (verdict.decision === 'approve') {
      const committed = await commitApproval(store, task, skill, output, {
        leading: ['submit'],
        result,
        events,
      });
      // Only needed wakes are sent: each writes one job row shared by the whole campaign. A wake
      // lost to a crash right here, or to racing commits, is caught by the LeaseReaper's sweep.
      if (committed.wakesPlanner) await wakePlanner(store, task.campaign_id);
      return committed.task;
    }
    return store.transaction(async (tx) => {
      await tx.results.record(result);
      let settled: Task;
      if (verdict.decision === 'escalate') {
        settled = await tx.tasks.transition(task, ['submit', 'escalate'], { output });
        await tx.reviews.open({
          id: crypto.randomUUID(),
          task_id: task.id,
          attempt: task.attempt,
          reasons: verdict.reasons,
        });
        events.push(taskEvent(settled, 'task-review', 'awaiting_review'));
      } else {
        settled = await tx.tasks.transition(task, ['submit', 'reject'], {
          output,
          // Reasons add up over attempts, so a retry avoids what every earlier attempt was told.
          feedback: [...task.feedback, ...verdict.reasons],
        });
        events.push(
          taskEvent(settled, 'task-end', 'rejected', { detail: { reasons: verdict.reasons } }),
        );
        await wakePlanner(tx, task.campaign_id);
      }
      await tx.traces.write(events);
      return settled;
    });
  }

  private async commitError(
    store: Store,
    task: Task,
    error: ChimeraError,
    durationMs: number,
  ): Promise<Task> {
    await store.results.record({
      task_id: task.id,
      attempt: task.attempt,
      output: null,
      confidence: 0,
      error_code: error.code,
      error_message: error.message,
      reasons: [error.message],
      duration_ms: durationMs,
    });
    const events = [
      taskEvent(task, 'skill-run', error.code, {
        durationMs,
        detail: { message: error.message, retryable: error.retryable },
      }),
    ];
    let next: Task;
    if (error.code === 'SPEND_ESCALATED' && error.context.spendRequestId) {
      // The CFO wants a person: the task waits in the review queue, and runs again if approved.
      next = await store.tasks.transition(task, 'escalate_spend', {
        assigned_worker_id: null,
        lease_expires_at: null,
        error_code: error.code,
      });
      await store.reviews.open({
        id: crypto.randomUUID(),
        task_id: task.id,
        attempt: task.attempt,
        reasons: [error.message],
        kind: 'spend',
        spend_request_id: error.context.spendRequestId,
      });
      events.push(
        taskEvent(next, 'task-review', 'awaiting_review', {
          detail: { kind: 'spend', spend_request_id: error.context.spendRequestId },
        }),
      );
    } else if (error.retryable && task.attempt < task.max_attempts) {
      const runAt = new Date(
        this.clock.now().getTime() + backoffDelayMs(task.attempt, this.backoff),
      );
      next = await store.tasks.transition(task, 'requeue', {
        assigned_worker_id: null,
        lease_expires_at: null,
        run_at: runAt,
        error_code: error.code,
      });
      await dispatchTask(store, next, runAt);
      events.push(
        taskEvent(next, 'task-retry', 'backoff', { detail: { run_at: runAt.toISOString() } }),
      );
    } else {
      next = await store.tasks.transition(task, 'abort', {
        assigned_worker_id: null,
        lease_expires_at: null,
        error_code: error.code,
        feedback: [error.message],
      });
      events.push(taskEvent(next, 'task-end', 'rejected', { detail: { error: error.code } }));
      await wakePlanner(store, task.campaign_id);
    }
    await store.traces.write(events);
    return next;
  }
}
