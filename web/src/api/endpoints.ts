// The public /api/v1 routes the dashboard calls, one function each, typed by the wire schemas.

import { request } from './client';
import type { Fleet, Post, ReviewItem, Session, Task } from './wire-types';

const id = (value: string) => encodeURIComponent(value);

export const api = {
  session: () => request<Session>('GET', '/api/v1/session'),
  /** Pending reviews, oldest first. */
  pendingReviews: (limit = 500) =>
    request<{ reviews: ReviewItem[] }>('GET', `/api/v1/reviews?status=pending&limit=${limit}`),
  review: (reviewId: string) => request<ReviewItem>('GET', `/api/v1/reviews/${id(reviewId)}`),
  approveReview: (reviewId: string) =>
    request<{ task: Task }>('POST', `/api/v1/reviews/${id(reviewId)}/approve`),
  rejectReview: (reviewId: string, reason: string) =>
    request<{ task: Task }>('POST', `/api/v1/reviews/${id(reviewId)}/reject`, { reason }),
  fleet: () => request<Fleet>('GET', '/api/v1/fleet'),
  setAgentFrozen: (agentId: string, frozen: boolean) =>
    request<unknown>('POST', `/api/v1/agents/${id(agentId)}/${frozen ? 'freeze' : 'unfreeze'}`),
  /** The tenant-wide kill switch; answers the agents it changed. */
  setFleetFrozen: (frozen: boolean) =>
    request<{ agents: string[] }>('POST', `/api/v1/fleet/${frozen ? 'freeze' : 'unfreeze'}`),
  posts: (limit = 100) => request<{ posts: Post[] }>('GET', `/api/v1/posts?limit=${limit}`),
};
