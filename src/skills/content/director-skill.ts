// director.create_brief: turns the best trend of a TrendReport (the next one when a draft repeats
// an earlier post or its flagged claim is the headline) into a ContentBrief in the persona's voice,
// with the agent's five most relevant memories in context, written by the configured model,
// costed from the price table. It produces and publishes nothing.

import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { RecalledMemory } from '../../domain/memory.js';
import { readFeedbackReasons } from '../../domain/policies/feedback-reasons.js';
import { mentionsAny } from '../../domain/policies/phrase-match.js';
import { StrategyChoice } from '../../domain/strategy/strategy-choices.js';
import { driftedTrendIds } from '../../domain/trend-drift.js';
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
    /** The agent's strategy for this post (bound with `{"$from": "strategy"}`): angle and hook. */
    strategy: StrategyChoice.optional(),
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
    const trend = chooseTrend(input.report.trends, context.feedback);
    const { persona, format, strategy } = input;
    // Who you are (the persona), then what you remember: kept apart in the prompt.
    const remembered = await context.memory.recall(`${trend.headline} (topic: ${trend.topic})`);
    const prompt = withContext(
      [
        `You are ${persona.name}, a creator in ${persona.niche}. Voice: ${persona.voice_traits.join(', ')}.`,
        `Follow these directives: ${persona.directives.join(' ')}`,
        ...rememberedLines(remembered),
        `Write a ${format} post brief about this trend: "${trend.headline}" (topic: ${trend.topic}).`,
        ...(strategy
          ? [`Take a ${strategy.topic} angle and open with a ${strategy.hook} hook.`]
          : []),
        'Answer with a caption, one to ten hashtags and visual prompts; a video brief also needs a 100–500 word script.',
        ...(context.feedback.length > 0
          ? [
              `The last draft was turned back (by the Judge's checks or a human reviewer) for: ${context.feedback.join(' ')}`,
              'Leave out every claim and word those reasons flag, and write a clearly different draft, not a rewording of the last one.',
            ]
          : []),
      ].join('\n'),
      {
        task: 'content_brief',
        persona,
        remembered: remembered.map(({ text, metadata }) => ({ text, metadata })),
        trend,
        format,
        feedback: context.feedback,
        attempt: context.attempt,
      },
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
      // The format actually used is the one credited, whatever the strategy asked for.
      ...(strategy && { strategy: { ...strategy, format } }),
    };
    return { output: brief, confidence: 0.93 };
  },
});

/** What the agent remembers, for the prompt: its past posts and their engagement, most relevant first. */
function rememberedLines(remembered: readonly RecalledMemory[]): string[] {
  if (remembered.length === 0) return [];
  return [
    'What you remember, most relevant first (build on what worked; do not repeat yourself):',
    ...remembered.map((memory) => `- ${memory.text}`),
  ];
}

/**
 * The trend to write about: the report's best, or the next one per reason saying a draft repeats
 * an earlier post; past any a drift reason named stale (FR-PLAN-008), unless all are; and past
 * any whose headline carries words the reasons flag, since the claim cannot be dropped from a
 * post about its own headline (unless every headline carries them).
 */
function chooseTrend<T extends { headline: string; trend_id: string }>(
  trends: readonly T[],
  feedback: readonly string[],
): T {
  const { repeats, avoid } = readFeedbackReasons(feedback);
  const stale = new Set(driftedTrendIds(feedback));
  const rotated = trends.map((_, index) => trends[(repeats + index) % trends.length] as T);
  const fresh = rotated.filter((trend) => !stale.has(trend.trend_id));
  const order = fresh.length > 0 ? fresh : rotated;
  return order.find((trend) => !mentionsAny(trend.headline, avoid)) ?? (order[0] as T);
}
