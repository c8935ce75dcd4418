// Persona directives (FR-POLICY-002): turns free-text persona rules into checks; a breach rejects.
// It checks only what the wording makes checkable and ignores the rest: no tone, intent or advice.

import type { PolicyFinding } from '../judge-routing.js';
import { quotedPhrases } from './quoted-phrases.js';

/** A directive turned into something a text can be checked against. */
export type DirectiveRule =
  /** "Never mention/use/say …": none of `terms` may appear as a whole word (any letter case). */
  | { kind: 'forbidden-terms'; directive: string; terms: string[] }
  /** "Avoid profanity", "Never swear": none of `PROFANITY_WORDS` may appear. */
  | { kind: 'no-profanity'; directive: string }
  /**
   * "Always … #ad": at least one of `tags` must appear; only in sponsored content when the
   * directive speaks of paid, sponsored, partnership, advertising, affiliate or gifted content.
   */
  | { kind: 'required-tags'; directive: string; tags: string[]; onlyWhenSponsored: boolean };

/** Content to check: its text and whether it is marked as sponsored. */
export interface DirectiveContent {
  text: string;
  sponsored?: boolean;
}

/**
 * The small profanity list behind "avoid profanity". A word also matches with one vowel masked
 * ("f*ck", "sh!t") and with a plural "s"; other derived forms must be listed.
 */
export const PROFANITY_WORDS: readonly string[] = [
  'fuck',
  'fucking',
  'fucked',
  'fucker',
  'motherfucker',
  'shit',
  'shitty',
  'bullshit',
  'bitch',
  'bitches',
  'asshole',
  'bastard',
  'damn',
  'goddamn',
  'crap',
  'piss',
  'pissed',
  'cunt',
  'wanker',
  'bollocks',
  'wtf',
  'stfu',
];

const PROHIBITION =
  /^(?:please\s+)?(?:never|do\s+not|don't|dont|must\s+not|mustn't|avoid|no|under\s+no\s+circumstances)\b/i;
const REQUIREMENT = /^(?:please\s+)?(?:always|must)\b/i;
const PROFANITY_TOPIC =
  /\b(?:profanit\w*|swear\w*|curse\s+words?|cursing|cuss\w*|foul\s+language|obscen\w*|vulgar\w*)/i;
const SPONSORSHIP_TOPIC =
  /\b(?:paid|sponsor\w*|partnerships?|partners?|advert\w*|ads?|collab\w*|gifted|affiliate\w*|commission\w*)\b/i;
const HASHTAG = /#[\p{L}\p{N}_]+/gu;
const NAMED_WORDS = /\bthe\s+(?:words?|terms?|phrases?|names?|brands?)\s+(.+)$/i;
const VERB_OBJECT =
  /^(?:please\s+)?(?:never|do\s+not|don't|dont|must\s+not|mustn't|under\s+no\s+circumstances)\s+(?:mention|say|use|write|name|tag|reference|type|post\s+about)\s+(.+)$/i;

function escapeForPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Splits "Nike, Adidas or New Balance." into its items, without quotes or final punctuation. */
function splitList(list: string): string[] {
  return list
    .split(/\s*(?:,|;|\/|\bor\b|\band\b|\bnor\b)\s*/i)
    .map((item) =>
      item
        .trim()
        .replace(/^["'\u201c\u2018]+|["'\u201d\u2019.!?]+$/g, '')
        .trim(),
    )
    .filter((item) => item.length > 0);
}

/** True when every word starts with a capital letter or digit, as brand and person names do. */
function isProperName(item: string): boolean {
  return item.split(/\s+/).every((word) => /^[\p{Lu}\p{N}]/u.test(word));
}

function forbiddenTerms(directive: string): string[] {
  const quoted = quotedPhrases(directive).filter((phrase) => !PROFANITY_TOPIC.test(phrase));
  if (quoted.length > 0) return quoted;
  const colon = directive.lastIndexOf(':');
  if (colon >= 0) return splitList(directive.slice(colon + 1));
  const named = NAMED_WORDS.exec(directive);
  if (named?.[1] !== undefined) return splitList(named[1]);
  const object = VERB_OBJECT.exec(directive);
  if (object?.[1] === undefined) return [];
  const items = splitList(object[1]);
  return items.length > 0 && items.every(isProperName) ? items : [];
}

/**
 * Turns one directive into the rules its wording allows, or `[]` when it cannot be checked.
 * Prohibitions ("never", "do not", "don't", "must not", "avoid", "no") give forbidden terms taken
 * from, in this order: quoted passages; the list after a colon; the words after "the word(s)",
 * "the term(s)", "the phrase(s)", "the name(s)" or "the brand(s)"; or, after "mention", "say",
 * "use" and similar verbs, a list made only of capitalised names ("Don't mention Nike or Adidas").
 * A prohibition of profanity, swearing or cursing gives the profanity rule. Requirements
 * ("always", "must") naming hashtags give required tags. Anything else, such as "Never give
 * medical, legal or financial advice" or "Never mention politics", cannot be checked by matching
 * words and is ignored here (sensitive topics are the job of the sensitive-topics policy).
 */
export function parseDirective(directive: string): DirectiveRule[] {
  const text = directive.trim();
  const rules: DirectiveRule[] = [];
  if (PROHIBITION.test(text)) {
    if (PROFANITY_TOPIC.test(text)) rules.push({ kind: 'no-profanity', directive: text });
    const terms = forbiddenTerms(text);
    if (terms.length > 0) rules.push({ kind: 'forbidden-terms', directive: text, terms });
    return rules;
  }
  if (REQUIREMENT.test(text)) {
    const tags = [...new Set(text.match(HASHTAG) ?? [])];
    if (tags.length > 0) {
      const onlyWhenSponsored = SPONSORSHIP_TOPIC.test(text.replace(HASHTAG, ' '));
      rules.push({ kind: 'required-tags', directive: text, tags, onlyWhenSponsored });
    }
  }
  return rules;
}

/** Whole-word, case-insensitive occurrences of `term` (plural "s" and possessive "'s" allowed). */
function occurrences(text: string, term: string): string[] {
  const body = escapeForPattern(term).replace(/\s+/g, '\\s+');
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(${body})(?:'s|\u2019s|s)?(?![\\p{L}\\p{N}])`,
    'giu',
  );
  return [...text.matchAll(pattern)].map((match) => (match[1] ?? match[0]).replace(/\s+/g, ' '));
}

const PROFANITY_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${PROFANITY_WORDS.map((word) =>
    word.replace(/[aeiou]/g, (vowel) => `[${vowel}*@!1]`),
  ).join('|')})s?(?![\\p{L}\\p{N}])`,
  'giu',
);

/** Keeps the first spelling of each case-insensitively distinct word. */
function distinct(words: readonly string[]): string[] {
  const seen = new Set<string>();
  return words.filter((word) => {
    const key = word.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function quote(words: readonly string[]): string {
  return words.map((word) => `"${word}"`).join(', ');
}

/** The reason a rule is broken by `content`, or undefined when it holds. */
function breach(rule: DirectiveRule, content: DirectiveContent): string | undefined {
  switch (rule.kind) {
    case 'forbidden-terms': {
      const found = distinct(rule.terms.flatMap((term) => occurrences(content.text, term)));
      return found.length > 0 ? `found ${quote(found)}` : undefined;
    }
    case 'no-profanity': {
      const found = distinct(
        [...content.text.matchAll(PROFANITY_PATTERN)].map((match) => match[0]),
      );
      return found.length > 0 ? `found ${quote(found)}` : undefined;
    }
    case 'required-tags': {
      if (rule.onlyWhenSponsored && content.sponsored !== true) return undefined;
      const present = rule.tags.some((tag) =>
        new RegExp(`(?<![\\p{L}\\p{N}_])${escapeForPattern(tag)}(?![\\p{L}\\p{N}_])`, 'iu').test(
          content.text,
        ),
      );
      if (present) return undefined;
      const subject = rule.onlyWhenSponsored ? 'sponsored content' : 'content';
      return `${subject} lacks ${rule.tags.map((tag) => `"${tag}"`).join(' or ')}`;
    }
  }
}

/**
 * Checks content against persona directives: one `reject` finding per broken rule, reading
 * `breaks directive "<directive as written>": found "cheap"`. Directives that `parseDirective`
 * cannot turn into rules are ignored, so an empty result means "no checkable directive broken",
 * not "complies with every directive".
 */
export function checkDirectives(
  content: DirectiveContent,
  directives: readonly string[],
): PolicyFinding[] {
  const findings: PolicyFinding[] = [];
  for (const directive of directives) {
    for (const rule of parseDirective(directive)) {
      const problem = breach(rule, content);
      if (problem === undefined) continue;
      findings.push({
        policy: 'persona-directives',
        action: 'reject',
        reason: `breaks directive "${rule.directive}": ${problem}`,
      });
    }
  }
  return findings;
}
