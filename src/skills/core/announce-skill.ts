// core.announce: prepares an announcement. Its effect, an outbox record, runs only on approval.

import { z } from 'zod';
import { defineSkill } from '../skill.js';

export const announceSkill = defineSkill({
  name: 'core.announce',
  specId: 'SK-CORE-003',
  description: 'Prepares an announcement; approval records it in the outbox once.',
  inputSchema: z.object({ text: z.string().min(1), channel: z.string().default('outbox') }),
  outputSchema: z.object({ channel: z.string(), message: z.string().min(1) }),
  effect: {
    kind: 'announcement',
    payload: (output) => ({ channel: output.channel, message: output.message }),
  },
  examples: [
    {
      input: { text: 'Drop at noon' },
      output: { channel: 'outbox', message: '[ava] Drop at noon' },
    },
  ],
  publicText: (output) => output.message,
  async run(input, context) {
    return {
      output: { channel: input.channel, message: `[${context.agentId}] ${input.text}` },
      confidence: 0.95,
    };
  },
});
