// Relevance of a trend to an agent's niche and campaign goal: stemmed concept overlap widened by
// a small synonym map for lifestyle niches. It uses no embeddings or models and fetches nothing.

import { contentWords, splitWords, stem } from './normalise-text.js';

/** What a trend is judged against. */
export interface RelevanceContext {
  /** The agent's niche, e.g. "budget travel and street food". */
  niche: string;
  /** The campaign goal, e.g. "promote our upcycled denim drop". May be empty. */
  goal: string;
  /** Extra synonym groups for niche words, merged with `SYNONYM_GROUPS`. */
  synonyms?: ReadonlyArray<readonly string[]>;
}

/** Weight of niche coverage in the score; the goal has the rest. */
export const NICHE_WEIGHT = 0.75;
/** Default lowest relevance for a trend to be kept. */
export const RELEVANCE_THRESHOLD = 0.75;

/**
 * Small groups of words that stand for the same concept in lifestyle niches. A niche or goal
 * word matches a trend that uses any word of its group. Multi-word entries match as phrases.
 * Groups are written as " | "-separated lists.
 * The map is deliberately small and general, and leaves out words that are often about something
 * else in news ("run", "fit", "sport", "steps", "training", whose stem is also that of "trains");
 * pass `synonyms` for anything more specific.
 */
export const SYNONYM_GROUPS: ReadonlyArray<readonly string[]> = [
  // Sustainability.
  'sustainable | sustainability | eco | eco-friendly | green | recycled | recycle | recycling | upcycled | upcycle | upcycling | thrift | thrifted | thrifting | secondhand | second hand | second-hand | preloved | vintage | resale | repair | mend | mending | circular | organic | ethical | slow fashion | zero waste | zero-waste | swap | reuse | take-back | hemp | greenwashing',
  // Streetwear and clothing.
  'streetwear | sneaker | sneakers | trainers | hoodie | hoodies | tee | tees | t-shirt | denim | jeans | jacket | cargo | cargos | skatewear | apparel | clothing | clothes | garment | garments | outfit | wardrobe | fashion | flannel | blazer',
  // Money.
  'budget | cheap | affordable | low-cost | low cost | bargain | deal | discount | discounted | value | backpacker | backpacking | hostel | savings',
  // Travel.
  'travel | trip | traveller | travellers | traveler | tourist | tourists | tourism | flight | flights | airline | hostel | backpacking | holiday | vacation | destination | visa | e-visa | rail | interrail | ferry | itinerary | city break | route | routes | nomad',
  // Street food.
  'street | hawker | vendor | vendors | stall | stalls | night market | market | food truck | street food',
  'food | eat | eats | eating | dish | dishes | cuisine | meal | snack | foodie | taco | tacos | noodle | noodles | dumpling | dumplings | chicken rice | bun | buns',
  // Fitness.
  'fitness | workout | workouts | exercise | exercises | exercising | gym | gyms | strength training | personal trainer | running | marathon | parkrun | yoga | pilates | cardio | walking | stretching | pull-up | pull-ups | weightlifting | physical activity',
  // Wellness.
  'wellness | wellbeing | well-being | health | healthy | sleep | mental health | mindfulness | meditation | stress | nutrition | recovery | self-care | hydration | calm',
  'everyday | daily | routine | routines | habit | habits | everyday life | commute | desk | home | at home | nightly | morning',
].map((group) => group.split(' | '));

/**
 * Words that describe a campaign rather than its subject ("promote", "followers"); they are left
 * out of the goal's concepts.
 */
const CAMPAIGN_WORDS = new Set(
  'promote promoting promotion grow growing growth follower followers audience awareness campaign engagement engage brand launch launching content post posts posting reach drive increase boost build sell sales gen z community share'
    .split(' ')
    .map(stem),
);

const NO_SYNONYMS = new Map<string, Set<string>>();

interface Concepts {
  /** Each facet is a list of concepts; each concept is the set of stems or stemmed phrases that match it. */
  facets: Array<Array<Set<string>>>;
}

function stemPhrase(phrase: string): string {
  return splitWords(phrase).map(stem).join(' ');
}

let defaultIndex: Map<string, Set<string>> | undefined;

