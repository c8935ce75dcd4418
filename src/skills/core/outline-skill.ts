// core.outline: turns a campaign goal into three to five talking points. Deterministic, offline.

import { z } from 'zod';
import { defineSkill } from '../skill.js';

const ANGLES = [
  'why it matters',
  'what is new',
  'how to take part',
  'what people say',
  'what next',
];

export const outlineSkill = defineSkill({
  name: 'core.outline',
  specId: 'SK-CORE-001',
  description: 'Turns a campaign goal into three to five talking points.',
  inputSchema: z.object({
    goal: z.string().min(3),
    points: z.number().int().min(3).max(5).default(3),
  }),
  outputSchema: z.object({ points: z.array(z.string().min(1)).min(3).max(5) }),
  examples: [
    {
      input: { goal: 'Tease the spring drop' },
      output: {
        points: [
          'Tease the spring drop: why it matters',
          'Tease the spring drop: what is new',
          'Tease the spring drop: how to take part',
        ],
      },
    },
  ],
  async run(input, context) {
    const subject = input.goal.replace(/[.!?]+$/, '').trim();
    const points = ANGLES.slice(0, input.points).map((angle) => `${subject}: ${angle}`);
    // Feedback from a rejected attempt narrows the outline to what the reviewer asked for.
    if (context.feedback.length > 0) points[0] = `${subject}: addressing "${context.feedback[0]}"`;
    return { output: { points }, confidence: 0.95 };
  },
});
