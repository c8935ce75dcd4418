// core.noop: does nothing and reports the confidence it is given. For benchmarks and for
// exercising the Judge's thresholds end to end.

import { z } from 'zod';
import { defineSkill } from '../skill.js';

export const noopSkill = defineSkill({
  name: 'core.noop',
  specId: 'SK-CORE-004',
  description: 'Does nothing; reports the confidence it is given (default 1).',
  inputSchema: z.object({ confidence: z.number().min(0).max(1).default(1) }),
  outputSchema: z.object({ ok: z.literal(true) }),
  examples: [{ input: { confidence: 0.95 }, output: { ok: true } }],
  async run(input) {
    return { output: { ok: true as const }, confidence: input.confidence };
  },
});
