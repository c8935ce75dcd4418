// The offline model's writer for replies to comments: a short, friendly answer in the persona's
// voice, chosen by what the comment does (asks, praises, doubts, or just says hello); a retry
// takes another answer without the flagged words. A returning commenter is greeted with what the
// agent told them last time, when the context recalls it. Deterministic. It never answers "are
// you a bot?" itself; the reply skill gives the honesty reply for those.

import { createHash } from 'node:crypto';
import { readFeedbackReasons } from '../../domain/policies/feedback-reasons.js';
import { mentionsAny, removePhrases } from '../../domain/policies/phrase-match.js';
import type { OfflineWriter } from './offline-language-model.js';

interface ReplyContext {
  persona: { name: string; niche: string };
  comment: { author: string; text: string };
  /** Why the previous attempt was rejected; empty or absent on a first attempt. */
  feedback?: string[];
  /** 1-based attempt number; when absent, one more than the number of reasons. */
  attempt?: number;
  /** What the agent remembers of this commenter: its earlier replies to them, newest first. */
  remembered?: Array<{ text: string }>;
}

const REPLIES: Record<'question' | 'praise' | 'doubt' | 'other', readonly string[]> = {
  question: [
    'Good question! I will share the details in my next post, so keep an eye out.',
    'Great question. I am putting together a proper answer for an upcoming post.',
  ],
  praise: [
    'Thank you so much, that honestly made my day!',
    'This means a lot, thank you for being here!',
  ],
  doubt: [
    'Fair point, and thank you for saying it. I will dig into this more.',
    'Totally get the doubt. Honest feedback like this keeps me sharp.',
  ],
  other: ['Thanks for stopping by!', 'Appreciate you being here!'],
};

const PRAISE = /\b(?:love|great|amazing|awesome|helpful|thank|thanks|obsessed|beautiful|saving)\b/i;
const DOUBT = /\b(?:not sure|doubt|disagree|meh|overrated|tbh|hmm|wrong|hate)\b/i;

/**
 * Writes `{ text }`: a reply to the comment in context. A retry takes the next answer of the
 * comment's kind, passing over answers with words the reasons flag (cut out if all have them).
 */
export const replyWriter: OfflineWriter = (raw) => {
  const {
    persona,
    comment,
    feedback = [],
    attempt,
    remembered = [],
  } = raw as unknown as ReplyContext;
  const body = comment.text.replace(/@\w+/g, '').trim();
  const kind = DOUBT.test(body)
    ? 'doubt'
    : body.includes('?')
      ? 'question'
      : PRAISE.test(body)
        ? 'praise'
        : 'other';
  const options = REPLIES[kind];
  const { avoid } = readFeedbackReasons(feedback);
  const turn = Math.max(0, (attempt ?? feedback.length + 1) - 1);
  const start =
    createHash('sha256').update(`${persona.name}:${comment.text}`).digest().readUInt32BE(0) + turn;
  const turned = options.map((_, step) => options[(start + step) % options.length] as string);
  const reply =
    turned.find((option) => !mentionsAny(option, avoid)) ??
    (removePhrases(turned[0] as string, avoid) || 'Thank you!');
  const last = remembered[0]?.text.replace(/^@\S+\s*/, '').trim();
  const recall = last ? `Good to see you again! Last time I told you: "${last}" ` : '';
  return { text: `@${comment.author} ${recall}${reply}` };
};
