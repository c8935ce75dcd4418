// core.compose: writes a short post from talking points. Confidence reflects length limits.

import { z } from 'zod';
import { defineSkill } from '../skill.js';

const MAX_LENGTH = 600;

export const composeSkill = defineSkill({
  name: 'core.compose',
  specId: 'SK-CORE-002',
  description: 'Writes a short post from talking points.',
  inputSchema: z.object({
    points: z.array(z.string().min(1)).min(1),
    signoff: z.string().max(80).default(''),
  }),
  outputSchema: z.object({ text: z.string().min(20).max(MAX_LENGTH) }),
  examples: [
    {
      input: { points: ['one thing', 'another thing'] },
      output: { text: '• one thing\n• another thing' },
    },
  ],
  publicText: (output) => output.text,
  async run(input) {
    const body = input.points.map((point) => `• ${point}`).join('\n');
    const draft = [body, input.signoff].filter(Boolean).join('\n\n');
    const text = draft.length > MAX_LENGTH ? `${draft.slice(0, MAX_LENGTH - 1)}…` : draft;
    // A truncated draft is still usable but a person should look at it.
    return { output: { text }, confidence: draft.length > MAX_LENGTH ? 0.8 : 0.93 };
  },
});
