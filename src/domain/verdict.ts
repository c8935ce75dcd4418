// The Judge's decision on a result. Only `approve` authorizes a side effect.

import { z } from 'zod';

/** approve → effect may run; escalate → a human decides; reject → retry or re-plan. */
export const VerdictDecision = z.enum(['approve', 'escalate', 'reject']);
export type VerdictDecision = z.infer<typeof VerdictDecision>;

/** A verdict, with every reason that shaped it. */
export const Verdict = z.object({
  decision: VerdictDecision,
  confidence: z.number().min(0).max(1),
  reasons: z.array(z.string()),
  judged_at: z.coerce.date(),
});
export type Verdict = z.infer<typeof Verdict>;
