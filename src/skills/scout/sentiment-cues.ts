// The hand-made half of the sentiment classifier's input: lexicon scores (VADER, the Scout's
// corrected score) and cues that word lists miss: negation, questions, emphasis and the common
// markers of sarcasm. Pure and synchronous; the sentence embedding is the other half.

import vader from 'vader-sentiment';
import { scoreSentiment, sentimentBreakdown } from './sentiment.js';

/** Negators, as words or contractions ("not", "never", "wasn't", "can't"). */
const NEGATION =
  /\b(?:not|no|never|nothing|nobody|none|neither|nor|hardly|barely|without|cannot|\w+n['’]t)\b/iu;

/**
 * Markers of sarcasm that linguists and annotators report in social posts: an interjection before
 * praise ("oh great", "wow, fantastic"), stock phrases ("love that for me", "yeah right", "said
 * no one", "what could go wrong", "just what I needed", "thanks a lot"), the "/s" tag, scare
 * quotes around one word ('"waterproof"') and the upside-down, eye-roll, clown and unamused emoji.
 */
const SARCASM_MARKERS: readonly RegExp[] = [
  /\b(?:oh|ah|wow|just|yeah|yay|great),?\s+(?:great|wonderful|fantastic|perfect|lovely|brilliant|amazing|awesome|fun|nice|super|thrilled|terrific)\b/iu,
  /\blove (?:that|this) for (?:me|us)\b/iu,
  /\byeah,? right\b/iu,
  /\bsaid no ?one\b/iu,
  /\bwhat could (?:possibly )?go wrong\b/iu,
  /\bjust what (?:i|we) (?:needed|wanted)\b/iu,
  /\bthanks? (?:a lot|so much|for nothing)\b/iu,
  /(?:^|\s)\/s\b/iu,
  /["“‘'][\p{L}-]{3,}["”’'](?!\w)/u,
  /[🙃🙄😒🤡]/u,
];

const wordValences = new Map<string, number>();

/** VADER's compound score of one lowercase word: its sign says praise or criticism. */
function wordValence(word: string): number {
  let valence = wordValences.get(word);
  if (valence === undefined) {
    valence = vader.SentimentIntensityAnalyzer.polarity_scores(word).compound;
    wordValences.set(word, valence);
  }
  return valence;
}

/**
 * Negated praise ("not impressed", "wasn't worth it"), negated criticism ("can't fault it", "no
 * complaints") and mixed feelings: praise and criticism words in one text, the usual shape of
 * sarcasm ("love paying $14 for a sad salad") and of balanced reviews.
 */
function valenceShapes(text: string): {
  negatedPraise: number;
  negatedCriticism: number;
  mixed: number;
} {
  const words = text.toLowerCase().match(/[\p{L}'’]+/gu) ?? [];
  let negatedPraise = 0;
  let negatedCriticism = 0;
  let praise = 0;
  let criticism = 0;
  words.forEach((word, index) => {
    const valence = wordValence(word);
    if (valence === 0) return;
    const negated = words
      .slice(Math.max(0, index - 3), index)
      .some((before) => NEGATION.test(before));
    if (valence > 0) {
      if (negated) negatedPraise++;
      else praise++;
    } else if (negated) negatedCriticism++;
    else criticism++;
  });
  return {
    negatedPraise: Math.min(1, negatedPraise),
    negatedCriticism: Math.min(1, negatedCriticism),
    mixed: praise > 0 && criticism > 0 ? 1 : 0,
  };
}

/** The cue features, in order; the classifier's weights follow this order. */
export const SENTIMENT_CUE_NAMES = [
  'scout score',
  'vader compound',
  'vader positive share',
  'vader negative share',
  'word valence',
  'emoji valence',
  'phrase valence',
  'negation',
  'question',
  'exclamations',
  'all caps',
  'sarcasm markers',
  'negated praise',
  'negated criticism',
  'mixed',
] as const;

/** A text's cue features, each roughly in [-1, 1] or [0, 1], in `SENTIMENT_CUE_NAMES` order. */
export function sentimentCues(text: string): number[] {
  const polarity = vader.SentimentIntensityAnalyzer.polarity_scores(text);
  const parts = sentimentBreakdown(text);
  const words = text.match(/\p{L}{2,}/gu) ?? [];
  const shapes = valenceShapes(text);
  const shouted = words.filter((word) => word.length > 2 && word === word.toUpperCase()).length;
  return [
    scoreSentiment(text).score,
    polarity.compound,
    polarity.pos,
    polarity.neg,
    Math.tanh(parts.vader / 4),
    Math.tanh(parts.emoji / 4),
    Math.tanh(parts.phrases / 4),
    NEGATION.test(text) ? 1 : 0,
    text.includes('?') ? 1 : 0,
    Math.min(3, (text.match(/!/gu) ?? []).length) / 3,
    words.length === 0 ? 0 : shouted / words.length,
    Math.min(2, SARCASM_MARKERS.filter((marker) => marker.test(text)).length) / 2,
    shapes.negatedPraise,
    shapes.negatedCriticism,
    shapes.mixed,
  ];
}
