// AI disclosure (FR-POLICY-003): "none" is raised to "automated"; "are you a bot?" gets an honest reply.
// It never lets a persona deny being automated, and it does not post or label anything itself.

import { quotedPhrases } from './quoted-phrases.js';

/** The disclosure levels a persona may declare. */
export type DisclosureLevel = 'automated' | 'assisted' | 'none';

/** The levels that may actually be used: "none" is never allowed. */
export type EffectiveDisclosureLevel = 'automated' | 'assisted';

/** The reply to "are you a bot?" when the persona gives no usable honest reply of its own. */
export const HONESTY_REPLY = 'I am a virtual persona created by AI.';

/**
 * The level to use for a declared level: "none" (or anything unknown) is raised to "automated"
 * and reported as `raised: true`; "automated" and "assisted" are kept.
 */
export function normalizeDisclosure(level: DisclosureLevel): {
  level: EffectiveDisclosureLevel;
  raised: boolean;
} {
  if (level === 'automated' || level === 'assisted') return { level, raised: false };
  return { level: 'automated', raised: true };
}

const BEING = '(?:a\\s+|an\\s+)?(?:real\\s+|actual\\s+)?';
const MACHINE = '(?:bot|robot|ai|chat\\s*bot|machine|computer|program|algorithm|automated)';
const PERSON = '(?:human|person|human\\s+being)';
const END = '(?![\\p{L}\\p{N}])';

/** Question shapes asking whether the reader is dealing with a machine; matched on normalised text. */
const AUTOMATION_QUESTIONS: readonly RegExp[] = [
  // "are you a bot?", "r u a robot", "are you human?", "are you real?"
  new RegExp(`\\bare\\s+you\\s+${BEING}(?:${MACHINE}|${PERSON})${END}`, 'u'),
  /\bare\s+you\s+real\s*\?/u,
  // "is this an AI?", "is this account a bot?", "is it AI generated?", "is this a real person?"
  new RegExp(
    `\\b(?:is|was)\\s+(?:this|that|it|this\\s+account|this\\s+page|this\\s+reply)\\s+${BEING}(?:${MACHINE}|${PERSON})${END}`,
    'u',
  ),
  // "am I talking to a real person?", "am I chatting with a bot?"
  new RegExp(
    `\\b(?:am\\s+i|are\\s+we)\\s+(?:talking|chatting|speaking|texting)\\s+(?:to|with)\\s+${BEING}(?:${MACHINE}|${PERSON})${END}`,
    'u',
  ),
  // "is there a real person behind this account?", "is a human writing this?"
  new RegExp(
    `\\bis\\s+(?:there\\s+)?${BEING}${PERSON}\\s+(?:behind|running|writing|typing|answering)`,
    'u',
  ),
  // "are you run by AI?", "is this written by a bot?", "is this account automated?"
  new RegExp(
    `\\b(?:are\\s+you|is\\s+(?:this|it|this\\s+account))\\s+(?:run|operated|controlled|written|managed|generated|made|powered)\\s+(?:by|with)\\s+${BEING}${MACHINE}${END}`,
    'u',
  ),
  // "you a bot?", "you're a robot?", "bot or not?", "human or AI?"
  new RegExp(`\\b(?:you|you're|youre)\\s+${BEING}${MACHINE}\\s*\\?`, 'u'),
  new RegExp(`\\b${MACHINE}\\s+or\\s+(?:not|${PERSON})\\s*\\?`, 'u'),
  new RegExp(`\\b${PERSON}\\s+or\\s+${MACHINE}\\s*\\?`, 'u'),
];

/** Lowercases and spells out chat shorthand ("r u" → "are you", "A.I." → "ai"). */
function normalizeQuestion(text: string): string {
  return text
    .toLowerCase()
    .replace(/\u2019/g, "'")
    .replace(/\ba\.\s?i\.?(?![\p{L}])/gu, 'ai')
    .replace(/\bai[-\s]generated\b/g, 'ai')
    .replace(/\br\b/g, 'are')
    .replace(/\b(?:u|ya)\b/g, 'you')
    .replace(/\s+/g, ' ');
}

/**
 * True when the text asks whether the persona (or the account) is a bot, an AI or a human:
 * "are you a bot?", "is this an AI?", "r u a robot", "am I talking to a real person?",
 * "are you human?". Statements about robots or AI ("I love robots", "AI art is cool") are false.
 */
export function asksIfAutomated(text: string): boolean {
  const normalized = normalizeQuestion(text);
  return AUTOMATION_QUESTIONS.some((pattern) => pattern.test(normalized));
}

const ADMITS_AUTOMATION =
  /\b(?:ai|a\.i\.|artificial intelligence|virtual|bot|robot|automated|digital persona|generated|not (?:a )?(?:real )?(?:human|person))\b/i;
const DENIES_AUTOMATION =
  /(?:\b(?:not|never)|n't)\s+(?:(?:an?|really|actually|some)\s+)*(?:ai|a\.i\.|artificial|virtual|bot|robot|automated|machine)\b|\b(?:i am|i'm)\s+(?:an?\s+)?(?:real\s+|actual\s+)?(?:human|person)\b/i;

/** True when a reply admits being automated and does not deny it ("I am a virtual persona"). */
export function admitsAutomation(reply: string): boolean {
  const normalized = reply.replace(/\u2019/g, "'");
  return ADMITS_AUTOMATION.test(normalized) && !DENIES_AUTOMATION.test(normalized);
}

/**
 * The reply to give when `asksIfAutomated` is true. When the persona's honesty directive quotes a
 * reply of at least two words (`Reply "I'm Ava, a virtual creator made with AI."`) that reply is
 * used; otherwise `HONESTY_REPLY`. A quoted reply that does not admit being AI, or that denies
 * it ("I'm a real person"), is never used, whatever the persona says.
 */
export function honestyReply(personaHonestyDirective?: string): string {
  if (personaHonestyDirective === undefined) return HONESTY_REPLY;
  const reply = quotedPhrases(personaHonestyDirective).find((phrase) => /\s/.test(phrase));
  if (reply === undefined) return HONESTY_REPLY;
  return admitsAutomation(reply) ? reply : HONESTY_REPLY;
}
