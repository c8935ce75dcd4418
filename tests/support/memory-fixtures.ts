// Memories to plant a fact among (tests/memory.semantic.test.ts, bench/memory-recall.ts): everyday
// sentences of an influencer's posts, replies and conversations, to be embedded by the real
// offline encoder, and any number of blends of their embeddings, which stand in for more memories
// without embedding each (~17 ms a text).

const FANS = ['Milo', 'Noor', 'Jun', 'Lea', 'Sam', 'Ines'];
const THINGS = ['denim jacket', 'linen shirt', 'trail sneakers', 'rain coat', 'wool scarf', 'tote'];
const CITIES = ['Berlin', 'Leipzig', 'Lisbon', 'Oslo', 'Vienna', 'Porto'];

/** A fact about a fan, and a question about it in other words. */
export const PLANTED_FACT = {
  text: 'Milo told me his favourite climbing gym is Boulderhaus in Leipzig.',
  paraphrase: 'Which bouldering hall does Milo like best?',
};

/**
 * 150 sentences of posts, replies and conversations, some about the same fans, cities and sports
 * as the planted fact, none saying where anyone climbs.
 */
export function everydaySentences(): string[] {
  const sentences: string[] = [];
  for (let index = 0; index < 36; index++) {
    const fan = FANS[index % FANS.length];
    const thing = THINGS[Math.floor(index / FANS.length)];
    const city = CITIES[(index * 5) % CITIES.length];
    sentences.push(
      `New post: styling the ${thing} for a rainy week in ${city}.`,
      `${fan} commented that the ${thing} looks great and asked where it is from.`,
      `I replied to ${fan} with a thank-you and the shop link for the ${thing}.`,
      `${fan} and I talked about weekend plans in ${city}.`,
    );
  }
  sentences.push(
    'I went climbing with friends at the gym on Saturday.',
    'Milo asked whether I prefer sneakers or boots for hiking.',
    "Milo's favourite colour is forest green.",
    'Noor told me her favourite bakery is in Leipzig.',
    'The bouldering wall at the festival was packed.',
    'Jun likes to run along the river before work.',
  );
  return sentences;
}

/**
 * `count` unit vectors, each a blend of three of `bases` picked at random, with random weights,
 * plus `noise` times a random direction, normalised. They fill the space between the sentences
 * as an agent's many memories would. Tight clusters of near-copies would not do: an HNSW graph
 * over them leaves an outlier such as the planted fact unreachable. The same seed gives the same
 * vectors.
 */
export function blendedEmbeddings(
  bases: readonly (readonly number[])[],
  count: number,
  options: { noise: number; seed: number },
): number[][] {
  const uniform = mulberry32(options.seed);
  const gaussian = () =>
    Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  const pick = () => bases[Math.floor(uniform() * bases.length)] ?? [];
  const blends: number[][] = [];
  for (let index = 0; index < count; index++) {
    const mixed = [pick(), pick(), pick()].map((base) => ({ base, weight: uniform() }));
    const length = mixed[0]?.base.length ?? 0;
    const scale = options.noise / Math.sqrt(length);
    const vector = Array.from({ length }, (_, at) =>
      mixed.reduce((sum, { base, weight }) => sum + weight * (base[at] ?? 0), scale * gaussian()),
    );
    const norm = Math.hypot(...vector);
    blends.push(vector.map((value) => value / norm));
  }
  return blends;
}

/** Uniform numbers in [0, 1) from the seeded mulberry32 generator. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}
