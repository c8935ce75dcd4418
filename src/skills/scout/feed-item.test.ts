// Tests for the Scout's feed item schema and text helpers.
// They check the contract with the domain feed item, not feed parsing.

import { describe, expect, it } from 'vitest';
import { FeedItem as DomainFeedItem } from '../../domain/feed-item.js';
import { FeedItem, itemText, publishedAt } from './feed-item.js';

const item = {
  id: 'a1',
  title: 'Thrift app hits 5 million users',
  summary: 'Gen Z shoppers drove the growth.',
  url: 'https://news.example/a1',
  source: 'TechThreads',
  platform: 'news',
  published_at: '2025-06-02T10:00:00Z',
};

describe('FeedItem', () => {
  it('accepts an item without engagement and every valid domain feed item', () => {
    expect(FeedItem.parse(item)).toEqual(item);
    const domain = DomainFeedItem.parse({ ...item, engagement: 12 });
    expect(FeedItem.parse(domain).engagement).toBe(12);
  });

  it('rejects an unknown platform, a negative engagement and a time without a zone', () => {
    expect(FeedItem.safeParse({ ...item, platform: 'myspace' }).success).toBe(false);
    expect(FeedItem.safeParse({ ...item, engagement: -1 }).success).toBe(false);
    expect(FeedItem.safeParse({ ...item, published_at: 'yesterday' }).success).toBe(false);
  });
});

describe('itemText and publishedAt', () => {
  it('joins title and summary as sentences without doubling end punctuation', () => {
    expect(itemText(item)).toBe(
      'Thrift app hits 5 million users. Gen Z shoppers drove the growth.',
    );
    expect(itemText({ title: 'Worth it?', summary: 'We tested it.' })).toBe(
      'Worth it? We tested it.',
    );
    expect(itemText({ title: 'Headline only', summary: ' ' })).toBe('Headline only');
  });

  it('reads the publication time in milliseconds', () => {
    expect(publishedAt(item)).toBe(Date.UTC(2025, 5, 2, 10));
  });
});
