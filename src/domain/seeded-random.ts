// A small seeded random source (mulberry32) and the samplers that use it: uniform
// picks, standard normal (Box–Muller) and gamma (Marsaglia–Tsang). Deterministic for a given seed;
// not for anything cryptographic (secrets and keys use node:crypto).

/** A source of numbers uniform in [0, 1), like `Math.random`. Each call advances its state. */
export type Random = () => number;

/**
 * A 32-bit seed from any labels (e.g. a run's seed, an agent id and a post id): FNV-1a over the
 * labels joined by NUL, then murmur3's finalizer so near labels give far seeds.
 */
export function seedFrom(...labels: ReadonlyArray<string | number>): number {
  const text = labels.join('\u0000');
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** mulberry32: a fast 32-bit generator with a period of 2^32, plenty for simulations. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** One of `values`, each equally likely. Throws a RangeError when `values` is empty. */
export function pickUniform<T>(random: Random, values: readonly T[]): T {
  const value = values[Math.floor(random() * values.length)];
  if (value === undefined) throw new RangeError('pickUniform needs at least one value');
  return value;
}

/** A standard normal draw (mean 0, variance 1), by the Box–Muller transform. */
export function sampleNormal(random: Random): number {
  // 1 − random() lies in (0, 1], so the logarithm is finite.
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/**
 * A Gamma(shape, rate) draw (mean shape / rate), by Marsaglia and Tsang's squeeze method; a shape
 * below 1 is boosted to shape + 1 and scaled back by U^(1/shape). Both arguments must be > 0.
 */
export function sampleGamma(random: Random, shape: number, rate = 1): number {
  if (shape < 1) return sampleGamma(random, shape + 1, rate) * random() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = sampleNormal(random);
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    const u = 1 - random();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
      return (d * v) / rate;
    }
  }
}
