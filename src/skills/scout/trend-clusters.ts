// Groups the feed items of one time window (four hours by default) into trend clusters and
// measures each: volume, engagement, mean sentiment, rising velocity, platforms and sources.
// It neither removes duplicates (run `dedupe` first if reposts should not count) nor judges relevance.

import { createHash } from 'node:crypto';
import { type FeedItem, type FeedPlatform, itemText, publishedAt } from './feed-item.js';
import { STOP_WORDS, splitWords, stem } from './normalise-text.js';
import { scoreSentiment } from './sentiment.js';

/** One hour in milliseconds. */
export const HOUR_MS = 3_600_000;
/** The Scout's default window: four hours in milliseconds. */
export const FOUR_HOURS_MS = 4 * HOUR_MS;

/** Options for `clusterTrends`. */
export interface TrendClusterOptions {
  /** The end of the window (inclusive). */
  now: Date | number | string;
  /** Window length in milliseconds; an item is in it when `now - windowMs ≤ published ≤ now`. */
  windowMs?: number;
  /** The recent part of the window for `rising_velocity`, in milliseconds. Default one hour. */
  recentMs?: number;
  /**
   * Lowest cosine similarity between an item and a cluster's centroid for the item to join it.
   * Default 0.3: items must share their most distinctive words, not just a common one.
   */
  similarity?: number;
  /** Fewest items a cluster needs to count as a trend. Default 2. */
  minItems?: number;
  /** Most trends returned, largest first. Default 20. */
  limit?: number;
  /** Sentiment of an item's text in [-1, 1]. Default: `scoreSentiment(text).score`. */
  sentiment?: (text: string) => number;
  /** Granularity of the window start used in `trend_id`. Default one hour. */
  idBucketMs?: number;
}

/** A trend: the TrendReport fields plus what the Scout needs to explain and filter it. */
export interface TrendCluster {
  /** Stable id: see `trendId`. */
  trend_id: string;
  /** Readable label: the cluster's top three keywords, in the order the headline uses them. */
  topic: string;
  /** Number of items in the cluster. */
  volume: number;
  /** Summed engagement of the cluster's items (items without engagement count 0). */
  engagement: number;
  /** Mean sentiment of the cluster's items, in [-1, 1]. */
  sentiment_score: number;
  /** Recent rate against the earlier rate: see `risingVelocity`. */
  rising_velocity: number;
  /** Distinct platforms, sorted. */
  platforms: FeedPlatform[];
  /** Publication time of the cluster's earliest item, ISO 8601. */
  first_seen: string;
  /** Distinct sources, in order of their first item. */
  sources: string[];
  /** Top keywords (surface forms), most weighty first. */
  keywords: string[];
  /** Title of the item nearest the cluster's centroid. */
  headline: string;
  /** Ids of the cluster's items, earliest first. */
  item_ids: string[];
}

const DEFAULTS = {
  windowMs: FOUR_HOURS_MS,
  recentMs: HOUR_MS,
  similarity: 0.3,
  minItems: 2,
  limit: 20,
  idBucketMs: HOUR_MS,
} as const;

/** How many keywords name a topic and its id. */
const TOPIC_KEYWORDS = 3;
/** Title words weigh double: headlines state the story, summaries elaborate. */
const TITLE_WEIGHT = 2;

function toMilliseconds(value: Date | number | string): number {
  const milliseconds =
    value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(milliseconds)) throw new RangeError(`not a valid time: ${String(value)}`);
  return milliseconds;
}

/**
 * Rising velocity of a set of publication times in the window ending at `now`:
 *
 *   (recentRate + 1) / (earlierRate + 1)
 *
 * where recentRate is items per hour in the last `recentMs` and earlierRate is items per hour in
 * the rest of the window. The +1 per hour keeps one or two items from producing extreme ratios.
 * 1 means a steady pace, above 1 rising, below 1 fading. With the defaults (4-hour window, last
 * hour recent) it is (recent + 1) / (earlier / 3 + 1). Times outside the window are ignored.
 */
export function risingVelocity(
  times: readonly number[],
  now: number,
  windowMs: number = FOUR_HOURS_MS,
  recentMs: number = HOUR_MS,
): number {
  if (!(recentMs > 0 && recentMs < windowMs)) {
    throw new RangeError('recentMs must be positive and shorter than windowMs');
  }
  let recent = 0;
  let earlier = 0;
  for (const time of times) {
    const age = now - time;
    if (age < 0 || age > windowMs) continue;
    if (age <= recentMs) recent++;
    else earlier++;
  }
  const recentRate = recent / (recentMs / HOUR_MS);
  const earlierRate = earlier / ((windowMs - recentMs) / HOUR_MS);
  return (recentRate + 1) / (earlierRate + 1);
}

