// Human review: list what waits for a person, and apply a person's decision. On content, approval
// runs the same commit as a Judge approval (effect included) and rejection hands the task back to
// the Planner with the reviewer's reason as feedback. On a spend the CFO escalated, the decision
// is signed into the ledger: approval resumes the waiting task, rejection fails it for good. Each
// decision is one transaction and is audited; a batch approval runs the same two steps (record the
// decision on the review, then apply it) for every review inside one transaction of its own.

import type { Cfo } from '../commerce/cfo.js';
import { ChimeraError, InputError } from '../domain/errors.js';
import type { Review } from '../domain/review.js';
import type { Task } from '../domain/task.js';
import type { TraceEvent } from '../domain/trace-event.js';
import type { SkillRegistry } from '../skills/skill-registry.js';
import type { ReviewItem, Store } from '../store/store.js';
import { commitApproval } from './approval.js';
import { dispatchTask, wakePlanner } from './dispatch.js';
import { taskEvent } from './trace.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A review whose decision is recorded (its row stays locked until the transaction ends). */
export interface RecordedDecision {
  /** The review as it was, pending. */
  pending: Review;
  /** The review as decided. */
  decided: Review;
}

/** What applying a decision is told besides the review. */
interface DecisionOptions {
  /** The tenant, for the audit row. */
  tenantId?: string | undefined;
  /** A reviewer's edit of the output (content approvals only). */
  edit?: { output: unknown; summary: Record<string, unknown> };
  /** The number of reviews approved with this one in one transaction, for the audit row. */
  batchSize?: number;
}

export class ReviewDesk {
  constructor(
    private readonly options: { store: Store; skills: SkillRegistry; cfo: () => Promise<Cfo> },
  ) {}

  /** Pending reviews, oldest first, with their task and the result under review. */
  async listPending(): Promise<ReviewItem[]> {
    const { store } = this.options;
    const reviews = await store.reviews.listPending();
    return Promise.all(
      reviews.map(async (review) => ({
        review,
        task: (await store.tasks.get(review.task_id)) as Task,
        result: await store.results.latest(review.task_id),
        ...(review.spend_request_id && {
          spend: await store.cfo.getRequest(review.spend_request_id),
        }),
      })),
    );
  }

  /**
   * Approves a pending review. Content: the task's effect runs once and the DAG resumes. Spend:
   * the task runs again with the spend approved.
   */
  approve(reviewId: string, reviewer: string, tenantId?: string): Promise<Task> {
    return this.decide(reviewId, reviewer, 'approved', null, { tenantId });
  }

  /**
   * Step one of a batch approval inside `tx`, the caller's transaction: records the approval on
   * the review, whose row stays locked until `tx` ends. Recording every review of a batch before
   * applying any (and in one order, by id) keeps two batches, or a batch and a single decision,
   * from waiting on each other. Throws STORE_NOT_FOUND or REVIEW_ALREADY_DECIDED.
   */
  recordApproval(tx: Store, reviewId: string, reviewer: string): Promise<RecordedDecision> {
    return this.record(tx, reviewId, reviewer, 'approved', null);
  }

  /**
   * Step two: does what the recorded approval authorizes, exactly as `approve` does (the effect,
   * a spend's ledger entry and resumed task, the trace, the audit row, the Planner's wake-up).
   */
  applyApproval(
    tx: Store,
    recorded: RecordedDecision,
    reviewer: string,
    options: { tenantId?: string | undefined; batchSize?: number } = {},
  ): Promise<Task> {
    return this.apply(tx, recorded, reviewer, 'approved', null, options);
  }

  /**
   * Approves a pending content review with the reviewer's edit of the output, which replaces the
   * output before the effect runs. The caller has re-judged the edit; `edit` says what changed and
   * is recorded in the trace and the audit log.
   */
  approveEdited(
    reviewId: string,
    reviewer: string,
    edit: { output: unknown; summary: Record<string, unknown> },
    tenantId?: string,
  ): Promise<Task> {
    return this.decide(reviewId, reviewer, 'approved', null, { tenantId, edit });
  }

  /**
   * Rejects a pending review. Content: the Planner retries the task with `reason` or fails it.
   * Spend: the rejection is final; the task fails and the reservation is released.
   */
  async reject(
    reviewId: string,
    reviewer: string,
    reason: string,
    tenantId?: string,
  ): Promise<Task> {
    if (reason.trim().length === 0) {
      throw new ChimeraError('INPUT_INVALID', 'reason: give the reason for the rejection');
    }
    return this.decide(reviewId, reviewer, 'rejected', reason, { tenantId });
  }

