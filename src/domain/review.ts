// A human review of an escalated result (kind 'content') or of a spend the CFO escalated (kind
// 'spend', naming its spend request). Its decision resumes the DAG.

import { z } from 'zod';

/** Review lifecycle: pending until a person approves or rejects it. */
export const ReviewStatus = z.enum(['pending', 'approved', 'rejected']);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

/** What a person is asked to decide: a result to publish, or a spend over the CFO's thresholds. */
export const ReviewKind = z.enum(['content', 'spend']);
export type ReviewKind = z.infer<typeof ReviewKind>;

/** A stored review. `reasons` are the Judge's; `decision_reason` is the reviewer's. */
export const Review = z.object({
  id: z.string().uuid(),
  task_id: z.string().uuid(),
  attempt: z.number().int().positive(),
  kind: ReviewKind,
  status: ReviewStatus,
  reasons: z.array(z.string()),
  decided_by: z.string().nullable(),
  decision_reason: z.string().nullable(),
  /** For a spend review: the spend request waiting for the person. */
  spend_request_id: z.string().nullable(),
  created_at: z.coerce.date(),
  decided_at: z.coerce.date().nullable(),
});
export type Review = z.infer<typeof Review>;