/**
 * A trend's stable id: "trend-" and 16 hex digits of the SHA-256 of its keyword stems (sorted,
 * so their order does not matter) and the window start floored to `bucketMs`. The same topic in
 * runs whose windows start within the same bucket (by default, the same hour) gets the same id.
 */
export function trendId(
  keywordStems: readonly string[],
  windowStart: number,
  bucketMs: number = HOUR_MS,
): string {
  const bucket = new Date(Math.floor(windowStart / bucketMs) * bucketMs).toISOString();
  const digest = createHash('sha256')
    .update(`${[...keywordStems].sort().join(' ')}|${bucket}`)
    .digest('hex');
  return `trend-${digest.slice(0, 16)}`;
}

type Vector = Map<string, number>;

interface Document {
  item: FeedItem;
  time: number;
  /** Term counts, title words weighted double. */
  terms: Vector;
  /** Surface forms seen for each stem, with counts. */
  surfaces: Map<string, Map<string, number>>;
  vector: Vector;
}

function countTerms(text: string, weight: number, terms: Vector, surfaces: Document['surfaces']) {
  for (const word of splitWords(text)) {
    if (word.length < 2 || STOP_WORDS.has(word) || /^\p{N}/u.test(word)) continue;
    const stemmed = stem(word);
    terms.set(stemmed, (terms.get(stemmed) ?? 0) + weight);
    let forms = surfaces.get(stemmed);
    if (forms === undefined) {
      forms = new Map();
      surfaces.set(stemmed, forms);
    }
    forms.set(word, (forms.get(word) ?? 0) + 1);
  }
}

function normalised(vector: Vector): Vector {
  let norm = 0;
  for (const value of vector.values()) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm === 0) return vector;
  const result: Vector = new Map();
  for (const [term, value] of vector) result.set(term, value / norm);
  return result;
}

function cosine(left: Vector, right: Vector): number {
  const [small, large] = left.size <= right.size ? [left, right] : [right, left];
  let dot = 0;
  for (const [term, value] of small) dot += value * (large.get(term) ?? 0);
  return dot;
}

interface Cluster {
  members: Document[];
  sum: Vector;
  centroid: Vector;
}

function addTo(cluster: Cluster, document: Document) {
  cluster.members.push(document);
  for (const [term, value] of document.vector) {
    cluster.sum.set(term, (cluster.sum.get(term) ?? 0) + value);
  }
  cluster.centroid = normalised(cluster.sum);
}

