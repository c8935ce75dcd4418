// Parses one feed document (RSS 2.0, Atom 1.0 or JSON Feed 1.x) into feed items. It does not
// fetch anything; a document that is none of these is refused with a message saying what it saw.

import { createHash } from 'node:crypto';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { InputError } from '../../../domain/errors.js';
import type { FeedItem, FeedPlatform } from '../../../domain/feed-item.js';

/** Where a document came from, stamped on every item. */
export interface FeedOrigin {
  source: string;
  platform: FeedPlatform;
  /** Names the document in errors (a file path or URL). */
  location: string;
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
});

/** Parses `text`, choosing the format by its first non-blank character and root element. */
export function parseFeed(text: string, origin: FeedOrigin): FeedItem[] {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) return parseJsonFeed(trimmed, origin);
  if (!trimmed.startsWith('<')) {
    throw new InputError(
      `${origin.location} is not a feed: expected XML (RSS or Atom) or JSON Feed, got text starting "${trimmed.slice(0, 20)}"`,
    );
  }
  const valid = XMLValidator.validate(trimmed);
  if (valid !== true) {
    throw new InputError(
      `${origin.location} is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`,
    );
  }
  const document = xml.parse(trimmed) as Record<string, unknown>;
  if (document.rss) return parseRss(document.rss as Record<string, unknown>, origin);
  if (document.feed) return parseAtom(document.feed as Record<string, unknown>, origin);
  throw new InputError(
    `${origin.location} is XML but neither RSS nor Atom (root element: ${
      Object.keys(document)
        .filter((key) => !key.startsWith('?'))
        .join(', ') || 'none'
    })`,
  );
}

function parseRss(rss: Record<string, unknown>, origin: FeedOrigin): FeedItem[] {
  const channel = (rss.channel ?? {}) as Record<string, unknown>;
  return asArray(channel.item).map((entry) => {
    const item = entry as Record<string, unknown>;
    return toItem(origin, {
      id: text(item.guid) || text(item.link),
      title: text(item.title),
      summary: text(item.description),
      url: text(item.link),
      published: text(item.pubDate),
      engagement: text(item['chimera:engagement']),
    });
  });
}

function parseAtom(feed: Record<string, unknown>, origin: FeedOrigin): FeedItem[] {
  return asArray(feed.entry).map((entry) => {
    const item = entry as Record<string, unknown>;
    const link = asArray(item.link)[0] as Record<string, unknown> | string | undefined;
    const url = typeof link === 'string' ? link : text(link?.['@href']);
    return toItem(origin, {
      id: text(item.id) || url,
      title: text(item.title),
      summary: text(item.summary) || text(item.content),
      url,
      published: text(item.published) || text(item.updated),
      engagement: text(item['chimera:engagement']),
    });
  });
}

function parseJsonFeed(text: string, origin: FeedOrigin): FeedItem[] {
  let feed: { items?: unknown };
  try {
    feed = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${origin.location} is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(feed.items)) {
    throw new InputError(`${origin.location} is JSON but not a JSON Feed: "items" must be a list`);
  }
  return feed.items.map((entry: Record<string, unknown>) =>
    toItem(origin, {
      id: String(entry.id ?? entry.url ?? ''),
      title: String(entry.title ?? ''),
      summary: String(entry.summary ?? entry.content_text ?? ''),
      url: String(entry.url ?? ''),
      published: String(entry.date_published ?? entry.date_modified ?? ''),
      engagement: String(
        (entry._chimera as { engagement?: unknown } | undefined)?.engagement ?? '',
      ),
    }),
  );
}

function toItem(
  origin: FeedOrigin,
  raw: {
    id: string;
    title: string;
    summary: string;
    url: string;
    published: string;
    engagement: string;
  },
): FeedItem {
  const published = new Date(raw.published);
  if (Number.isNaN(published.getTime())) {
    throw new InputError(
      `${origin.location}: item '${raw.id || raw.title}' has no readable date ('${raw.published}')`,
    );
  }
  const stated = Number.parseInt(raw.engagement, 10);
  return {
    id: `${origin.source}:${raw.id || raw.url || raw.title}`,
    title: stripTags(raw.title),
    summary: stripTags(raw.summary),
    url: raw.url,
    source: origin.source,
    platform: origin.platform,
    published_at: published.toISOString(),
    // Snapshots without engagement get a stable stand-in, so offline runs stay deterministic.
    engagement:
      Number.isFinite(stated) && stated >= 0 ? stated : stableEngagement(raw.id + raw.title),
  };
}

function stableEngagement(seed: string): number {
  return createHash('sha256').update(seed).digest().readUInt32BE(0) % 5_000;
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return text((value as Record<string, unknown>)['#text']);
  return String(value).trim();
}

function stripTags(value: string): string {
  return value
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
