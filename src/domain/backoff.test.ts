// FR-WORK-003: transient errors retry after min(max, base × 2^(attempt − 1)) × uniform(0.5, 1.0).

import { describe, expect, it } from 'vitest';
import { backoffDelayMs, DEFAULT_BACKOFF } from './backoff.js';

const options = { baseMs: 1_000, maxMs: 60_000 };
const lowest = () => 0;
const highest = () => 1;
const middle = () => 0.5;

describe('backoffDelayMs (FR-WORK-003)', () => {
  it('waits half the cap when the random source gives 0 and the whole cap when it gives 1', () => {
    expect(backoffDelayMs(1, options, lowest)).toBe(500);
    expect(backoffDelayMs(1, options, highest)).toBe(1_000);
    expect(backoffDelayMs(1, options, middle)).toBe(750);
  });

  it('doubles the cap with every attempt', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelayMs(attempt, options, highest))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000,
    ]);
    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelayMs(attempt, options, lowest))).toEqual([
      500, 1_000, 2_000, 4_000, 8_000,
    ]);
  });

  it('never exceeds maxMs, however many attempts were made', () => {
    for (const attempt of [7, 8, 20, 100, 2_000]) {
      expect(backoffDelayMs(attempt, options, highest), `attempt ${attempt}`).toBe(60_000);
      expect(backoffDelayMs(attempt, options, lowest), `attempt ${attempt}`).toBe(30_000);
      expect(backoffDelayMs(attempt, options, middle), `attempt ${attempt}`).toBe(45_000);
    }
  });

  it('reaches the cap exactly at the attempt where base × 2^(attempt − 1) passes maxMs', () => {
    // 1 000 × 2^6 = 64 000 > 60 000, so attempt 7 is the first capped one.
    expect(backoffDelayMs(6, options, highest)).toBe(32_000);
    expect(backoffDelayMs(7, options, highest)).toBe(60_000);
  });

  it('treats attempt 0 and negative attempts like the first retry', () => {
    expect(backoffDelayMs(0, options, highest)).toBe(1_000);
    expect(backoffDelayMs(-3, options, lowest)).toBe(500);
  });

  it('stays within [cap/2, cap] for many random values', () => {
    for (let attempt = 1; attempt <= 10; attempt++) {
      const cap = Math.min(options.maxMs, options.baseMs * 2 ** (attempt - 1));
      for (let step = 0; step <= 100; step++) {
        const delay = backoffDelayMs(attempt, options, () => step / 100);
        expect(delay).toBeGreaterThanOrEqual(cap / 2);
        expect(delay).toBeLessThanOrEqual(cap);
        expect(Number.isInteger(delay)).toBe(true);
      }
    }
  });

  it('uses 500 ms doubling up to 60 s by default', () => {
    expect(DEFAULT_BACKOFF).toEqual({ baseMs: 500, maxMs: 60_000 });
    expect(backoffDelayMs(1, undefined, highest)).toBe(500);
    expect(backoffDelayMs(3, undefined, highest)).toBe(2_000);
    expect(backoffDelayMs(30, undefined, highest)).toBe(60_000);
  });

  it('spreads delays with Math.random when no random source is given', () => {
    const delays = Array.from({ length: 50 }, () => backoffDelayMs(10, options));
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(30_000);
      expect(delay).toBeLessThanOrEqual(60_000);
    }
    expect(new Set(delays).size).toBeGreaterThan(1);
  });
});