function synonymIndex(extra: ReadonlyArray<readonly string[]> = []): Map<string, Set<string>> {
  if (extra.length === 0 && defaultIndex !== undefined) return defaultIndex;
  const index = new Map<string, Set<string>>();
  for (const group of [...SYNONYM_GROUPS, ...extra]) {
    const stems = new Set(group.map(stemPhrase).filter((entry) => entry.length > 0));
    for (const entry of stems) {
      const known = index.get(entry);
      if (known === undefined) index.set(entry, new Set(stems));
      else for (const value of stems) known.add(value);
    }
  }
  if (extra.length === 0) defaultIndex = index;
  return index;
}

function concepts(
  text: string,
  synonyms: Map<string, Set<string>>,
  exclude: ReadonlySet<string> = new Set(),
): Concepts {
  // A niche such as "budget travel and street food" is two facets; a trend need fit only one.
  const facets = text
    .split(/\s*(?:,|;|&|\/|\+|\band\b|\bor\b)\s*/iu)
    .map((facet) =>
      [...new Set(contentWords(facet))]
        .filter((word) => !exclude.has(word))
        .map((word) => synonyms.get(word) ?? new Set([word])),
    )
    .filter((facet) => facet.length > 0);
  return { facets };
}

function trendTerms(text: string): Set<string> {
  const words = splitWords(text).map(stem);
  const terms = new Set(words);
  for (let index = 0; index + 1 < words.length; index++) {
    terms.add(`${words[index]} ${words[index + 1]}`);
  }
  return terms;
}

function coverage(facet: ReadonlyArray<ReadonlySet<string>>, terms: ReadonlySet<string>): number {
  if (facet.length === 0) return 0;
  let matched = 0;
  for (const concept of facet) {
    for (const term of concept) {
      if (terms.has(term)) {
        matched++;
        break;
      }
    }
  }
  return matched / facet.length;
}

/**
 * How relevant a trend's text is to a niche and goal, in [0, 1]:
 *
 *   relevance = 0.75 × niche coverage + 0.25 × goal coverage
 *
 * Niche coverage is the share of one niche facet's concepts the trend mentions, taking the best
 * facet ("budget travel and street food" has two; a street-food trend covers the second fully).
 * Goal coverage is the share of the goal's subject words the trend mentions, ignoring campaign
 * words such as "promote" or "followers". A niche concept is mentioned when the trend uses the
 * word, a word with the same stem or a word from its synonym group; a goal word only by the word
 * or its stem, since a goal names something specific ("denim", not any clothing). An empty goal
 * counts as covered as well as the niche.
 *
 * So 0.75 (the default threshold) means the trend covers a whole niche facet, or most of one
 * and part of the goal; a trend that touches only half of "sustainable streetwear" (a plain
 * sneaker drop) scores at most 0.625.
 */
export function relevance(text: string, context: RelevanceContext): number {
  const synonyms = synonymIndex(context.synonyms);
  const terms = trendTerms(text);
  const niche = concepts(context.niche, synonyms);
  const nicheCoverage = Math.max(0, ...niche.facets.map((facet) => coverage(facet, terms)));
  const goalConcepts = concepts(context.goal, NO_SYNONYMS, CAMPAIGN_WORDS).facets.flat();
  const goalCoverage = goalConcepts.length === 0 ? nicheCoverage : coverage(goalConcepts, terms);
  return NICHE_WEIGHT * nicheCoverage + (1 - NICHE_WEIGHT) * goalCoverage;
}

/** What `filterRelevant` reads from a trend. */
export interface RelevanceSubject {
  topic: string;
  keywords?: readonly string[];
  headline?: string;
}

/** The text a trend is judged by: its topic, keywords and headline. */
export function trendText(trend: RelevanceSubject): string {
  return [trend.topic, ...(trend.keywords ?? []), trend.headline ?? ''].join(' ');
}

/**
 * Keeps the trends whose relevance reaches `threshold` (inclusive), in their input order, each
 * with its `relevance` attached.
 */
export function filterRelevant<Trend extends RelevanceSubject>(
  trends: readonly Trend[],
  context: RelevanceContext,
  threshold: number = RELEVANCE_THRESHOLD,
): Array<Trend & { relevance: number }> {
  return trends
    .map((trend) => ({ ...trend, relevance: relevance(trendText(trend), context) }))
    .filter((trend) => trend.relevance >= threshold);
}
