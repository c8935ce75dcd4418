// Review queries. A decision is a guarded UPDATE from 'pending', so two reviewers cannot both win.

import type { Kysely } from 'kysely';
import { ChimeraError } from '../../domain/errors.js';
import type { Review } from '../../domain/review.js';
import type { NewReview, ReviewRepository } from '../store.js';
import { toReview } from './row-mappers.js';
import type { ChimeraSchema } from './schema.js';

export class PostgresReviewRepository implements ReviewRepository {
  constructor(private readonly db: Kysely<ChimeraSchema>) {}

  async open(review: NewReview): Promise<void> {
    await this.db
      .insertInto('reviews')
      .values({
        ...review,
        kind: review.kind ?? 'content',
        reasons: JSON.stringify(review.reasons),
        status: 'pending',
      })
      .execute();
  }

  async get(id: string): Promise<Review | undefined> {
    const row = await this.db
      .selectFrom('reviews')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toReview(row);
  }

  async listPending(): Promise<Review[]> {
    const rows = await this.db
      .selectFrom('reviews')
      .selectAll()
      .where('status', '=', 'pending')
      .orderBy('created_at')
      .execute();
    return rows.map(toReview);
  }

  async listApprovedContent(taskIds: readonly string[]): Promise<Review[]> {
    if (taskIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('reviews')
      .selectAll()
      .where('task_id', 'in', taskIds)
      .where('kind', '=', 'content')
      .where('status', '=', 'approved')
      .orderBy('decided_at', 'desc')
      .execute();
    return rows.map(toReview);
  }

  async decide(
    id: string,
    decision: { status: 'approved' | 'rejected'; by: string; reason: string | null },
  ): Promise<Review> {
    const row = await this.db
      .updateTable('reviews')
      .set({
        status: decision.status,
        decided_by: decision.by,
        decision_reason: decision.reason,
        decided_at: new Date(),
      })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .returningAll()
      .executeTakeFirst();
    if (!row) {
      throw new ChimeraError('REVIEW_ALREADY_DECIDED', `review ${id} is not pending any more`);
    }
    return toReview(row);
  }
}
