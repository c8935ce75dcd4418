// One step of the trace: what happened, to which task, under which spec, how long it took.

import { z } from 'zod';

/** Event kinds, noun-then-verb. */
export const TraceKind = z.enum([
  'task-create',
  'task-enqueue',
  'task-start',
  'task-hold',
  'skill-run',
  'task-judge',
  'task-review',
  'task-retry',
  'task-replan',
  'task-end',
  'effect-apply',
  'effect-perform',
  'run-start',
  'run-end',
  'campaign-end',
  'tool-call',
  'resource-read',
  'memory-recall',
  'handshake-move',
]);
export type TraceKind = z.infer<typeof TraceKind>;

/** A trace event as written. `duration_ms` is wall time of the step, when it has one. */
export const TraceEvent = z.object({
  kind: TraceKind,
  spec_id: z.string(),
  campaign_id: z.string().uuid().nullable(),
  task_id: z.string().uuid().nullable(),
  agent_id: z.string().nullable(),
  attempt: z.number().int().nonnegative().nullable(),
  duration_ms: z.number().nonnegative().nullable(),
  outcome: z.string(),
  detail: z.record(z.string(), z.unknown()).default({}),
});
export type TraceEvent = z.infer<typeof TraceEvent>;
