// /api/v1/reviews: the queue, and a person's decision: approve (one, or several all or none),
// reject with a reason, or edit-and-approve.

import { z } from 'zod';
import { MAX_BATCH_APPROVAL } from '../../services/review-service.js';
import type { ReviewItem } from '../../store/store.js';
import { defineRoute } from '../route-spec.js';
import { ReviewItemWire, TaskWire } from '../wire-schemas.js';
import {
  EXAMPLE_REVIEW_ID,
  EXAMPLE_SECOND_REVIEW_ID,
  EXAMPLE_SECOND_TASK_ID,
  exampleReviewItem,
  exampleTask,
} from './route-examples.js';

const ReviewParams = z.object({ id: z.string().uuid() });
const doneTask = { ...exampleTask, status: 'done' };

/** Review ids, each listed once. */
const ReviewIds = z
  .array(z.string().uuid())
  .min(1, 'list at least one review')
  .max(MAX_BATCH_APPROVAL, `list at most ${MAX_BATCH_APPROVAL} reviews`)
  .superRefine((ids, context) => {
    const seen = new Set<string>();
    for (const [index, id] of ids.entries()) {
      if (seen.has(id)) {
        context.addIssue({ code: 'custom', path: [index], message: `'${id}' is listed twice` });
      }
      seen.add(id);
    }
  });

/**
 * A review item on the wire: no spend is null rather than absent, and a spend carries only what
 * SpendWire declares (the stored request also holds budget units as bigint, which JSON cannot).
 */
function wire(item: ReviewItem) {
  const { spend } = item;
  return {
    ...item,
    result: item.result ?? null,
    spend: spend
      ? {
          request_id: spend.request_id,
          agent_id: spend.agent_id,
          request_type: spend.request_type,
          amount: spend.amount,
          currency: spend.currency,
          status: spend.status,
          decision: {
            decision: spend.decision.decision,
            reasons: spend.decision.reasons,
            risk_score: spend.decision.risk_score,
            ...(spend.decision.roi !== undefined && { roi: spend.decision.roi }),
          },
        }
      : null,
  };
}

export const reviewRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/reviews',
    operationId: 'listReviews',
    summary: 'List reviews (pending by default), oldest first, with task, result and spend',
    tag: 'reviews',
    role: 'viewer',
    query: z.object({
      status: z.enum(['pending', 'approved', 'rejected']).default('pending'),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
    }),
    response: z.object({ reviews: z.array(ReviewItemWire) }),
    example: { response: { reviews: [exampleReviewItem] } },
    handler: async ({ services, actor, query }) => ({
      reviews: (await services.reviews.list(actor, query)).map(wire),
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/reviews/:id',
    operationId: 'showReview',
    summary: 'Show one review with its task, result and spend',
    tag: 'reviews',
    role: 'viewer',
    params: ReviewParams,
    response: ReviewItemWire,
    example: { response: exampleReviewItem },
    handler: async ({ services, actor, params }) =>
      wire(await services.reviews.show(actor, params.id)),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/reviews/:id/approve',
    operationId: 'approveReview',
    summary: 'Approve: the effect runs once and the campaign resumes',
    tag: 'reviews',
    role: 'reviewer',
    params: ReviewParams,
    response: z.object({ task: TaskWire }),
    example: { response: { task: doneTask } },
    handler: async ({ services, actor, params }) => ({
      task: await services.reviews.approve(actor, params.id),
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/reviews/:id/reject',
    operationId: 'rejectReview',
    summary: 'Reject with a reason the agent gets as feedback; the task is re-planned or fails',
    tag: 'reviews',
    role: 'reviewer',
    params: ReviewParams,
    body: z.object({ reason: z.string().trim().min(1, 'give the reason').max(2000) }),
    response: z.object({ task: TaskWire }),
    example: {
      body: { reason: 'no medical claims; say "may help"' },
      response: { task: { ...exampleTask, status: 'rejected' } },
    },
    handler: async ({ services, actor, params, body }) => ({
      task: await services.reviews.reject(actor, params.id, body.reason),
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/reviews/:id/edit-and-approve',
    operationId: 'editAndApproveReview',
    summary:
      'Approve with your edit: `changes` replace fields of the output, the content policies judge it again (confidence aside), and the edit is recorded',
    tag: 'reviews',
    role: 'reviewer',
    params: ReviewParams,
    body: z.object({
      changes: z
        .record(z.string(), z.unknown())
        .refine((changes) => Object.keys(changes).length > 0, 'change at least one field'),
    }),
    response: z.object({
      task: TaskWire,
      verdict: z.object({
        decision: z.enum(['approve', 'escalate']),
        reasons: z.array(z.string()),
      }),
    }),
    example: {
      body: { changes: { caption: 'Three breathing habits that may help calmer mornings' } },
      response: { task: doneTask, verdict: { decision: 'approve', reasons: [] } },
    },
    handler: ({ services, actor, params, body }) =>
      services.reviews.editAndApprove(actor, params.id, body.changes),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/reviews/approve',
    operationId: 'approveReviews',
    summary:
      'Approve several reviews in one transaction, all or none: one missing (404) or already decided (409) refuses the batch, and the problem names it',
    tag: 'reviews',
    role: 'reviewer',
    body: z.object({ review_ids: ReviewIds }),
    response: z.object({
      approved: z.array(z.object({ review_id: z.string().uuid(), task: TaskWire })),
    }),
    example: {
      body: { review_ids: [EXAMPLE_REVIEW_ID, EXAMPLE_SECOND_REVIEW_ID] },
      response: {
        approved: [
          { review_id: EXAMPLE_REVIEW_ID, task: doneTask },
          {
            review_id: EXAMPLE_SECOND_REVIEW_ID,
            task: { ...doneTask, id: EXAMPLE_SECOND_TASK_ID, step_key: 'caption' },
          },
        ],
      },
    },
    handler: async ({ services, actor, body }) => ({
      approved: await services.reviews.approveAll(actor, body.review_ids),
    }),
  }),
];