  private decide(
    reviewId: string,
    reviewer: string,
    status: 'approved' | 'rejected',
    reason: string | null,
    options: DecisionOptions,
  ): Promise<Task> {
    return this.options.store.transaction(async (tx) => {
      const recorded = await this.record(tx, reviewId, reviewer, status, reason);
      return this.apply(tx, recorded, reviewer, status, reason, options);
    });
  }

  /** Records `status` on the pending review (a guarded update: two reviewers cannot both win). */
  private async record(
    tx: Store,
    reviewId: string,
    reviewer: string,
    status: 'approved' | 'rejected',
    reason: string | null,
  ): Promise<RecordedDecision> {
    if (!UUID.test(reviewId)) {
      throw new InputError(
        `review id: '${reviewId}' is not a review id (a UUID); see 'chimera review list' for pending ids`,
      );
    }
    const pending = await tx.reviews.get(reviewId);
    if (!pending) {
      throw new ChimeraError(
        'STORE_NOT_FOUND',
        `no review '${reviewId}'; see 'chimera review list' for pending ids`,
      );
    }
    const decided = await tx.reviews.decide(reviewId, { status, by: reviewer, reason });
    return { pending, decided };
  }

  /** Applies a recorded decision to its task: the approval commit, the spend, or the re-plan. */
  private async apply(
    tx: Store,
    recorded: RecordedDecision,
    reviewer: string,
    status: 'approved' | 'rejected',
    reason: string | null,
    options: DecisionOptions,
  ): Promise<Task> {
    const { skills } = this.options;
    const { edit } = options;
    const { pending: existing, decided: review } = recorded;
    const reviewId = review.id;
    const task = (await tx.tasks.get(review.task_id)) as Task;
    const events: TraceEvent[] = [
      taskEvent(task, 'task-review', status, {
        detail: { review: reviewId, by: reviewer, reason, ...(edit && { edit: edit.summary }) },
      }),
    ];
    if (edit && existing.kind !== 'content') {
      throw new InputError(`review ${reviewId} is a spend review; only content can be edited`);
    }
    let next: Task;
    if (existing.spend_request_id) {
      next = await this.decideSpend(tx, existing.spend_request_id, task, {
        approve: status === 'approved',
        reviewer,
        reason,
      });
      if (next.status === 'failed') {
        events.push(taskEvent(next, 'task-end', 'failed', { detail: { error: next.error_code } }));
      }
      await tx.traces.write(events);
    } else if (status === 'approved') {
      // The approval commit writes the events with the task, effect and trace of the approval.
      const output = edit ? edit.output : task.output;
      next = (await commitApproval(tx, task, skills.get(task.type), output, { events })).task;
    } else {
      next = await tx.tasks.transition(task, 'reject', {
        // The writer hears what the Judge flagged as well as what the person refused.
        feedback: [...task.feedback, ...existing.reasons, `reviewer ${reviewer}: ${reason}`],
      });
      await tx.traces.write(events);
    }
    await tx.audit.write({
      actor: reviewer,
      tenant_id: options.tenantId ?? null,
      action: `review.${status === 'approved' ? (edit ? 'edit_approve' : 'approve') : 'reject'}`,
      subject_type: 'review',
      subject_id: reviewId,
      detail: {
        task_id: task.id,
        reason,
        before: { status: 'pending', task_status: task.status },
        after: { status, task_status: next.status },
        ...(edit && { edit: edit.summary }),
        ...(options.batchSize !== undefined && { batch_size: options.batchSize }),
      },
    });
    await wakePlanner(tx, task.campaign_id);
    return next;
  }

  /** Signs a person's decision on a spend into the ledger, and resumes or fails its task. */
  private async decideSpend(
    tx: Store,
    spendRequestId: string,
    task: Task,
    verdict: { approve: boolean; reviewer: string; reason: string | null },
  ): Promise<Task> {
    await (await this.options.cfo()).decideEscalated(tx, spendRequestId, verdict);
    if (!verdict.approve) {
      return tx.tasks.transition(task, ['reject', 'fail'], {
        error_code: 'SPEND_REJECTED',
        feedback: [`reviewer ${verdict.reviewer} rejected the spend: ${verdict.reason}`],
      });
    }
    const next = await tx.tasks.transition(task, 'resume', { error_code: null, run_at: null });
    await dispatchTask(tx, next);
    return next;
  }
}
