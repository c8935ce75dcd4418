// The offline model's writer for content briefs: on-persona captions, hashtags, visual prompts
// and video scripts from templates, the persona's voice traits and the trend at hand. It is
// deterministic: the same persona, trend and feedback always give the same brief.

import { createHash } from 'node:crypto';
import type { OfflineWriter } from './offline-language-model.js';

interface BriefContext {
  persona: { name: string; niche: string; voice_traits: string[]; character_reference_id: string };
  trend: { topic: string; headline: string; sentiment_score: number; trend_id: string };
  format: 'text' | 'image' | 'video';
  feedback: string[];
}

const OPENERS: Array<[RegExp, string[]]> = [
  [/warm|friendly|kind/i, ['Okay, friends:', 'Real talk, friends:']],
  [/playful|witty|fun/i, ['Plot twist:', 'Tiny obsession alert:']],
  [/direct|blunt|no-nonsense/i, ['Straight up:', 'Here is the deal:']],
  [/curious|inquisitive/i, ['Has anyone else noticed this?', 'I had to look into this:']],
  [/upbeat|energetic|enthusiastic/i, ['Big news:', 'Okay, this is exciting:']],
  [/practical|pragmatic/i, ['Quick one:', 'Useful to know:']],
  [/calm|gentle|encouraging/i, ['A small thing worth knowing:', 'Gentle reminder:']],
];

const TAKES = {
  positive: ['I am here for it.', 'This is the good stuff.', 'Love to see it.'],
  neutral: ['Here is my take.', 'Worth a closer look.', 'Curious where this goes.'],
  negative: [
    'Not great, so here is what I would do instead.',
    'This one stings, but there is a better way.',
  ],
};

/** Writes a brief draft `{ caption, hashtags, visual_prompts, script? }` from the context. */
export const contentBriefWriter: OfflineWriter = (raw) => {
  const context = raw as unknown as BriefContext;
  const { persona, trend, format, feedback } = context;
  const pick = <T>(options: readonly T[], salt: string): T =>
    options[
      seed(`${trend.trend_id}:${persona.name}:${feedback.length}:${salt}`) % options.length
    ] as T;
  const opener = pick(openersFor(persona.voice_traits), 'opener');
  const mood =
    trend.sentiment_score > 0.2
      ? 'positive'
      : trend.sentiment_score < -0.2
        ? 'negative'
        : 'neutral';
  const take = pick(TAKES[mood], 'take');
  const headline = trend.headline.replace(/[.!?]+$/, '');
  const caption = `${opener} ${headline}. ${take} For everyone into ${persona.niche}, this one is for you.`;
  const words = [
    ...new Set(`${trend.topic} ${persona.niche}`.toLowerCase().match(/[a-z]{3,}/g) ?? []),
  ];
  const hashtags = words
    .filter((word) => !['and', 'the', 'for'].includes(word))
    .slice(0, 5)
    .map((word) => `#${word}`);
  const visual = `${trend.topic}, ${persona.niche} aesthetic, natural light, consistent character ${persona.character_reference_id}`;
  const draft: Record<string, unknown> = {
    caption,
    hashtags: hashtags.length > 0 ? hashtags : ['#chimera'],
    visual_prompts: format === 'text' ? [] : [visual],
  };
  if (format === 'video') draft.script = videoScript(persona, trend, headline, take);
  return draft;
};

function openersFor(traits: readonly string[]): string[] {
  for (const trait of traits) {
    const match = OPENERS.find(([pattern]) => pattern.test(trait));
    if (match) return match[1];
  }
  return ['Worth a look:', 'Something I noticed today:'];
}

function videoScript(
  persona: BriefContext['persona'],
  trend: BriefContext['trend'],
  headline: string,
  take: string,
): string {
  const points = trend.topic.split(/\s+/).filter(Boolean);
  return [
    `Hi, it is ${persona.name}, and today we are talking about ${trend.topic}.`,
    `Here is the headline that caught my eye: ${headline}.`,
    `${take}`,
    `If you follow me for ${persona.niche}, you know I care about what actually works in everyday life, not just what looks good online.`,
    ...points.map(
      (point, index) =>
        `Point ${index + 1}: think about ${point}. Ask yourself what it changes for you this week, and what it costs you in time, money or energy.`,
    ),
    'So here is what I would do. Start small, try one thing from this for a few days, and notice how it feels before you go all in.',
    'Share what you try in the comments, because your ideas make these videos better for everyone watching.',
    `I am a virtual persona created by AI, and I will keep digging into ${persona.niche} with you.`,
    'Follow along for the next one, and take care of yourself until then.',
  ].join(' ');
}

function seed(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}
