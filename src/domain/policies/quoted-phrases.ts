// Finds the passages a free-text instruction puts between quotation marks.
// It does not interpret them, and an apostrophe inside a word ("don't", "it's") is never a quote.

const QUOTE_PATTERNS: readonly RegExp[] = [
  /"([^"]+)"/gu,
  /\u201c([^\u201d]+)\u201d/gu,
  /(?<![\p{L}\p{N}])'((?:[^']|'(?=\p{L}))+?)'(?![\p{L}\p{N}])/gu,
  /(?<![\p{L}\p{N}])\u2018((?:[^\u2019]|\u2019(?=\p{L}))+?)\u2019(?![\p{L}\p{N}])/gu,
];

/**
 * The quoted passages of `text` in reading order, without their quotation marks and trimmed.
 * Straight and curly, single and double quotes are recognised.
 */
export function quotedPhrases(text: string): string[] {
  const found: Array<{ index: number; phrase: string }> = [];
  for (const pattern of QUOTE_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const phrase = match[1]?.trim() ?? '';
      if (phrase.length > 0) found.push({ index: match.index, phrase });
    }
  }
  return found.sort((left, right) => left.index - right.index).map((entry) => entry.phrase);
}
