// FR-POLICY-005: word-trigram similarity and the reject finding for near-repeats of own posts.

import { describe, expect, it } from 'vitest';
import {
  OWN_REPEAT_THRESHOLD,
  ownRepeatFindings,
  textSimilarity,
  wordTrigrams,
} from './own-repeats.js';

const post = (caption: string, day = '2026-11-20', id = 'c-1') => ({
  content_id: id,
  caption,
  published_at: new Date(`${day}T10:00:00Z`),
});

const HEADLINE = 'Seoul thrift market doubles its upcycled denim stalls this spring';

describe('textSimilarity', () => {
  it('reads words without case, punctuation or the hashtag mark', () => {
    expect(wordTrigrams('Thrift FLIP, #denim!')).toEqual(new Set(['thrift flip denim']));
    expect(textSimilarity('Thrift flip denim.', '#thrift #flip #denim')).toBe(1);
  });

  it('is 0 for an empty text and counts short texts by their words', () => {
    expect(textSimilarity('', 'anything at all here')).toBe(0);
    expect(textSimilarity('denim drop', 'denim')).toBe(0.5);
  });

  it('scores a new opener and sign-off around the same headline above the threshold', () => {
    const first = `Okay, friends: ${HEADLINE}. Love to see it. For everyone into streetwear, this one is for you.`;
    const again = `Real talk, friends: ${HEADLINE}. I am here for it. For everyone into streetwear, this one is for you.`;
    expect(textSimilarity(first, again)).toBeGreaterThanOrEqual(OWN_REPEAT_THRESHOLD);
  });

  it('scores the same template around another headline below the threshold', () => {
    const first = `Okay, friends: ${HEADLINE}. Love to see it. For everyone into streetwear, this one is for you.`;
    const other =
      'Okay, friends: Lagos designers turn market offcuts into a zero-waste capsule. Love to see it. For everyone into streetwear, this one is for you.';
    expect(textSimilarity(first, other)).toBeLessThan(OWN_REPEAT_THRESHOLD);
  });
});

describe('ownRepeatFindings', () => {
  it('finds nothing without earlier posts or below the threshold', () => {
    expect(ownRepeatFindings(HEADLINE, [])).toEqual([]);
    expect(ownRepeatFindings(HEADLINE, [post('Gym chains raise their fees again')])).toEqual([]);
  });

  it('rejects at exactly the threshold, not below it, and names the closest post', () => {
    const text = 'alpha beta gamma delta'; // trigrams: 2
    const atThreshold = 'alpha beta gamma delta epsilon zeta'; // 4, sharing 2: 0.5
    const below = 'alpha beta gamma delta epsilon zeta eta'; // 5, sharing 2: 0.4
    expect(textSimilarity(text, atThreshold)).toBe(0.5);
    expect(ownRepeatFindings(text, [post(atThreshold)])).toHaveLength(1);
    expect(ownRepeatFindings(text, [post(below)])).toEqual([]);
    const findings = ownRepeatFindings(HEADLINE, [
      post(`${HEADLINE} and more`, '2026-11-01', 'c-far'),
      post(HEADLINE, '2026-11-19', 'c-near'),
    ]);
    expect(findings).toEqual([
      {
        policy: 'own-repeats',
        action: 'reject',
        reason: `repeats your post of 2026-11-19 (similarity 1.00, content c-near): "${HEADLINE}"; write about something new`,
      },
    ]);
  });

  it('shortens a long caption in the reason', () => {
    const long = `${HEADLINE} ${HEADLINE}`;
    const [finding] = ownRepeatFindings(long, [post(long)]);
    expect(finding?.reason).toContain(`"${long.slice(0, 77)}..."`);
  });
});
