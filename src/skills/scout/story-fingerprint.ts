// The evidence that two feed items tell the same story: character and word shingles with their
// Jaccard similarity and containment, the headline, the facts each states (story-facts.ts), the
// names and content words each uses, names or words swapped in the same place (word-swaps.ts),
// a direction turned the other way (opposed-words.ts), and a hand-built similarity. The
// near-duplicate model (duplicate-pair-model.ts) weighs these features; this file only measures.

import {
  contentWords,
  MENTION_PATTERN,
  normaliseText,
  splitWords,
  stem,
  stripPostingPrefix,
  URL_PATTERN,
} from './normalise-text.js';
import { opposedDirections } from './opposed-words.js';
import { factsConflict, storyFacts } from './story-facts.js';
import { type AlignedWord, alignedWords, wordSwaps } from './word-swaps.js';

/**
 * A truncated or trimmed copy ("… https://sho.rt/x") holds little of the longer text, so its
 * Jaccard is low; its containment (the share of it found in the longer) counts at this weight.
 * A text of fewer words than `CONTAINMENT_MIN_WORDS` ("good morning!") is contained in too much
 * to say so.
 */
const CONTAINMENT_WEIGHT = 0.5;
const CONTAINMENT_MIN_WORDS = 6;

/**
 * Two texts whose first sentences (headlines) of at least `minWords` words match this closely
 * (character Jaccard) and state no conflicting facts tell the same story, whatever the rest adds:
 * "RT @desk: Drivers to strike on 9 and 10 October. Fewer than 1 in 5 trains" and the report
 * under the same headline with other figures in its summary.
 */
const SAME_HEADLINE = { minWords: 6, jaccard: 0.9 } as const;

/** Characters per character shingle. */
const SHINGLE_SIZE = 5;

/**
 * The character shingles of a text after `normaliseText`: every run of `size` characters,
 * spaces included. A text shorter than `size` is its own single shingle; an empty text has none.
 */
export function shingles(text: string, size: number = SHINGLE_SIZE): Set<string> {
  const normalised = normaliseText(text);
  const found = new Set<string>();
  if (normalised.length === 0) return found;
  if (normalised.length <= size) {
    found.add(normalised);
    return found;
  }
  for (let start = 0; start + size <= normalised.length; start++) {
    found.add(normalised.slice(start, start + size));
  }
  return found;
}

/** The word shingles of a text after `normaliseText`: its distinct words, numbers included. */
export function wordShingles(text: string): Set<string> {
  const normalised = normaliseText(text);
  return new Set(normalised.length === 0 ? [] : normalised.split(' '));
}

/** Exact Jaccard similarity of two sets (1 when both are empty). */
export function jaccard(left: ReadonlySet<string>, right: ReadonlySet<string>): number {
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const value of left) if (right.has(value)) shared++;
  return shared / (left.size + right.size - shared);
}

/** 32-bit FNV-1a hash of a string's UTF-16 code units. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A shingle set as sorted distinct 32-bit hashes, for fast exact Jaccard over many pairs. */
function hashedSet(set: ReadonlySet<string>): Uint32Array {
  return Uint32Array.from(new Set([...set].map(fnv1a))).sort();
}

/** Jaccard similarity of two sorted hash arrays (0 when either is empty). */
function sortedJaccard(left: Uint32Array, right: Uint32Array): number {
  const shared = sortedOverlap(left, right);
  return shared / (left.length + right.length - shared || 1);
}

/** Share of the smaller set found in the larger (containment): a truncated copy scores 1. */
function sortedContainment(left: Uint32Array, right: Uint32Array): number {
  return sortedOverlap(left, right) / (Math.min(left.length, right.length) || 1);
}

function sortedOverlap(left: Uint32Array, right: Uint32Array): number {
  if (left.length === 0 || right.length === 0) return 0;
  let shared = 0;
  let leftIndex = 0;
  let rightIndex = 0;
  while (leftIndex < left.length && rightIndex < right.length) {
    const a = left[leftIndex] ?? 0;
    const b = right[rightIndex] ?? 0;
    if (a === b) {
      shared++;
      leftIndex++;
      rightIndex++;
    } else if (a < b) leftIndex++;
    else rightIndex++;
  }
  return shared;
}

