// The seed's contracts for workers and planners outside the process (/assign_task,
// /report_result, /evaluate_task). They take the same paths as the in-process workers: the
// claim and its lease, the state_version check, the Judge and the review queue. So a worker
// written in any language can take part. The worker is named after the calling token.

import { type Actor, actorLabel } from '../domain/actor.js';
import { ChimeraError, ERROR_CODES, type ErrorCode, VersionConflict } from '../domain/errors.js';
import { routeVerdict } from '../domain/judge-routing.js';
import type { Task } from '../domain/task.js';
import { found, requireRole } from './access-check.js';
import type { ServiceDependencies } from './service-dependencies.js';

/** What a claimed task gives its worker. */
export interface Assignment {
  status: 'assigned';
  assigned_worker_id: string;
  task: Pick<Task, 'id' | 'type' | 'spec_id' | 'input' | 'attempt' | 'feedback'> & {
    lease_expires_at: Date | null;
  };
}

/** A worker's report on the task it claimed. */
export interface WorkerReport {
  result?: unknown;
  confidence: number;
  error_code?: string | undefined;
}

/** The codes a worker may report that mean "try again later". */
const RETRYABLE: ReadonlySet<string> = new Set(['SKILL_TRANSIENT', 'SKILL_TIMEOUT']);

export class WorkerContractService {
  constructor(private readonly deps: ServiceDependencies) {}

  /** Claims a queued task for the caller; refused when another worker holds it, or it moved on. */
  async assign(actor: Actor, taskId: string, specId?: string): Promise<Assignment> {
    requireRole(actor, 'operator', 'taking a task as a worker');
    const task = await this.task(actor, taskId);
    if (specId !== undefined && specId !== task.spec_id) {
      throw new ChimeraError(
        'INPUT_INVALID',
        `spec: task ${taskId} implements '${task.spec_id}', not '${specId}'`,
      );
    }
    const workerId = workerIdOf(actor);
    const claimed = await this.deps.worker.claimFor(taskId, workerId);
    if (!claimed) {
      throw new ChimeraError(
        'TASK_ILLEGAL_TRANSITION',
        `task ${taskId} is ${task.status}, not queued: only a queued task can be assigned`,
        { context: { taskId, state: task.status } },
      );
    }
    await this.audit(
      actor,
      'task.assign',
      claimed.id,
      { status: task.status },
      {
        status: claimed.status,
        worker: workerId,
        attempt: claimed.attempt,
      },
    );
    const { id, type, spec_id, input, attempt, feedback, lease_expires_at } = claimed;
    return {
      status: 'assigned',
      assigned_worker_id: workerId,
      task: { id, type, spec_id, input, attempt, feedback, lease_expires_at },
    };
  }

  /**
   * Judges and commits the caller's report on the task it holds. A report from a worker that no
   * longer holds the task (its lease ended, or it never claimed it) is refused as stale.
   */
  async report(
    actor: Actor,
    taskId: string,
    report: WorkerReport,
  ): Promise<{ status: Task['status']; hitl_required: boolean }> {
    requireRole(actor, 'operator', 'reporting a task result');
    const task = await this.task(actor, taskId);
    if (task.status !== 'running' || task.assigned_worker_id !== workerIdOf(actor)) {
      throw new VersionConflict('task', taskId, task.state_version);
    }
    const error = report.error_code
      ? new ChimeraError(
          knownCode(report.error_code),
          `worker ${actorLabel(actor)} reported ${report.error_code}`,
          { retryable: RETRYABLE.has(report.error_code), context: { taskId } },
        )
      : undefined;
    const next = await this.deps.worker.commitReport(task, {
      output: report.result ?? null,
      confidence: report.confidence,
      error,
    });
    await this.audit(
      actor,
      'task.report',
      taskId,
      { status: task.status },
      {
        status: next.status,
        confidence: report.confidence,
        ...(report.error_code && { error_code: report.error_code }),
      },
    );
    return { status: next.status, hitl_required: next.status === 'awaiting_review' };
  }

  /**
   * What the Judge would rule on the task's current output at `confidence`, without committing
   * anything: approved, escalated to a person, and the reasons. A task with no output yet is
   * ruled on its confidence alone.
   */
  async evaluate(
    actor: Actor,
    taskId: string,
    input: { confidence: number; error_code?: string | undefined },
  ): Promise<{ approved: boolean; escalation: boolean; notes: string[] }> {
    const task = await this.task(actor, taskId);
    if (input.error_code) {
      return { approved: false, escalation: false, notes: [`error ${input.error_code}`] };
    }
    const { skills, judge, store } = this.deps;
    const output = task.output ?? (await store.results.latest(taskId))?.output ?? null;
    // Before any result, only the confidence can be ruled on.
    const verdict =
      output === null
        ? routeVerdict({
            confidence: input.confidence,
            schemaProblems: [],
            findings: [],
            thresholds: judge.thresholds,
            now: new Date(),
          })
        : await judge.judge({
            task,
            skill: skills.get(task.type),
            output,
            confidence: input.confidence,
          });
    return {
      approved: verdict.decision === 'approve',
      escalation: verdict.decision === 'escalate',
      notes: verdict.reasons,
    };
  }

  /** Audits a worker's move; the trace has the run itself. */
  private audit(
    actor: Actor,
    action: string,
    taskId: string,
    before: Record<string, unknown>,
    after: Record<string, unknown>,
  ): Promise<void> {
    return this.deps.store.audit.write({
      actor: actorLabel(actor),
      tenant_id: actor.tenantId,
      action,
      subject_type: 'task',
      subject_id: taskId,
      detail: { before, after },
    });
  }

  private async task(actor: Actor, taskId: string): Promise<Task> {
    return found(await this.deps.store.tenantViews.getTask(actor.tenantId, taskId), 'task', taskId);
  }
}

function workerIdOf(actor: Actor): string {
  return `external:${actor.id}`;
}

function knownCode(code: string): ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code)
    ? (code as ErrorCode)
    : 'SKILL_PERMANENT';
}
