// The bundled `trends` MCP server: feed items as resources (news://{topic}/latest,
// trends://{platform}/current) and a `fetch_trends` tool. Read-only; it never posts anything.

import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { FeedItem, FeedPlatform } from '../../../domain/feed-item.js';
import { jsonContents, structuredAnswer } from '../tool-results.js';
import type { FeedLibrary } from './feed-library.js';
import {
  mentions,
  TIMEFRAMES,
  type Timeframe,
  topKeywords,
  velocity,
  withinWindow,
} from './trend-signals.js';

const DAY_MS = TIMEFRAMES['24h'];

const TrendSignal = z.object({
  keyword: z.string(),
  mentions: z.number().int().nonnegative(),
  engagement: z.number().int().nonnegative(),
  velocity: z.number().nonnegative(),
});

/** Builds the trends server over a loaded feed library. */
export function createTrendsServer(library: FeedLibrary): McpServer {
  const server = new McpServer({ name: 'chimera-trends', version: '0.1.0' });

  server.registerTool(
    'fetch_trends',
    {
      title: 'Fetch trends',
      description:
        'Feed items mentioning any of the keywords on the given platforms within the timeframe, with per-keyword velocity (1 = steady, >1 rising).',
      inputSchema: {
        keywords: z.array(z.string().min(1)).min(1).max(20),
        platforms: z.array(FeedPlatform).default([]),
        timeframe: z.enum(['1h', '24h', '7d', '30d']).default('24h'),
        min_velocity: z.number().min(0).default(0),
      },
      outputSchema: {
        as_of: z.string(),
        trends: z.array(TrendSignal),
        items: z.array(FeedItem),
        feed_problems: z.array(z.string()),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ keywords, platforms, timeframe, min_velocity }) => {
      const windowMs = TIMEFRAMES[timeframe as Timeframe];
      const inWindow = withinWindow(library.items, library.now, windowMs).filter(
        (item) => platforms.length === 0 || platforms.includes(item.platform),
      );
      const trends = keywords
        .map((keyword) => {
          const matching = inWindow.filter((item) => mentions(item, keyword));
          return {
            keyword,
            mentions: matching.length,
            engagement: matching.reduce((sum, item) => sum + item.engagement, 0),
            velocity: velocity(matching, library.now, windowMs),
            matching,
          };
        })
        .filter((trend) => trend.mentions > 0 && trend.velocity >= min_velocity);
      const items = [...new Set(trends.flatMap((trend) => trend.matching))];
      const result = {
        as_of: library.now.toISOString(),
        trends: trends.map(({ matching: _matching, ...trend }) => trend),
        items,
        feed_problems: library.problems,
      };
      return structuredAnswer(result);
    },
  );

  server.registerResource(
    'news-latest',
    new ResourceTemplate('news://{topic}/latest', { list: undefined }),
    {
      title: 'Latest news on a topic',
      description: 'Items of the last 24 hours about {topic}, newest first, as JSON.',
      mimeType: 'application/json',
    },
    async (uri, { topic }) => {
      const wanted = String(topic).toLowerCase();
      const items = withinWindow(library.items, library.now, DAY_MS).filter(
        (item) =>
          (library.topicsBySource.get(item.source) ?? []).includes(wanted) ||
          mentions(item, wanted),
      );
      return jsonContents(uri, items);
    },
  );

  server.registerResource(
    'platform-trends',
    new ResourceTemplate('trends://{platform}/current', { list: undefined }),
    {
      title: 'Current trends on a platform',
      description: 'Top keywords of the last 24 hours on {platform}, weighted by engagement.',
      mimeType: 'application/json',
    },
    async (uri, { platform }) => {
      const parsed = FeedPlatform.safeParse(String(platform));
      if (!parsed.success) {
        throw new Error(
          `unknown platform '${String(platform)}'; use one of ${FeedPlatform.options.join(', ')}`,
        );
      }
      const items = withinWindow(library.items, library.now, DAY_MS).filter(
        (item) => item.platform === parsed.data,
      );
      const body = {
        as_of: library.now.toISOString(),
        platform: parsed.data,
        keywords: topKeywords(items, 10),
      };
      return jsonContents(uri, body);
    },
  );

  return server;
}
