// A human review of an escalated result. Its decision resumes the DAG.

import { z } from 'zod';

/** Review lifecycle: pending until a person approves or rejects it. */
export const ReviewStatus = z.enum(['pending', 'approved', 'rejected']);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

/** A stored review. `reasons` are the Judge's; `decision_reason` is the reviewer's. */
export const Review = z.object({
  id: z.string().uuid(),
  task_id: z.string().uuid(),
  attempt: z.number().int().positive(),
  kind: z.enum(['content']).default('content'),
  status: ReviewStatus,
  reasons: z.array(z.string()),
  decided_by: z.string().nullable(),
  decision_reason: z.string().nullable(),
  created_at: z.coerce.date(),
  decided_at: z.coerce.date().nullable(),
});
export type Review = z.infer<typeof Review>;
