// What a worker hands the Judge: the skill's output and its own confidence in it.

import { z } from 'zod';

/** The result of one attempt of one task. */
export const TaskResult = z.object({
  task_id: z.string().uuid(),
  attempt: z.number().int().positive(),
  output: z.unknown(),
  confidence: z.number().min(0).max(1),
  error_code: z.string().optional(),
});
export type TaskResult = z.infer<typeof TaskResult>;
