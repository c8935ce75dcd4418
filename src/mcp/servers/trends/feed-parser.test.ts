// SK-SCOUT-002: the trends server reads RSS 2.0, Atom and JSON Feed, and refuses anything else
// with a message that says what it found.

import { describe, expect, it } from 'vitest';
import { parseFeed } from './feed-parser.js';

const origin = { source: 'unit', platform: 'news' as const, location: 'unit.xml' };

describe('parseFeed', () => {
  it('reads RSS items with their stated engagement', () => {
    const [item] = parseFeed(
      `<?xml version="1.0"?><rss version="2.0"><channel><item><guid>a1</guid><title>Hello &amp; welcome</title>
       <description><![CDATA[<p>Body</p>]]></description><link>https://x.example/a1</link>
       <pubDate>Fri, 20 Nov 2026 11:20:00 GMT</pubDate><chimera:engagement>42</chimera:engagement></item></channel></rss>`,
      origin,
    );
    expect(item).toEqual({
      id: 'unit:a1',
      title: 'Hello & welcome',
      summary: 'Body',
      url: 'https://x.example/a1',
      source: 'unit',
      platform: 'news',
      published_at: '2026-11-20T11:20:00.000Z',
      engagement: 42,
    });
  });

  it('reads Atom entries and JSON Feed items, with a stable engagement when none is stated', () => {
    const atom = parseFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>e1</id><title>T</title>
       <link href="https://x.example/e1"/><updated>2026-11-20T10:00:00Z</updated><summary>S</summary></entry></feed>`,
      origin,
    );
    expect(atom[0]?.url).toBe('https://x.example/e1');
    expect(atom[0]?.engagement).toBe(
      parseFeed(
        `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>e1</id><title>T</title>
       <link href="https://x.example/e1"/><updated>2026-11-20T10:00:00Z</updated><summary>S</summary></entry></feed>`,
        origin,
      )[0]?.engagement,
    );
    const json = parseFeed(
      JSON.stringify({
        items: [
          { id: 'j1', title: 'J', summary: 'S', url: 'u', date_published: '2026-11-20T09:00:00Z' },
        ],
      }),
      origin,
    );
    expect(json[0]?.id).toBe('unit:j1');
  });

  it('refuses a document that is not XML or JSON, and malformed XML with its line', () => {
    expect(() => parseFeed('hello, I am plain text', origin)).toThrow(
      /unit\.xml is not a feed: expected XML \(RSS or Atom\) or JSON Feed, got text starting "hello, I am plain te"/,
    );
    expect(() => parseFeed('<rss>\n<channel>\n<item></channel></rss>', origin)).toThrow(
      /unit\.xml is not well-formed XML: .*\(line \d+\)/,
    );
    expect(() => parseFeed('<html><body/></html>', origin)).toThrow(
      /neither RSS nor Atom \(root element: html\)/,
    );
    expect(() => parseFeed('{"title": "no items"}', origin)).toThrow(
      /not a JSON Feed: "items" must be a list/,
    );
  });

  it('refuses an item without a readable date', () => {
    expect(() =>
      parseFeed(
        '<rss><channel><item><guid>x</guid><title>t</title><pubDate>someday</pubDate></item></channel></rss>',
        origin,
      ),
    ).toThrow(/item 'x' has no readable date \('someday'\)/);
  });
});