function mostFrequent(forms: Map<string, number> | undefined, fallback: string): string {
  let best = fallback;
  let bestCount = -1;
  for (const [form, count] of forms ?? []) {
    if (count > bestCount || (count === bestCount && form < best)) {
      best = form;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Clusters the items published in the window ending at `now` into trends.
 *
 * Each item becomes a TF-IDF vector of its stemmed content words (title words count double, words
 * starting with a digit are left out; IDF
 * is computed over the window's items). Items are taken oldest first (ties by id) and each joins
 * the cluster whose centroid is most similar, if that cosine reaches `similarity`; otherwise it
 * starts a new cluster. Clusters smaller than `minItems` are dropped; the rest are sorted by
 * volume, then rising velocity, then id, and cut to `limit`. The result depends only on the
 * items and options, not on the items' order.
 */
export function clusterTrends(
  items: readonly FeedItem[],
  options: TrendClusterOptions,
): TrendCluster[] {
  const now = toMilliseconds(options.now);
  const windowMs = options.windowMs ?? DEFAULTS.windowMs;
  const windowStart = now - windowMs;
  const settings: Settings = {
    windowMs,
    recentMs: options.recentMs ?? DEFAULTS.recentMs,
    similarity: options.similarity ?? DEFAULTS.similarity,
    minItems: options.minItems ?? DEFAULTS.minItems,
    limit: options.limit ?? DEFAULTS.limit,
    idBucketMs: options.idBucketMs ?? DEFAULTS.idBucketMs,
    sentiment: options.sentiment ?? ((text: string) => scoreSentiment(text).score),
    now,
    windowStart,
  };

  const documents: Document[] = items
    .map((item) => ({ item, time: publishedAt(item) }))
    .filter(({ time }) => time >= windowStart && time <= now)
    .sort((left, right) => left.time - right.time || left.item.id.localeCompare(right.item.id))
    .map(({ item, time }) => {
      const terms: Vector = new Map();
      const surfaces: Document['surfaces'] = new Map();
      countTerms(item.title, TITLE_WEIGHT, terms, surfaces);
      countTerms(item.summary, 1, terms, surfaces);
      return { item, time, terms, surfaces, vector: new Map() };
    });

  const documentFrequency = new Map<string, number>();
  for (const document of documents) {
    for (const term of document.terms.keys()) {
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
  }
  const count = documents.length;
  for (const document of documents) {
    const weighted: Vector = new Map();
    for (const [term, frequency] of document.terms) {
      const inverse = Math.log((count + 1) / ((documentFrequency.get(term) ?? 0) + 1)) + 1;
      weighted.set(term, frequency * inverse);
    }
    document.vector = normalised(weighted);
  }

  const clusters: Cluster[] = [];
  for (const document of documents) {
    if (document.vector.size === 0) continue;
    let best: Cluster | undefined;
    let bestSimilarity = settings.similarity;
    for (const cluster of clusters) {
      const similarity = cosine(document.vector, cluster.centroid);
      if (similarity >= bestSimilarity) {
        best = cluster;
        bestSimilarity = similarity;
      }
    }
    if (best === undefined) {
      best = { members: [], sum: new Map(), centroid: new Map() };
      clusters.push(best);
    }
    addTo(best, document);
  }

  return clusters
    .filter((cluster) => cluster.members.length >= settings.minItems)
    .map((cluster) => describe(cluster, settings))
    .sort(
      (left, right) =>
        right.volume - left.volume ||
        right.rising_velocity - left.rising_velocity ||
        left.trend_id.localeCompare(right.trend_id),
    )
    .slice(0, Math.max(0, settings.limit));
}

type Settings = Required<Omit<TrendClusterOptions, 'now'>> & { now: number; windowStart: number };

function describe(cluster: Cluster, settings: Settings): TrendCluster {
  const { members } = cluster;
  // Equal weights go to the word the cluster's earliest items used first.
  const firstUse = new Map<string, number>();
  for (const member of members) {
    for (const term of member.terms.keys())
      if (!firstUse.has(term)) firstUse.set(term, firstUse.size);
  }
  const ranked = [...cluster.sum.entries()].sort(
    (left, right) =>
      right[1] - left[1] ||
      (firstUse.get(left[0]) ?? 0) - (firstUse.get(right[0]) ?? 0) ||
      left[0].localeCompare(right[0]),
  );
  const topStems = ranked.slice(0, TOPIC_KEYWORDS).map(([term]) => term);
  const keywords = topStems.map((term) => {
    const forms = new Map<string, number>();
    for (const member of members) {
      for (const [form, seen] of member.surfaces.get(term) ?? []) {
        forms.set(form, (forms.get(form) ?? 0) + seen);
      }
    }
    return mostFrequent(forms, term);
  });
  let central = members[0] as Document;
  let centralSimilarity = -1;
  for (const member of members) {
    const similarity = cosine(member.vector, cluster.centroid);
    if (similarity > centralSimilarity) {
      central = member;
      centralSimilarity = similarity;
    }
  }
  // Name the topic in the headline's word order where the headline has the words.
  const headlineWords = splitWords(central.item.title).map(stem);
  const position = (index: number) => {
    const found = headlineWords.indexOf(topStems[index] ?? '');
    return found < 0 ? headlineWords.length + index : found;
  };
  const label = keywords
    .map((keyword, index) => ({ keyword, at: position(index) }))
    .sort((left, right) => left.at - right.at)
    .map(({ keyword }) => keyword);
  const sources: string[] = [];
  for (const member of members) {
    if (!sources.includes(member.item.source)) sources.push(member.item.source);
  }
  const sentiments = members.map((member) => settings.sentiment(itemText(member.item)));
  return {
    trend_id: trendId(topStems, settings.windowStart, settings.idBucketMs),
    topic: label.join(' '),
    volume: members.length,
    engagement: members.reduce((total, member) => total + (member.item.engagement ?? 0), 0),
    sentiment_score: sentiments.reduce((total, value) => total + value, 0) / sentiments.length,
    rising_velocity: risingVelocity(
      members.map((member) => member.time),
      settings.now,
      settings.windowMs,
      settings.recentMs,
    ),
    platforms: [...new Set(members.map((member) => member.item.platform))].sort(),
    first_seen: new Date((members[0] as Document).time).toISOString(),
    sources,
    keywords,
    headline: central.item.title,
    item_ids: members.map((member) => member.item.id),
  };
}
