// Human review: list what waits for a person, and apply a person's decision. Approval runs the
// same commit as a Judge approval (effect included); rejection hands the task back to the Planner
// with the reviewer's reason as feedback. Each decision is one transaction and is audited.

import { ChimeraError } from '../domain/errors.js';
import type { Review } from '../domain/review.js';
import type { Task } from '../domain/task.js';
import type { TraceEvent } from '../domain/trace-event.js';
import type { SkillRegistry } from '../skills/skill-registry.js';
import type { ResultRecord, Store } from '../store/store.js';
import { commitApproval } from './approval.js';
import { wakePlanner } from './dispatch.js';
import { taskEvent } from './trace.js';

/** A pending review with what a reviewer needs to decide. */
export interface ReviewItem {
  review: Review;
  task: Task;
  result: ResultRecord | undefined;
}

export class ReviewDesk {
  constructor(private readonly options: { store: Store; skills: SkillRegistry }) {}

  /** Pending reviews, oldest first, with their task and the result under review. */
  async listPending(): Promise<ReviewItem[]> {
    const { store } = this.options;
    const reviews = await store.reviews.listPending();
    return Promise.all(
      reviews.map(async (review) => ({
        review,
        task: (await store.tasks.get(review.task_id)) as Task,
        result: await store.results.latest(review.task_id),
      })),
    );
  }

  /** Approves a pending review: the task's effect runs once and the DAG resumes. */
  approve(reviewId: string, reviewer: string): Promise<Task> {
    return this.decide(reviewId, reviewer, 'approved', null);
  }

  /** Rejects a pending review; the Planner retries the task with `reason` or fails it. */
  async reject(reviewId: string, reviewer: string, reason: string): Promise<Task> {
    if (reason.trim().length === 0) {
      throw new ChimeraError('INPUT_INVALID', 'reason: give the reason for the rejection');
    }
    return this.decide(reviewId, reviewer, 'rejected', reason);
  }

  private async decide(
    reviewId: string,
    reviewer: string,
    status: 'approved' | 'rejected',
    reason: string | null,
  ): Promise<Task> {
    const { store, skills } = this.options;
    return store.transaction(async (tx) => {
      const existing = await tx.reviews.get(reviewId);
      if (!existing) {
        throw new ChimeraError(
          'STORE_NOT_FOUND',
          `no review '${reviewId}'; see 'chimera review list' for pending ids`,
        );
      }
      const review = await tx.reviews.decide(reviewId, { status, by: reviewer, reason });
      const task = (await tx.tasks.get(review.task_id)) as Task;
      const events: TraceEvent[] = [
        taskEvent(task, 'task-review', status, {
          detail: { review: reviewId, by: reviewer, reason },
        }),
      ];
      let next: Task;
      if (status === 'approved') {
        // The approval commit writes the events with the task, effect and trace of the approval.
        next = (await commitApproval(tx, task, skills.get(task.type), task.output, { events }))
          .task;
      } else {
        next = await tx.tasks.transition(task, 'reject', {
          feedback: [`reviewer ${reviewer}: ${reason}`],
        });
        await tx.traces.write(events);
      }
      await tx.audit.write({
        actor: reviewer,
        action: `review.${status === 'approved' ? 'approve' : 'reject'}`,
        subject_type: 'review',
        subject_id: reviewId,
        detail: { task_id: task.id, reason },
      });
      await wakePlanner(tx, task.campaign_id);
      return next;
    });
  }
}
