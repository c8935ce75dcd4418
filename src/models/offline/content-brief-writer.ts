// The offline model's writer for content briefs: on-persona captions, hashtags, visual prompts
// and video scripts from templates, the persona's voice traits and the trend at hand. A retry
// turns to a new angle and leaves out what the rejection reasons flagged; it does not pick the
// trend (the Director does). Deterministic: the same context always gives the same brief.

import { createHash } from 'node:crypto';
import { readFeedbackReasons } from '../../domain/policies/feedback-reasons.js';
import { mentionsAny, removePhrases, stemWord } from '../../domain/policies/phrase-match.js';
import { wordCount } from '../price-table.js';
import type { OfflineWriter } from './offline-language-model.js';

interface BriefContext {
  persona: { name: string; niche: string; voice_traits: string[]; character_reference_id: string };
  trend: { topic: string; headline: string; sentiment_score: number; trend_id: string };
  format: 'text' | 'image' | 'video';
  /** Why the previous attempt was rejected; empty on a first attempt. */
  feedback: string[];
  /** 1-based attempt number; when absent, one more than the number of reasons. */
  attempt?: number;
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

/** Takes for a retry whose draft was objected to: a more careful line than the trend's mood. */
const CAREFUL_TAKES = [
  'I would rather stick to what I actually know here.',
  'Let me keep this one simple and practical.',
  'Here is the part I think is worth your time.',
];

/** Sign-offs, turned with every attempt; the first is the one a first attempt uses. */
const CLOSERS = [
  (niche: string) => `For everyone into ${niche}, this one is for you.`,
  () => 'Tell me in the comments what you would try first.',
  (niche: string) => `Save this one if ${niche} is your thing.`,
  (niche: string) => `More on ${niche} soon, so stay close.`,
];

/** Lines that bring a video script back to 100 words after flagged lines were left out. */
const SCRIPT_FILLERS = [
  'Let me slow down and walk you through how I think about something like this.',
  'First, I look at what it asks of you day to day, because a habit that does not fit your week will not last.',
  'Then I think about the people it is really for, and whether it is worth the fuss for most of us.',
  'And I always ask what the simplest version of it looks like, because simple usually wins.',
  'None of this has to be perfect, and you do not have to do it all at once.',
];

/**
 * Writes a brief draft `{ caption, hashtags, visual_prompts, script? }` from the context. On a
 * retry the opener, take and sign-off all turn with the attempt, so consecutive attempts never
 * read the same; words the reasons flag are left out of every field, and a headline that carries
 * them gives way to a fresh take on the topic (or, when the topic has them too, the niche).
 */
export const contentBriefWriter: OfflineWriter = (raw) => {
  const context = raw as unknown as BriefContext;
  const { persona, trend, format } = context;
  const feedback = context.feedback ?? [];
  const reasons = readFeedbackReasons(feedback);
  const { avoid } = reasons;
  const turn = Math.max(0, (context.attempt ?? feedback.length + 1) - 1);
  const allowed = (text: string) => !mentionsAny(text, avoid);
  // The niche without flagged words, so the lines that name it (the AI disclosure) can stay.
  const niche = removePhrases(persona.niche, avoid) || 'all of this';
  // The start is what a first attempt has always used; each attempt moves one further on.
  const turned = (options: readonly string[], salt: string, start?: number) =>
    turnPast(options, start ?? seed(`${trend.trend_id}:${persona.name}:0:${salt}`), turn, allowed);
  const opener = turned(openersFor(persona.voice_traits), 'opener');
  const mood =
    trend.sentiment_score > 0.2
      ? 'positive'
      : trend.sentiment_score < -0.2
        ? 'negative'
        : 'neutral';
  const take = turned(reasons.objects ? CAREFUL_TAKES : TAKES[mood], 'take');
  const closer = turned(
    CLOSERS.map((closing) => closing(niche)),
    'closer',
    0,
  );
  const subject = allowed(trend.topic) ? trend.topic : niche;
  const headline = trend.headline.replace(/[.!?]+$/, '');
  const lead = allowed(headline)
    ? headline
    : `${opener ? 'here' : 'Here'} is a fresh take on ${subject}`;
  const caption = fitCaption(
    [opener, `${lead}.`, take, closer].filter((part) => part !== undefined).join(' '),
    avoid,
    persona.name,
  );
  const draft: Record<string, unknown> = {
    caption,
    hashtags: hashtagsFor(trend.topic, persona.niche, avoid, reasons.requiredTags),
    visual_prompts:
      format === 'text'
        ? []
        : [
            removePhrases(
              `${allowed(trend.topic) ? `${trend.topic}, ` : ''}${niche} aesthetic, natural light, consistent character ${persona.character_reference_id}`,
              avoid,
            ),
          ],
  };
  if (format === 'video') {
    const lines = videoScript(
      persona.name,
      niche,
      subject,
      allowed(headline) ? headline : undefined,
      take,
    );
    if (turn > 0 && closer) lines.splice(-2, 0, closer);
    draft.script = fitScript(lines, avoid);
  }
  return draft;
};

/** The option `turn` places past `start`, skipping flagged ones; undefined when all are. */
function turnPast(
  options: readonly string[],
  start: number,
  turn: number,
  allowed: (text: string) => boolean,
): string | undefined {
  for (let step = 0; step < options.length; step++) {
    const option = options[(start + turn + step) % options.length];
    if (option !== undefined && allowed(option)) return option;
  }
  return undefined;
}

function openersFor(traits: readonly string[]): string[] {
  for (const trait of traits) {
    const match = OPENERS.find(([pattern]) => pattern.test(trait));
    if (match) return match[1];
  }
  return ['Worth a look:', 'Something I noticed today:'];
}

/** The caption without flagged words, at least the schema's ten characters long. */
function fitCaption(text: string, avoid: readonly string[], name: string): string {
  const caption = removePhrases(text, avoid);
  if (caption.length >= 10) return caption;
  return removePhrases(`${name} here, with something new for you.`, avoid).padEnd(10, '.');
}

function hashtagsFor(
  topic: string,
  niche: string,
  avoid: readonly string[],
  required: readonly string[],
): string[] {
  // A tag is one word: any word of a flagged phrase goes, as "#joint #pain" still reads "joint pain".
  const flagged = new Set(
    avoid.flatMap((phrase) => phrase.match(/[\p{L}\p{N}]+/gu) ?? []).map(stemWord),
  );
  const words = [...new Set(`${topic} ${niche}`.toLowerCase().match(/[a-z]{3,}/g) ?? [])];
  const tags = words
    .filter((word) => !['and', 'the', 'for'].includes(word) && !flagged.has(stemWord(word)))
    .slice(0, 5)
    .map((word) => `#${word}`);
  const needed = required.filter((tag) => /^#[\p{L}\p{N}_]+$/u.test(tag));
  const all = [...new Set([...needed, ...tags])].slice(0, 10);
  return all.length > 0 ? all : ['#chimera'];
}

function videoScript(
  name: string,
  niche: string,
  subject: string,
  headline: string | undefined,
  take: string | undefined,
): string[] {
  const points = subject.split(/\s+/).filter((word) => !['and', 'the', 'for'].includes(word));
  return [
    `Hi, it is ${name}, and today we are talking about ${subject}.`,
    ...(headline ? [`Here is the headline that caught my eye: ${headline}.`] : []),
    ...(take ? [take] : []),
    `If you follow me for ${niche}, you know I care about what actually works in everyday life, not just what looks good online.`,
    ...points.map(
      (point, index) =>
        `Point ${index + 1}: think about ${point}. Ask yourself what it changes for you this week, and what it costs you in time, money or energy.`,
    ),
    'So here is what I would do. Start small, try one thing from this for a few days, and notice how it feels before you go all in.',
    'Share what you try in the comments, because your ideas make these videos better for everyone watching.',
    `I am a virtual persona created by AI, and I will keep digging into ${niche} with you.`,
    'Follow along for the next one, and take care of yourself until then.',
  ];
}

/**
 * The script without the lines that mention flagged words, brought back to 100 words with
 * fillers if it fell short; any flagged word left (in a filler) is cut out.
 */
function fitScript(lines: readonly string[], avoid: readonly string[]): string {
  const kept = lines.filter((line) => !mentionsAny(line, avoid));
  for (const filler of SCRIPT_FILLERS) {
    if (wordCount(kept.join(' ')) >= 100) break;
    kept.splice(-2, 0, filler);
  }
  return removePhrases(kept.join(' '), avoid);
}

function seed(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}
