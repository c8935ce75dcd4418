// The review decisions of /api/v1 beyond a single approve or reject (endpoints.ts): approving with
// an edit, and approving several reviews at once, all or none.

import { request } from './client';
import type { Task } from './wire-types';

const id = (value: string) => encodeURIComponent(value);

/** The content policies' verdict on an edit ('escalate' reasons are kept for the record). */
export interface EditVerdict {
  decision: 'approve' | 'escalate';
  reasons: string[];
}

/** The most reviews one batch approval takes (the route's limit). */
export const MAX_BATCH = 100;

export const reviewApi = {
  /** Approves with `changes` replacing top-level fields of the output; the policies judge it. */
  editAndApprove: (reviewId: string, changes: Record<string, unknown>) =>
    request<{ task: Task; verdict: EditVerdict }>(
      'POST',
      `/api/v1/reviews/${id(reviewId)}/edit-and-approve`,
      { changes },
    ),
  /**
   * Approves every review of `reviewIds` in one transaction, or none: a 404 or 409 names the
   * culprit in its field (`review_ids.<index>`).
   */
  approveAll: (reviewIds: readonly string[]) =>
    request<{ approved: Array<{ review_id: string; task: Task }> }>(
      'POST',
      '/api/v1/reviews/approve',
      { review_ids: reviewIds },
    ),
};
