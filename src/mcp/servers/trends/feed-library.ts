// The trends server's sources: feed snapshots shipped in examples/feeds (listed in feeds.json),
// or another manifest (CHIMERA_FEEDS) with files or live feed URLs. It reads and parses; it does
// not rank or cluster. A feed that cannot be read or parsed is left out and reported, so one
// broken source never silences the others.

import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { InputError } from '../../../domain/errors.js';
import { type FeedItem, FeedPlatform } from '../../../domain/feed-item.js';
import { fieldProblems } from '../../../domain/field-problems.js';
import { parseFeed } from './feed-parser.js';

const Manifest = z.object({
  /** The moment the snapshots were taken: "now" for time windows over shipped feeds. */
  snapshot_at: z.string().datetime({ offset: true }).optional(),
  feeds: z
    .array(
      z
        .object({
          file: z.string().optional(),
          url: z.string().url().optional(),
          source: z.string().min(1),
          platform: FeedPlatform,
          topics: z.array(z.string()).default([]),
        })
        .refine((feed) => Boolean(feed.file) !== Boolean(feed.url), {
          message: 'give exactly one of file or url',
        }),
    )
    .min(1),
});

/** A loaded set of feeds. */
export interface FeedLibrary {
  items: FeedItem[];
  /** Topics each source covers, for `news://{topic}/latest`. */
  topicsBySource: Map<string, string[]>;
  /** The clock for time windows: the snapshot time, or the real time for live feeds. */
  now: Date;
  /** One line per feed left out: where it is and why ("… is not XML or JSON"). */
  problems: string[];
}

/** Default snapshot folder shipped with Chimera. */
export const SHIPPED_FEEDS = new URL('../../../../examples/feeds/feeds.json', import.meta.url);

/**
 * Loads every feed named in the manifest at `manifestUrl`. A bad manifest fails the load; a feed
 * that cannot be read or parsed is left out and named in `problems`.
 */
export async function loadFeedLibrary(
  manifestUrl: URL = SHIPPED_FEEDS,
  fetchText: (url: string) => Promise<string> = fetchFeed,
): Promise<FeedLibrary> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(manifestUrl, 'utf8'));
  } catch (error) {
    throw new InputError(
      `cannot read the feed manifest ${manifestUrl.pathname}: ${(error as Error).message}`,
    );
  }
  const manifest = Manifest.safeParse(raw);
  if (!manifest.success) {
    throw new InputError(
      `${manifestUrl.pathname}: invalid feed manifest: ${fieldProblems(manifest.error).join('; ')}`,
    );
  }
  const items: FeedItem[] = [];
  const topicsBySource = new Map<string, string[]>();
  const problems: string[] = [];
  for (const feed of manifest.data.feeds) {
    const location = feed.file ? new URL(feed.file, manifestUrl).pathname : (feed.url as string);
    try {
      const text = feed.file
        ? await readFile(new URL(feed.file, manifestUrl), 'utf8')
        : await fetchText(location);
      items.push(...parseFeed(text, { source: feed.source, platform: feed.platform, location }));
      topicsBySource.set(feed.source, feed.topics);
    } catch (error) {
      problems.push(`feed '${feed.source}' left out: ${(error as Error).message}`);
    }
  }
  const live = manifest.data.feeds.some((feed) => feed.url);
  const now = live || !manifest.data.snapshot_at ? new Date() : new Date(manifest.data.snapshot_at);
  return { items, topicsBySource, now, problems };
}

async function fetchFeed(url: string): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new InputError(`feed ${url} answered HTTP ${response.status}`);
  return response.text();
}
