// How the dashboard words a task state and which tone it wears. The word is always shown; the
// tone (colour and border style) only repeats it, so nothing relies on colour alone.

import { TASK_STATUSES } from '../../../src/domain/task-status.js';
import type { TaskStatus } from '../api/campaign-endpoints';
import '../styles/tasks.css';

/** The states in lifecycle order, for counts and legends: the server's own list. */
export const TASK_STATUS_ORDER: readonly TaskStatus[] = TASK_STATUSES;

/** A family of states drawn alike: waiting, working, needs a person, succeeded, failed, stopped. */
export type StatusTone = 'waiting' | 'working' | 'person' | 'good' | 'bad' | 'stopped';

const TONES: Record<TaskStatus, StatusTone> = {
  pending: 'waiting',
  queued: 'waiting',
  running: 'working',
  judging: 'working',
  awaiting_review: 'person',
  approved: 'good',
  done: 'good',
  rejected: 'bad',
  failed: 'bad',
  cancelled: 'stopped',
};

/** "awaiting review" for `awaiting_review`. */
export function statusLabel(status: string): string {
  return status.replaceAll('_', ' ');
}

export function statusTone(status: TaskStatus): StatusTone {
  return TONES[status] ?? 'waiting';
}
