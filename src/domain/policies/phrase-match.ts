// Whole-word phrase matching for the offline writers: does a text mention a flagged phrase, and
// the text without it. Words match after light stemming ("cures" matches "cure", "supplements"
// matches "supplement"); it knows no synonyms and never matches inside a word ("secure").

const WORD = /[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu;

interface Word {
  stem: string;
  start: number;
  end: number;
}

/** A word lowercased without its possessive, plural "s"/"es"/"ies", "ing", "ed" or final "e". */
export function stemWord(word: string): string {
  let stem = word.toLowerCase().replace(/['\u2019]s$/, '');
  if (stem.length > 5 && stem.endsWith('ing')) stem = stem.slice(0, -3);
  else if (stem.length > 4 && stem.endsWith('ies')) stem = `${stem.slice(0, -3)}y`;
  else if (stem.length > 4 && stem.endsWith('ed')) stem = stem.slice(0, -2);
  else if (stem.length > 4 && /(?:ss|sh|ch|x|z)es$/.test(stem)) stem = stem.slice(0, -2);
  else if (stem.length > 3 && stem.endsWith('s') && !stem.endsWith('ss')) stem = stem.slice(0, -1);
  if (stem.length > 3 && stem.endsWith('e')) stem = stem.slice(0, -1);
  return stem;
}

function words(text: string): Word[] {
  return [...text.matchAll(WORD)].map((match) => ({
    stem: stemWord(match[0]),
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** The character spans of `text` where the words of `phrase` appear in a row. */
function spans(text: string, phrase: string): Array<[number, number]> {
  const target = words(phrase).map((word) => word.stem);
  if (target.length === 0) return [];
  const list = words(text);
  const found: Array<[number, number]> = [];
  for (let index = 0; index + target.length <= list.length; index++) {
    const first = list[index];
    const last = list[index + target.length - 1];
    if (first && last && target.every((stem, offset) => list[index + offset]?.stem === stem)) {
      found.push([first.start, last.end]);
    }
  }
  return found;
}

/** True when `text` contains the words of `phrase` in a row, in any letter case. */
export function mentionsPhrase(text: string, phrase: string): boolean {
  return spans(text, phrase).length > 0;
}

/** True when `text` mentions any of `phrases`. */
export function mentionsAny(text: string, phrases: readonly string[]): boolean {
  return phrases.some((phrase) => mentionsPhrase(text, phrase));
}

/** `text` with every occurrence of `phrases` cut out and the spacing and punctuation tidied. */
export function removePhrases(text: string, phrases: readonly string[]): string {
  let result = text;
  for (const phrase of phrases) {
    for (const [start, end] of spans(result, phrase).reverse()) {
      result = `${result.slice(0, start)}${result.slice(end)}`;
    }
  }
  return result === text
    ? text
    : result
        .replace(/\s+/g, ' ')
        .replace(/\s+([.,;:!?])/g, '$1')
        .replace(/([,;:])(?:\s*[,;:])+/g, '$1')
        .replace(/^[\s,;:.!?]+/, '')
        .trim();
}
