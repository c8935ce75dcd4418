// core.delay: waits a given time, then succeeds. Stands in for slow work (a media render, a
// model call) in demos and in the crash test; it honours the abort signal.

import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { defineSkill } from '../skill.js';

export const delaySkill = defineSkill({
  name: 'core.delay',
  specId: 'SK-CORE-005',
  description: 'Waits `ms` milliseconds, then reports success.',
  inputSchema: z.object({ ms: z.number().int().min(0).max(60_000) }),
  outputSchema: z.object({ waited_ms: z.number().int().nonnegative() }),
  examples: [{ input: { ms: 100 }, output: { waited_ms: 100 } }],
  async run(input, context) {
    await sleep(input.ms, undefined, { signal: context.signal });
    return { output: { waited_ms: input.ms }, confidence: 0.95 };
  },
});
