// The sandbox audience's taste, for learning a posting strategy offline: the engagement rate a post
// earns from how well its format, topic cluster, hook style and hour fit the persona, plus luck.
// Each persona's tastes are hidden and drawn from the seed; common wisdom holds on average only.
// Deterministic and pure; it models no real platform and counts no views or comments.

import { createRandom, sampleNormal, seedFrom } from '../../../domain/seeded-random.js';
import type {
  HookStyle,
  PostFormat,
  PostingHour,
  StrategyChoice,
  TopicCluster,
} from '../../../domain/strategy/strategy-choices.js';

/** A post as the audience judges it. */
export interface AudiencePost {
  /** Unique per post: it seeds the post's luck. */
  id: string;
  agentId: string;
  niche: string;
  choice: StrategyChoice;
}

/**
 * What most audiences like: the factor an average persona gives each value. A sensible guess made
 * without data (video, tips, a question, 18:00) takes the top of each list.
 */
const COMMON_TASTE: {
  format: Record<PostFormat, number>;
  topic: Record<TopicCluster, number>;
  hook: Record<HookStyle, number>;
} = {
  format: { video: 1.25, carousel: 1.1, image: 1, text: 0.7 },
  topic: {
    tips: 1.1,
    gear: 1,
    news: 0.95,
    lifestyle: 1,
    community: 0.9,
    'behind-the-scenes': 0.95,
  },
  hook: { question: 1.1, 'how-to': 1.05, story: 1, 'bold-claim': 0.95, stat: 0.9 },
};

/** Log-normal spread of a persona's taste around the common one, per dimension. */
const TASTE_SPREAD = { format: 0.2, topic: 0.25, hook: 0.15 } as const;
/** Audiences are most active around 18:00 on average, give or take this many hours (one σ). */
const PEAK_HOUR = { mean: 18, spread: 3.5 } as const;
/** An hour's factor: FLOOR + LIFT × a bell of the distance to the peak, WIDTH hours wide (σ). */
const HOUR_FIT = { floor: 0.75, lift: 0.3, widthHours: 3 } as const;
/** A persona's base rate: 3.5 % give or take 15 % (log-normal). */
const BASE_RATE = { median: 0.035, spread: 0.15 } as const;
/** Expected rates stay in this realistic range. */
const RATE_RANGE = { min: 0.01, max: 0.12 } as const;
/** Log-normal spread of one post's luck around its expected rate. */
const POST_LUCK = 0.35;

/**
 * The rate a post with `choice` can expect from its persona, in [0.01, 0.12]: a base rate times
 * one fit factor per dimension. Format, hook and hour tastes belong to the agent; topic tastes to
 * the niche, so agents of one niche share them.
 */
export function expectedEngagementRate(post: Omit<AudiencePost, 'id'>, seed: string): number {
  const { agentId, niche, choice } = post;
  const agentDraw = (...labels: string[]) => normalFrom(seed, 'agent', agentId, ...labels);
  const base = BASE_RATE.median * Math.exp(BASE_RATE.spread * agentDraw('base'));
  const format =
    COMMON_TASTE.format[choice.format] *
    Math.exp(TASTE_SPREAD.format * agentDraw('format', choice.format));
  const topic =
    COMMON_TASTE.topic[choice.topic] *
    Math.exp(TASTE_SPREAD.topic * normalFrom(seed, 'niche', niche, 'topic', choice.topic));
  const hook =
    COMMON_TASTE.hook[choice.hook] * Math.exp(TASTE_SPREAD.hook * agentDraw('hook', choice.hook));
  const peak = PEAK_HOUR.mean + PEAK_HOUR.spread * agentDraw('peak');
  const rate = base * format * topic * hook * hourFit(choice.hour, peak);
  return Math.min(RATE_RANGE.max, Math.max(RATE_RANGE.min, rate));
}

/**
 * The engagement rate, (likes + comments + shares) / views, a post earns: its expected rate times
 * its own luck (log-normal, mean 1), in [0, 1]. The same post and seed always earn the same.
 */
export function syntheticEngagementRate(post: AudiencePost, seed: string): number {
  const luck = Math.exp(POST_LUCK * normalFrom(seed, 'post', post.id) - POST_LUCK ** 2 / 2);
  return Math.min(1, expectedEngagementRate(post, seed) * luck);
}

/** How well posting at `hour` meets an audience most active at `peak` (hours, may wrap). */
function hourFit(hour: PostingHour, peak: number): number {
  const apart = Math.abs(hour - peak) % 24;
  const distance = Math.min(apart, 24 - apart);
  return (
    HOUR_FIT.floor + HOUR_FIT.lift * Math.exp(-(distance ** 2) / (2 * HOUR_FIT.widthHours ** 2))
  );
}

/** A standard normal number fixed by the labels. */
function normalFrom(...labels: string[]): number {
  return sampleNormal(createRandom(seedFrom(...labels)));
}
