// What generation costs, by provider and medium, in US dollars. Estimates (the Director) and
// actual costs (the Artist, the model calls) read the same table, so they can be compared.
// Offline providers carry small nominal prices so budgets and reports exercise real numbers.

/** Dollars per million tokens, by CHIMERA_MODEL value. */
export const TEXT_PRICES: Record<string, { inputPerMillion: number; outputPerMillion: number }> = {
  offline: { inputPerMillion: 0.1, outputPerMillion: 0.4 },
  'openai:gpt-4o-mini': { inputPerMillion: 0.15, outputPerMillion: 0.6 },
  'openai:gpt-4o': { inputPerMillion: 2.5, outputPerMillion: 10 },
  'anthropic:claude-sonnet-4-5': { inputPerMillion: 3, outputPerMillion: 15 },
  'anthropic:claude-haiku-4-5': { inputPerMillion: 1, outputPerMillion: 5 },
};

/** Used for a hosted model missing from TEXT_PRICES: deliberately not cheap. */
export const UNLISTED_TEXT_PRICE = { inputPerMillion: 5, outputPerMillion: 15 };

/** Dollars per produced unit of media, for the bundled offline media server. */
export const MEDIA_PRICES = { image: 0.002, speechPerSecond: 0.0005, videoPerSecond: 0.01 };

/** Cost of a text generation with `model`, rounded to a millionth of a dollar. */
export function textCost(
  model: string,
  usage: { inputTokens: number; outputTokens: number },
): number {
  const price = TEXT_PRICES[model] ?? UNLISTED_TEXT_PRICE;
  return roundMicro(
    (usage.inputTokens * price.inputPerMillion + usage.outputTokens * price.outputPerMillion) / 1e6,
  );
}

/**
 * Spoken words per second of the bundled speech synthesiser (espeak-ng at its default 175 words
 * a minute measured 2.86–2.89 over 100–500 word scripts), for estimating a video's length.
 */
export const SPOKEN_WORDS_PER_SECOND = 2.87;

/** Words in a text: for a video script's 100–500 word rule and its spoken length. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Seconds a script of `words` words takes to speak. */
export function spokenSeconds(words: number): number {
  return words / SPOKEN_WORDS_PER_SECOND;
}

/**
 * Cost of producing an asset of `format`: nothing for text, one image for an image (and for a
 * video that fell back to an image), and for a video its poster image plus speech and video by
 * the second. `videoSeconds` is the rendered length, or the estimate from the script.
 */
export function productionCost(format: 'text' | 'image' | 'video', videoSeconds = 0): number {
  if (format === 'text') return 0;
  const perSecond = MEDIA_PRICES.speechPerSecond + MEDIA_PRICES.videoPerSecond;
  return roundMicro(MEDIA_PRICES.image + (format === 'video' ? videoSeconds * perSecond : 0));
}

/** Rounds dollars to six decimals (one micro-dollar), the precision costs are kept at. */
export function roundMicro(dollars: number): number {
  return Math.round(dollars * 1e6) / 1e6;
}
