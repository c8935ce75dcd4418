// The part of the untyped `vader-sentiment` package (a CommonJS port of VADER) the Scout uses.
// It declares types only; it does not change or wrap the package.

declare module 'vader-sentiment' {
  /** VADER's scores for one text: shares of negative, neutral and positive words, and compound. */
  export interface PolarityScores {
    neg: number;
    neu: number;
    pos: number;
    /** The normalised sum of word valences, in [-1, 1]. */
    compound: number;
  }

  /** VADER's analyser; it holds no state, so its one method is static. */
  export const SentimentIntensityAnalyzer: {
    polarity_scores(text: string): PolarityScores;
  };

  const vader: { SentimentIntensityAnalyzer: typeof SentimentIntensityAnalyzer };
  export default vader;
}
