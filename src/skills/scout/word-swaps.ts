// Where two texts line up word for word but put another word in the same place: "Penwyth caps
// holiday lets at 90 nights" against "Carreg caps holiday lets at 90 nights" is the same template
// about another place, and "residents win fight" against "residents lose fight" the other
// outcome: look-alikes. A copy adds, drops or rewords words around the same names and facts. Two
// of the near-duplicate model's pair features (story-fingerprint.ts).

import { MENTION_PATTERN, STOP_WORDS, stripPostingPrefix, URL_PATTERN } from './normalise-text.js';

/** A word of a text, lowercased, and whether it was written with a capital (not all capitals). */
export interface AlignedWord {
  lower: string;
  capitalised: boolean;
}

/** A swap puts at most this many words in place of as many: a name, not a rewritten clause. */
const SWAP_WORDS = 3;

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/**
 * The words of a text, in order, for `wordSwaps`: without its posting prefix ("RT @desk:"), links
 * and mentions. An all-capitals word ("BREAKING", "DOUBLING") is emphasis, not a name.
 */
export function alignedWords(text: string): AlignedWord[] {
  const body = stripPostingPrefix(text).replace(URL_PATTERN, ' ').replace(MENTION_PATTERN, '$1 ');
  return [...body.matchAll(WORD)].map(([word]) => ({
    lower: word.toLowerCase(),
    capitalised: /^\p{Lu}/u.test(word) && word !== word.toUpperCase(),
  }));
}

/** Places where two aligned texts put one word in place of another (`wordSwaps`). */
export interface WordSwaps {
  /** A capitalised word in place of another: another person, brand or place. */
  names: number;
  /** Any other word, a negation included, in place of another: "win" for "lose", "not" for "to". */
  words: number;
}

const NEGATIONS: ReadonlySet<string> = new Set(['not', 'no', 'never', 'without']);

/**
 * Where the two texts' longest common word sequence leaves a gap of at most `SWAP_WORDS` words on
 * each side, both sides writing a word the other text never uses (a word moved, not replaced, is
 * found elsewhere and does not count). A gap counts as a name swap when both new words include a
 * capitalised one, otherwise as a word swap when both sides hold a new content word or either
 * adds a negation ("will not merge" against "to merge").
 */
export function wordSwaps(left: readonly AlignedWord[], right: readonly AlignedWord[]): WordSwaps {
  const leftWords = new Set(left.map((word) => word.lower));
  const rightWords = new Set(right.map((word) => word.lower));
  const newWords = (words: readonly AlignedWord[], other: ReadonlySet<string>) =>
    words.filter((word) => !other.has(word.lower));
  const swaps = { names: 0, words: 0 };
  for (const [leftGap, rightGap] of alignmentGaps(left, right)) {
    if (leftGap.length > SWAP_WORDS || rightGap.length > SWAP_WORDS) continue;
    const [leftNew, rightNew] = [newWords(leftGap, rightWords), newWords(rightGap, leftWords)];
    if (named(leftNew) && named(rightNew)) swaps.names++;
    else if ((meant(leftNew) && meant(rightNew)) || negated(leftNew) || negated(rightNew)) {
      swaps.words++;
    }
  }
  return swaps;
}

const named = (words: readonly AlignedWord[]) => words.some((word) => word.capitalised);
/** Holds a content word: not a stop word, no digits (numbers are facts, story-facts.ts). */
const meant = (words: readonly AlignedWord[]) =>
  words.some((word) => !STOP_WORDS.has(word.lower) && !/\d/u.test(word.lower));
const negated = (words: readonly AlignedWord[]) => words.some((word) => NEGATIONS.has(word.lower));

/**
 * The stretches between the matched words of a longest common subsequence (by lowercased word),
 * before the first match and after the last included, as pairs of the two sides' words.
 */
function alignmentGaps(
  left: readonly AlignedWord[],
  right: readonly AlignedWord[],
): [AlignedWord[], AlignedWord[]][] {
  const columns = right.length + 1;
  // suffix[i * columns + j]: the longest common subsequence of left[i..] and right[j..].
  const suffix = new Uint16Array((left.length + 1) * columns);
  for (let i = left.length - 1; i >= 0; i--) {
    for (let j = right.length - 1; j >= 0; j--) {
      suffix[i * columns + j] =
        left[i]?.lower === right[j]?.lower
          ? (suffix[(i + 1) * columns + j + 1] ?? 0) + 1
          : Math.max(suffix[(i + 1) * columns + j] ?? 0, suffix[i * columns + j + 1] ?? 0);
    }
  }
  const gaps: [AlignedWord[], AlignedWord[]][] = [];
  let [i, j, gapLeft, gapRight] = [0, 0, 0, 0];
  const closeGap = () => {
    gaps.push([left.slice(gapLeft, i), right.slice(gapRight, j)]);
  };
  while (i < left.length && j < right.length) {
    if (left[i]?.lower === right[j]?.lower) {
      closeGap();
      i++;
      j++;
      [gapLeft, gapRight] = [i, j];
    } else if ((suffix[(i + 1) * columns + j] ?? 0) >= (suffix[i * columns + j + 1] ?? 0)) i++;
    else j++;
  }
  [i, j] = [left.length, right.length];
  closeGap();
  return gaps;
}
