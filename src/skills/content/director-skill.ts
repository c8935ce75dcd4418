// director.create_brief: turns the best trend of a TrendReport (the next one, when told a draft
// repeats an earlier post) into a ContentBrief in the persona's voice, written by the configured language model, with its production cost
// estimated from the price table. It plans content; it produces and publishes nothing.

import { createHash } from 'node:crypto';
import { z } from 'zod';
import { OWN_REPEAT_REASON } from '../../domain/policies/own-repeats.js';
import { withContext } from '../../models/model-context.js';
import { productionCost, spokenSeconds, wordCount } from '../../models/price-table.js';
import { generateStructured } from '../../models/structured-generation.js';
import { defineSkill } from '../skill.js';
import { BriefDraft, ContentBrief } from './content-brief.js';
import { EXAMPLE_BRIEF, EXAMPLE_PERSONA, EXAMPLE_TREND_REPORT } from './contract-examples.js';
import { TrendReport } from './trend-report.js';

/** The persona fields the Director writes with (bound from the agent). */
export const BriefPersona = z.object({
  name: z.string().min(1),
  niche: z.string().min(1),
  voice_traits: z.array(z.string()).min(1),
  directives: z.array(z.string()).default([]),
  character_reference_id: z.string().min(1),
});

export const directorSkill = defineSkill({
  name: 'director.create_brief',
  specId: 'SK-DIRECTOR-001',
  description: 'Writes a content brief for the most relevant trend, in the persona voice.',
  inputSchema: z.object({
    report: TrendReport,
    persona: BriefPersona,
    format: z.enum(['text', 'image', 'video']).default('image'),
  }),
  outputSchema: ContentBrief,
  timeoutMs: 60_000,
  examples: [
    {
      input: { report: EXAMPLE_TREND_REPORT, persona: EXAMPLE_PERSONA, format: 'image' },
      output: EXAMPLE_BRIEF,
    },
  ],
  publicText: (brief) => [brief.caption, brief.script ?? '', brief.hashtags.join(' ')].join('\n'),
  async run(input, context) {
    // Told that a draft repeats an earlier post, write about the report's next trend instead.
    const repeats = context.feedback.filter((line) => line.includes(OWN_REPEAT_REASON)).length;
    const trends = input.report.trends;
    const trend = trends[repeats % trends.length] as (typeof trends)[number];
    const { persona, format } = input;
    const prompt = withContext(
      [
        `You are ${persona.name}, a creator in ${persona.niche}. Voice: ${persona.voice_traits.join(', ')}.`,
        `Follow these directives: ${persona.directives.join(' ')}`,
        `Write a ${format} post brief about this trend: "${trend.headline}" (topic: ${trend.topic}).`,
        'Answer with a caption, one to ten hashtags and visual prompts; a video brief also needs a 100–500 word script.',
        ...(context.feedback.length > 0
          ? [`A reviewer rejected the last draft: ${context.feedback.join(' ')}`]
          : []),
      ].join('\n'),
      { task: 'content_brief', persona, trend, format, feedback: context.feedback },
    );
    const { value } = await generateStructured(context.model, {
      purpose: 'director brief',
      prompt,
      schema: BriefDraft,
      signal: context.signal,
    });
    const brief = {
      ...value,
      visual_prompts: value.visual_prompts,
      brief_id: `brief-${createHash('sha256').update(`${context.taskId}:${context.attempt}`).digest('hex').slice(0, 12)}`,
      trend_id: trend.trend_id,
      format,
      character_reference_id: persona.character_reference_id,
      estimated_cost: productionCost(
        format,
        format === 'video' ? spokenSeconds(wordCount(value.script ?? '')) : 0,
      ),
    };
    return { output: brief, confidence: 0.93 };
  },
});
