// scout.analyze: perceives through one or more trends MCP servers, removes near-duplicates, scores
// sentiment (the offline classifier, and a hosted model where it is unsure), clusters the last
// four hours into trends, and keeps those relevant to the agent's niche and campaign goal. It
// reads; it never posts.

import { z } from 'zod';
import { SkillPermanentError } from '../../domain/errors.js';
import { FeedItem, FeedPlatform } from '../../domain/feed-item.js';
import { isOfflineModel, SecondOpinions } from '../../models/second-opinion.js';
import { itemText } from '../scout/feed-item.js';
import { dedupe } from '../scout/near-duplicates.js';
import { contentWords } from '../scout/normalise-text.js';
import { filterRelevant, RELEVANCE_THRESHOLD } from '../scout/relevance.js';
import { classifySentiment, combineSentiment, isUnsure } from '../scout/sentiment-classifier.js';
import { clusterTrends } from '../scout/trend-clusters.js';
import { defineSkill, type SkillContext } from '../skill.js';
import { EXAMPLE_TREND_REPORT } from './contract-examples.js';
import { TrendReport } from './trend-report.js';

/** Hosted-model opinions on the items the classifier is unsure of, kept by text for the process. */
const secondOpinions = new SecondOpinions();

/**
 * Each item's sentiment score in [-1, 1], by text: the offline classifier, and where it is unsure
 * and a hosted model is configured, the model's label (`combineSentiment`). If the model cannot
 * answer (down, or its spend refused), the classifier's score stands.
 */
async function sentimentScores(
  items: readonly FeedItem[],
  context: Pick<SkillContext, 'model' | 'signal'>,
): Promise<Map<string, number>> {
  const scores = new Map<string, number>();
  const askModel = !isOfflineModel(context.model);
  for (const item of items) {
    const text = itemText(item);
    if (scores.has(text)) continue;
    let result = await classifySentiment(text);
    if (askModel && isUnsure(result)) {
      try {
        const opinion = await secondOpinions.ask(text, context.model, context.signal);
        result = combineSentiment(result, opinion.sentiment);
      } catch {
        // The classifier's score stands; a stopped run stops here.
        context.signal.throwIfAborted();
      }
    }
    scores.set(text, result.score);
  }
  return scores;
}

const FetchTrendsAnswer = z.object({
  as_of: z.string(),
  items: z.array(FeedItem),
  feed_problems: z.array(z.string()).default([]),
});

export const scoutSkill = defineSkill({
  name: 'scout.analyze',
  specId: 'SK-SCOUT-003',
  description: 'Reports the trends of the last four hours relevant to a niche and a campaign goal.',
  inputSchema: z.object({
    niche: z.string().min(3),
    goal: z.string().min(3),
    /** Extra search words beyond the niche's own. */
    keywords: z.array(z.string().min(2)).default([]),
    platforms: z.array(FeedPlatform).default([]),
    min_relevance: z.number().min(0).max(1).default(RELEVANCE_THRESHOLD),
    /** MCP servers offering `fetch_trends`, read in turn and merged; the bundled one by default. */
    trend_servers: z.array(z.string().min(1)).min(1).max(8).default(['trends']),
  }),
  outputSchema: TrendReport,
  timeoutMs: 20_000,
  examples: [
    {
      input: { niche: 'sustainable streetwear', goal: 'Tease the spring capsule drop' },
      output: EXAMPLE_TREND_REPORT,
    },
  ],
  async run(input, context) {
    const keywords = [...new Set([...contentWords(input.niche), ...input.keywords])];
    const items: FeedItem[] = [];
    const sourceProblems: string[] = [];
    let asOf = '';
    for (const server of new Set(input.trend_servers)) {
      const answer = await context.tools.callTool(
        server,
        'fetch_trends',
        { keywords, platforms: input.platforms, timeframe: '24h' },
        { outputSchema: FetchTrendsAnswer },
      );
      items.push(...(answer?.items ?? []));
      sourceProblems.push(
        ...(answer?.feed_problems ?? []).map((problem) => `${server}: ${problem}`),
      );
      if (answer && answer.as_of > asOf) asOf = answer.as_of;
    }
    asOf ||= new Date().toISOString();
    const unique = dedupe(items);
    const scores = await sentimentScores(unique, context);
    const clusters = clusterTrends(unique, {
      now: asOf,
      minItems: 1,
      sentiment: (text) => scores.get(text) ?? 0,
    });
    const relevant = filterRelevant(
      clusters,
      { niche: input.niche, goal: input.goal },
      input.min_relevance,
    )
      .sort((a, b) => b.relevance - a.relevance || b.volume - a.volume)
      .slice(0, 20);
    if (relevant.length === 0) {
      throw new SkillPermanentError(
        `no trend of the last four hours reaches relevance ${input.min_relevance} for niche '${input.niche}' (${clusters.length} trends, ${items.length} items seen)`,
        { context: { skill: 'scout.analyze' } },
      );
    }
    const report = {
      as_of: asOf,
      niche: input.niche,
      trends: relevant.map((trend) => ({
        trend_id: trend.trend_id,
        topic: trend.topic,
        volume: trend.volume,
        sentiment_score: trend.sentiment_score,
        rising_velocity: trend.rising_velocity,
        platforms: trend.platforms,
        first_seen: trend.first_seen,
        sources: trend.sources,
        relevance: Math.round(trend.relevance * 1000) / 1000,
        headline: trend.headline,
      })),
      items_seen: items.length,
      duplicates_removed: items.length - unique.length,
      source_problems: sourceProblems,
    };
    // A single relevant trend is thin evidence: it lands below 0.90 and a person looks at it.
    return { output: report, confidence: Math.min(0.97, 0.85 + 0.04 * relevant.length) };
  },
});
