// Exponential backoff with full jitter, as a pure function of the attempt and a random source.

/** Backoff settings, in milliseconds. */
export interface BackoffOptions {
  /** Delay before the first retry, before jitter. Default 500 ms. */
  baseMs: number;
  /** Upper bound of any delay. Default 60 000 ms. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 60_000 };

/**
 * Delay before retry number `attempt` (1-based): uniform in [cap/2, cap] where
 * cap = min(maxMs, baseMs · 2^(attempt−1)). Half-jitter keeps retries spread yet never instant.
 */
export function backoffDelayMs(
  attempt: number,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const cap = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(cap / 2 + random() * (cap / 2));
}
