// Reviews: the queue (viewer), and a person's decision (reviewer): approve, reject with a reason,
// or edit-and-approve, where the reviewer's changes replace fields of the output, the Judge's
// policies rule on the edited output again (confidence aside: a person wrote it), and the edit
// is recorded in the trace and the audit log.

import { type Actor, actorLabel } from '../domain/actor.js';
import { InputError } from '../domain/errors.js';
import type { Review } from '../domain/review.js';
import type { Task } from '../domain/task.js';
import type { ReviewItem } from '../store/store.js';
import { found, requireRole } from './access-check.js';
import type { ServiceDependencies } from './service-dependencies.js';

/** What an edit-and-approve did. */
export interface EditedApproval {
  task: Task;
  /** The policies' verdict on the edited output ('escalate' reasons are kept for the record). */
  verdict: { decision: 'approve' | 'escalate'; reasons: string[] };
}

export class ReviewService {
  constructor(private readonly deps: ServiceDependencies) {}

  /** Reviews in the caller's tenant, oldest first, with their task, result and spend request. */
  async list(
    actor: Actor,
    filter: { status?: Review['status']; limit: number },
  ): Promise<ReviewItem[]> {
    return this.deps.store.tenantViews.listReviewItems(actor.tenantId, filter);
  }

  async show(actor: Actor, id: string): Promise<ReviewItem> {
    return this.item(actor, await this.review(actor, id));
  }

  async approve(actor: Actor, id: string): Promise<Task> {
    requireRole(actor, 'reviewer', 'deciding a review');
    await this.review(actor, id);
    return this.deps.reviewDesk.approve(id, actorLabel(actor), actor.tenantId);
  }

  async reject(actor: Actor, id: string, reason: string): Promise<Task> {
    requireRole(actor, 'reviewer', 'deciding a review');
    await this.review(actor, id);
    return this.deps.reviewDesk.reject(id, actorLabel(actor), reason, actor.tenantId);
  }

  /**
   * Approves with `changes` merged over the output's top-level fields. The edited output must fit
   * the skill's output schema and pass the content policies (a rejection refuses the edit and
   * names why); what the policies would still escalate is recorded, since a person approves it.
   */
  async editAndApprove(
    actor: Actor,
    id: string,
    changes: Record<string, unknown>,
  ): Promise<EditedApproval> {
    requireRole(actor, 'reviewer', 'deciding a review');
    const review = await this.review(actor, id);
    if (review.kind !== 'content') {
      throw new InputError(`changes: review ${id} is a spend review; only content can be edited`);
    }
    const { store, skills, judge } = this.deps;
    const task = found(await store.tenantViews.getTask(actor.tenantId, review.task_id), 'task', id);
    const skill = skills.get(task.type);
    const before = (task.output ?? {}) as Record<string, unknown>;
    for (const field of Object.keys(changes)) {
      if (!(field in before)) {
        throw new InputError(
          `changes.${field}: the output has no field '${field}'; editable fields: ${Object.keys(before).join(', ')}`,
        );
      }
    }
    const output = { ...before, ...changes };
    const verdict = await judge.judge({ task, skill, output, confidence: 1 });
    if (verdict.decision === 'reject') {
      throw new InputError(`changes: the edited output is refused: ${verdict.reasons.join('; ')}`);
    }
    const summary = {
      changed_fields: Object.keys(changes),
      before: skill.publicText?.(before) ?? null,
      after: skill.publicText?.(output) ?? null,
      verdict: verdict.decision,
      reasons: verdict.reasons,
    };
    const next = await this.deps.reviewDesk.approveEdited(
      id,
      actorLabel(actor),
      { output, summary },
      actor.tenantId,
    );
    return { task: next, verdict: { decision: verdict.decision, reasons: verdict.reasons } };
  }

  private async review(actor: Actor, id: string): Promise<Review> {
    return found(await this.deps.store.tenantViews.getReview(actor.tenantId, id), 'review', id);
  }

  private async item(actor: Actor, review: Review): Promise<ReviewItem> {
    const { store } = this.deps;
    const task = found(
      await store.tenantViews.getTask(actor.tenantId, review.task_id),
      'task',
      review.task_id,
    );
    return {
      review,
      task,
      result: await store.results.latest(review.task_id),
      ...(review.spend_request_id && {
        spend: await store.cfo.getRequest(review.spend_request_id),
      }),
    };
  }
}
