// The pending reviews, kept live for the whole app (the inbox and the header's count): read from
// GET /api/v1/reviews, a card added on 'review-opened' and removed on 'review-decided'. A list
// read that started before a live change never undoes it.

import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client';
import { api } from '../api/endpoints';
import type { ReviewItem } from '../api/wire-types';
import { useLiveEvent } from '../live/live-events';

export interface ReviewQueue {
  items: ReviewItem[];
  loaded: boolean;
  error: string | null;
  /** Takes a decided review off the list at once (the live event confirms it later). */
  remove(reviewId: string): void;
  refresh(): void;
}

const byCreation = (a: ReviewItem, b: ReviewItem) =>
  a.review.created_at.localeCompare(b.review.created_at);

export function useReviewQueue(): ReviewQueue {
  const [items, setItems] = useState<ReviewItem[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Reviews known decided: never shown again. */
  const decided = useRef(new Set<string>());
  /** Counts live additions, so a list read keeps those made while it was on its way. */
  const changes = useRef(0);
  const addedAt = useRef(new Map<string, number>());
  const reads = useRef(0);

  const refresh = useCallback(() => {
    const read = ++reads.current;
    const since = changes.current;
    api.pendingReviews().then(
      ({ reviews }) => {
        if (read !== reads.current) return;
        setItems((current) => {
          const listed = new Set(reviews.map((item) => item.review.id));
          const newer = current.filter(
            (item) =>
              !listed.has(item.review.id) && (addedAt.current.get(item.review.id) ?? 0) > since,
          );
          return [...reviews, ...newer]
            .filter((item) => !decided.current.has(item.review.id))
            .sort(byCreation);
        });
        setLoaded(true);
        setError(null);
      },
      (failure: unknown) => {
        if (read === reads.current) setError(errorMessage(failure));
      },
    );
  }, []);

  const remove = useCallback((reviewId: string) => {
    decided.current.add(reviewId);
    setItems((current) => current.filter((item) => item.review.id !== reviewId));
  }, []);

  useEffect(() => refresh(), [refresh]);
  useLiveEvent(['connected'], refresh);
  useLiveEvent(['review-decided'], (event) => remove(String(event.data.review_id)));
  useLiveEvent(['review-opened'], (event) => {
    const reviewId = String(event.data.review_id);
    api.review(reviewId).then(
      (item) => {
        if (item.review.status !== 'pending' || decided.current.has(reviewId)) return;
        addedAt.current.set(reviewId, ++changes.current);
        setItems((current) =>
          current.some((each) => each.review.id === reviewId)
            ? current
            : [...current, item].sort(byCreation),
        );
      },
      () => refresh(),
    );
  });

  return { items, loaded, error, remove, refresh };
}