/** What an item's text gives for comparison: its shingles hashed, facts, names and headline. */
export interface StoryFingerprint {
  /** The text after `normaliseText`. */
  normalised: string;
  characters: Uint32Array;
  words: Uint32Array;
  /** Stemmed content words (`contentWords`), hashed. */
  contentWords: Uint32Array;
  /** Capitalised words inside a sentence, lowercased: the people, brands and places it names. */
  names: Uint32Array;
  facts: Set<string>;
  /** Every word stemmed, stop words included, for `opposedDirections`. */
  stems: Set<string>;
  /** Its words in order, for `wordSwaps`. */
  wordsInOrder: AlignedWord[];
  headline: { characters: Uint32Array; words: number; facts: Set<string> };
}

/** A capitalised word that does not start a sentence (or the text). */
const NAME = /(?<![.!?…:]\P{L}*|^\P{L}*)(?<!\p{L})\p{Lu}[\p{L}'’-]*\p{L}/gu;

function names(text: string): Set<string> {
  const body = stripPostingPrefix(text).replace(URL_PATTERN, ' ').replace(MENTION_PATTERN, '$1 ');
  return new Set([...body.matchAll(NAME)].map(([name]) => name.toLowerCase()));
}

/** The fingerprint of a text (an item's title and summary, as `itemText` joins them). */
export function storyFingerprint(text: string): StoryFingerprint {
  const headline = text.split(/(?<=[.!?…])\s/u)[0] ?? '';
  const headlineWords = normaliseText(headline)
    .split(' ')
    .filter((word) => word !== '');
  return {
    normalised: normaliseText(text),
    characters: hashedSet(shingles(text)),
    words: hashedSet(wordShingles(text)),
    contentWords: hashedSet(new Set(contentWords(text))),
    names: hashedSet(names(text)),
    facts: storyFacts(text),
    stems: new Set(splitWords(text).map(stem)),
    wordsInOrder: alignedWords(text),
    headline: {
      characters: hashedSet(shingles(headline)),
      words: headlineWords.length,
      facts: storyFacts(headline),
    },
  };
}

/**
 * How alike two texts are, in [0, 1], by hand-built rules (the pair model's first feature): the
 * same headline (`SAME_HEADLINE`) scores its headlines' Jaccard; conflicting facts (`storyFacts`:
 * other numbers, days, months or seasons, an event called off against one going ahead) score 0;
 * otherwise `textSimilarity`, where character shingles forgive small edits and inflections, word
 * shingles notice a changed name or place and containment forgives truncation.
 */
function similarity(left: StoryFingerprint, right: StoryFingerprint): number {
  const headlineJaccard = sameHeadline(left, right);
  if (headlineJaccard !== undefined) return headlineJaccard;
  if (factsConflict(left.facts, right.facts)) return 0;
  return textSimilarity(left, right);
}

/** The headlines' character Jaccard when they are the same headline (`SAME_HEADLINE`). */
function sameHeadline(left: StoryFingerprint, right: StoryFingerprint): number | undefined {
  const headlines = [left.headline, right.headline] as const;
  if (
    Math.min(headlines[0].words, headlines[1].words) < SAME_HEADLINE.minWords ||
    factsConflict(headlines[0].facts, headlines[1].facts)
  ) {
    return undefined;
  }
  const headlineJaccard = sortedJaccard(headlines[0].characters, headlines[1].characters);
  return headlineJaccard >= SAME_HEADLINE.jaccard ? headlineJaccard : undefined;
}

/**
 * The mean of two fingerprints' character and word Jaccards or, for a copy cut short,
 * `CONTAINMENT_WEIGHT` times the mean share of the shorter text found in the longer, whichever is
 * higher.
 */
function textSimilarity(left: StoryFingerprint, right: StoryFingerprint): number {
  const jaccardMean =
    (sortedJaccard(left.characters, right.characters) + sortedJaccard(left.words, right.words)) / 2;
  if (!containmentCounts(left, right)) return jaccardMean;
  const containmentMean =
    (sortedContainment(left.characters, right.characters) +
      sortedContainment(left.words, right.words)) /
    2;
  return Math.max(jaccardMean, CONTAINMENT_WEIGHT * containmentMean);
}

function containmentCounts(left: StoryFingerprint, right: StoryFingerprint): boolean {
  return Math.min(left.words.length, right.words.length) >= CONTAINMENT_MIN_WORDS;
}

/** The names of `pairFeatures`' values, in order. */
export const PAIR_FEATURES = [
  'rule similarity',
  'character Jaccard',
  'word Jaccard',
  'character containment',
  'word containment',
  'headline character Jaccard',
  'facts conflict',
  'facts Jaccard',
  'names Jaccard',
  'content-word Jaccard',
  'content-word containment',
  'name swaps',
  'word swaps',
  'opposed directions',
] as const;

/**
 * What the near-duplicate model weighs for a pair, each in [0, 1], named by `PAIR_FEATURES`.
 * Containments count only for texts of `CONTAINMENT_MIN_WORDS` words or more; a Jaccard over two
 * empty sets (no facts, no names) is 0, not 1.
 */
export function pairFeatures(left: StoryFingerprint, right: StoryFingerprint): number[] {
  const contained = containmentCounts(left, right);
  const swaps = wordSwaps(left.wordsInOrder, right.wordsInOrder);
  return [
    similarity(left, right),
    sortedJaccard(left.characters, right.characters),
    sortedJaccard(left.words, right.words),
    contained ? sortedContainment(left.characters, right.characters) : 0,
    contained ? sortedContainment(left.words, right.words) : 0,
    sortedJaccard(left.headline.characters, right.headline.characters),
    factsConflict(left.facts, right.facts) ? 1 : 0,
    left.facts.size + right.facts.size === 0 ? 0 : jaccard(left.facts, right.facts),
    sortedJaccard(left.names, right.names),
    sortedJaccard(left.contentWords, right.contentWords),
    sortedContainment(left.contentWords, right.contentWords),
    Math.min(swaps.names, 2) / 2,
    Math.min(swaps.words, 2) / 2,
    Math.min(opposedDirections(left.stems, right.stems), 1),
  ];
}

/**
 * Pairs whose mean character and word Jaccard cannot reach this, from set sizes alone, are not
 * compared: unrelated posts of very different lengths.
 */
const CANDIDATE_BOUND = 0.1;
/**
 * Pairs sharing fewer content words than this (Jaccard) are not compared: one of the 1,075
 * labelled duplicate pairs of the tuning sets does, and 74 % of their other pairs that share any
 * content word do.
 */
const CANDIDATE_CONTENT_WORDS = 0.05;

/**
 * `pairFeatures` for a pair worth comparing, or undefined for one that cannot tell the same
 * story: either text blank after normalisation, lengths too different to share much
 * (`CANDIDATE_BOUND`), or too few content words in common (`CANDIDATE_CONTENT_WORDS`). The model
 * is trained and applied on these pairs alone.
 */
export function candidatePairFeatures(
  left: StoryFingerprint,
  right: StoryFingerprint,
): number[] | undefined {
  if (left.characters.length === 0 || right.characters.length === 0) return undefined;
  // Each Jaccard is at most the smaller set's size over the larger's.
  const bound =
    (sizeRatio(left.characters, right.characters) + sizeRatio(left.words, right.words)) / 2;
  if (bound < CANDIDATE_BOUND) return undefined;
  if (sortedJaccard(left.contentWords, right.contentWords) < CANDIDATE_CONTENT_WORDS) {
    return undefined;
  }
  return pairFeatures(left, right);
}

function sizeRatio(left: Uint32Array, right: Uint32Array): number {
  return Math.min(left.length, right.length) / Math.max(left.length, right.length, 1);
}
