// Reviews: the queue (viewer), and a person's decision (reviewer): approve (one, or a batch all
// or none), reject with a reason, or edit-and-approve, where the reviewer's changes replace fields
// of the output, the Judge's policies rule on the edited output again (confidence aside: a person
// wrote it), and the edit is recorded in the trace and the audit log.

import { type Actor, actorLabel } from '../domain/actor.js';
import { ChimeraError, InputError } from '../domain/errors.js';
import type { Review } from '../domain/review.js';
import type { Task } from '../domain/task.js';
import type { ReviewItem } from '../store/store.js';
import type { RecordedDecision } from '../swarm/review-desk.js';
import { found, requireRole } from './access-check.js';
import type { ServiceDependencies } from './service-dependencies.js';

/** What an edit-and-approve did. */
export interface EditedApproval {
  task: Task;
  /** The policies' verdict on the edited output ('escalate' reasons are kept for the record). */
  verdict: { decision: 'approve' | 'escalate'; reasons: string[] };
}

/** One review of a batch approval and its task after the approval. */
export interface BatchApproved {
  review_id: string;
  task: Task;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The most reviews one batch approval takes. */
export const MAX_BATCH_APPROVAL = 100;

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

  /**
   * Approves every review of `ids` in one transaction, or none of them. A review that is not in
   * the caller's tenant (STORE_NOT_FOUND) or no longer pending (REVIEW_ALREADY_DECIDED) refuses
   * the whole batch, and the error names it (`review_ids.<index>` and its id). Each approval takes
   * the single approval's path inside the batch's transaction: its effect is recorded under the
   * task's idempotency key, and it writes its trace and its own audit row.
   */
  async approveAll(actor: Actor, ids: readonly string[]): Promise<BatchApproved[]> {
    requireRole(actor, 'reviewer', 'deciding a review');
    const first = positionsOf(ids);
    const reviewer = actorLabel(actor);
    return this.deps.store.transaction(async (tx) => {
      // Every id is checked before anything is decided, so a bad one is named as such.
      for (const [index, id] of ids.entries()) {
        const review = await tx.tenantViews.getReview(actor.tenantId, id);
        if (!review) {
          throw batchRefusal('STORE_NOT_FOUND', index, `no review '${id}'`);
        }
        if (review.status !== 'pending') {
          throw batchRefusal(
            'REVIEW_ALREADY_DECIDED',
            index,
            `review '${id}' was already ${review.status}`,
          );
        }
      }
      // Every review is recorded before any is applied, in id order: two batches (or a batch and
      // a single decision) sharing reviews or campaigns take their locks in one order.
      const order = [...ids].sort();
      const refused = (id: string, error: unknown) => {
        // Decided by someone else since the check, or its task moved: the batch rolls back.
        if (!(error instanceof ChimeraError)) return error;
        const index = first.get(id) ?? 0;
        return batchRefusal(error.code, index, `review '${id}': ${error.message}`, error);
      };
      const recorded = new Map<string, RecordedDecision>();
      for (const id of order) {
        recorded.set(
          id,
          await this.deps.reviewDesk.recordApproval(tx, id, reviewer).catch((error: unknown) => {
            throw refused(id, error);
          }),
        );
      }
      const tasks = new Map<string, Task>();
      for (const id of order) {
        const options = { tenantId: actor.tenantId, batchSize: ids.length };
        tasks.set(
          id,
          await this.deps.reviewDesk
            .applyApproval(tx, recorded.get(id) as RecordedDecision, reviewer, options)
            .catch((error: unknown) => {
              throw refused(id, error);
            }),
        );
      }
      return ids.map((id) => ({ review_id: id, task: tasks.get(id) as Task }));
    });
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

/** Each id's place in a batch; refuses a batch that is empty, too long, or lists an id twice. */
function positionsOf(ids: readonly string[]): Map<string, number> {
  if (ids.length === 0 || ids.length > MAX_BATCH_APPROVAL) {
    throw new InputError(`review_ids: list 1 to ${MAX_BATCH_APPROVAL} reviews; got ${ids.length}`);
  }
  const positions = new Map<string, number>();
  for (const [index, id] of ids.entries()) {
    if (!UUID.test(id)) {
      throw new InputError(`review_ids.${index}: '${id}' is not a review id (a UUID)`);
    }
    const earlier = positions.get(id);
    if (earlier !== undefined) {
      throw new InputError(
        `review_ids.${index}: review '${id}' is listed twice (also at ${earlier}); list each once`,
      );
    }
    positions.set(id, index);
  }
  return positions;
}

/** The error that refuses a whole batch: `problem` of the review at `index`; nothing changed. */
function batchRefusal(
  code: ChimeraError['code'],
  index: number,
  problem: string,
  cause?: ChimeraError,
): ChimeraError {
  return new ChimeraError(code, `review_ids.${index}: ${problem}; nothing was approved`, {
    cause,
    context: { ...cause?.context, field: `review_ids.${index}` },
    retryable: cause?.retryable ?? false,
  });
}
