// Text normalisation shared by the Scout's analysis modules: cleaning, word splitting, stop words
// and a light English stemmer. It knows no topics and no sentiment; it only makes text comparable.

/**
 * Wire-service and social prefixes that mark how an item was posted, not what it says, such as
 * "BREAKING:", "JUST IN -", "UPDATE |" or "RT @someone:". Matched at the start of a text only.
 */
const POSTING_PREFIX =
  /^\s*(?:(?:breaking(?:\s+news)?|just\s+in|update[d]?|exclusive|developing|watch|video|live|psa|new|rt(?:\s+@\w+)?)\s*[:|\-–—]+\s*)+/iu;

/** Links (http, https or www) anywhere in a text. */
export const URL_PATTERN = /\b(?:https?:\/\/|www\.)\S+/giu;
/** @mentions anywhere in a text, with the whitespace before them kept in group 1. */
export const MENTION_PATTERN = /(^|\s)@\w+/gu;

/** Removes posting prefixes such as "BREAKING:" or "RT @someone:" from the start of a text. */
export function stripPostingPrefix(text: string): string {
  return text.replace(POSTING_PREFIX, '');
}

/**
 * Cleans text for comparison: removes posting prefixes ("BREAKING:"), links and @mentions,
 * lowercases, turns hashtags into their words, drops apostrophes inside words ("don't" → "dont"),
 * joins thousands separators ("4,000" → "4000"), replaces every other non-letter, non-digit
 * character (punctuation, emoji, symbols) with a space and collapses whitespace.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(POSTING_PREFIX, '')
    .replace(URL_PATTERN, ' ')
    .replace(MENTION_PATTERN, '$1 ')
    .toLowerCase()
    .replace(/(\p{L})['’](\p{L})/gu, '$1$2')
    .replace(/(\d),(?=\d{3}\b)/gu, '$1')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Splits normalised text into words. */
export function splitWords(text: string): string[] {
  const normalised = normaliseText(text);
  return normalised.length === 0 ? [] : normalised.split(' ');
}

/**
 * Common English function words, news boilerplate ("says", "report"), number words and units
 * ("five", "million", "dollars", "percent"): none of them names a topic.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all almost also am among an and any are as at be because
  been before being below between both but by can could did do does doing down during each either
  every few for from further get gets got had has have having he her here hers herself him himself
  his how i if in into is it its itself just least less like made make makes many may me might
  more most much must my myself near no nor not now of off often on once one only or other our
  ours ourselves out over own per same she should since so some still such than that the their
  theirs them themselves then there these they this those through to too under until up upon us
  very via was we were what when where which while who whom why will with within without would
  yet you your yours yourself yourselves s t im ive its dont doesnt didnt cant wont isnt arent
  says said say saying told tells according report reports reported new news week weeks today
  year years day days month months time first last next just really way ways get go going
  zero two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
  hundred hundreds thousand thousands million millions billion billions half dozen percent per
  cent dollar dollars euro euros pound pounds pence yen`
    .split(/\s+/u)
    .filter((word) => word.length > 0),
);

const VOWEL = /[aeiouy]/u;

/**
 * A light English stemmer: strips common inflections so "recycled", "recycling" and "recycles"
 * meet at "recycl", and "cities" meets "city". It is deliberately simpler than Porter's: it keeps
 * derivational suffixes ("wellness" does not become "well") and leaves words of three letters or
 * fewer and words with digits alone.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/u.test(word)) return word;
  let stemmed = word;
  if (stemmed.endsWith('ies') && stemmed.length > 4) stemmed = `${stemmed.slice(0, -3)}y`;
  else if (stemmed.endsWith('sses')) stemmed = stemmed.slice(0, -2);
  else if (stemmed.endsWith('ing') && VOWEL.test(stemmed.slice(0, -3)) && stemmed.length > 5)
    stemmed = stemmed.slice(0, -3);
  else if (stemmed.endsWith('ed') && VOWEL.test(stemmed.slice(0, -2)) && stemmed.length > 4)
    stemmed = stemmed.slice(0, -2);
  else if (stemmed.endsWith('ly') && stemmed.length > 5) stemmed = stemmed.slice(0, -2);
  else if (
    stemmed.endsWith('s') &&
    !stemmed.endsWith('ss') &&
    !stemmed.endsWith('us') &&
    !stemmed.endsWith('is')
  )
    stemmed = stemmed.slice(0, -1);
  if (stemmed.endsWith('e') && stemmed.length > 4) stemmed = stemmed.slice(0, -1);
  // "shopp" (from "shopping") and "runn" (from "running") lose their doubled final consonant.
  if (/([b-df-hj-np-tv-z])\1$/u.test(stemmed) && !/(ll|ss|zz|ff)$/u.test(stemmed)) {
    stemmed = stemmed.slice(0, -1);
  }
  return stemmed;
}

/**
 * The stemmed content words of a text, in order, with stop words, single letters and
 * bare numbers removed. This is what clustering and relevance compare.
 */
export function contentWords(text: string): string[] {
  return splitWords(text)
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word) && !/^\d+$/u.test(word))
    .map(stem);
}
