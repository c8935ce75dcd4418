// What the benchmarks share: a positive whole number from an environment variable (a bench's
// size or rate), and a percentile of measured values.

/** The positive whole number in environment variable `name`, or `fallback` when it is unset. */
export function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name}: give a positive integer, got '${raw}'`);
  }
  return value;
}

/** The `fraction` percentile (0.95 for p95) of `values`, by the nearest-rank method. */
export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}
