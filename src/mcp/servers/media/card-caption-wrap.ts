// Greedy word wrap against a width test (measured type, not character counts), with optional
// breaking of words too wide for any line. It knows nothing of fonts or sizes: `fits` does.

/** Wrapping options. */
export interface WrapOptions {
  /**
   * Whether a word that fits no line by itself may be broken, at the grapheme that overflows,
   * each piece but the last ending with a hyphen. When it answers false for such a word,
   * `wrapCaption` gives up (undefined).
   * @defaultValue no word may be broken
   */
  mayBreak?: (word: string) => boolean;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * `text`'s words (split on whitespace) in lines joined by single spaces, each line as long as
 * `fits` allows. Undefined when a word fits no line and `mayBreak` refuses to break it.
 */
export function wrapCaption(
  text: string,
  fits: (line: string) => boolean,
  options: WrapOptions = {},
): string[] | undefined {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    if (fits(word)) continue;
    if (!options.mayBreak?.(word)) return undefined;
    const pieces = breakWord(word, fits);
    lines.push(...pieces.slice(0, -1));
    line = pieces.at(-1) ?? '';
  }
  if (line) lines.push(line);
  return lines;
}

/** `line` cut at the end (grapheme by grapheme) until it fits with a trailing "…". */
export function withEllipsis(line: string, fits: (line: string) => boolean): string {
  const parts = [...graphemes.segment(line)].map((part) => part.segment);
  while (parts.length > 0) {
    const kept = parts.join('').replace(/[\s-]+$/, '');
    if (fits(`${kept}…`)) return `${kept}…`;
    parts.pop();
  }
  return '…';
}

// Pieces of `word` that each fit, all but the last ending with "-". A single grapheme wider than
// the line stays a piece of its own: there is nothing smaller to break it into.
function breakWord(word: string, fits: (line: string) => boolean): string[] {
  const parts = [...graphemes.segment(word)].map((part) => part.segment);
  const pieces: string[] = [];
  let piece = '';
  parts.forEach((part, index) => {
    const hyphen = index < parts.length - 1 ? '-' : '';
    if (!piece || fits(`${piece}${part}${hyphen}`)) {
      piece += part;
      return;
    }
    pieces.push(`${piece}-`);
    piece = part;
  });
  pieces.push(piece);
  return pieces;
}
