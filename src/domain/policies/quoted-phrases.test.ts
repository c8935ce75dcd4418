// Quoted passages in directives (used by FR-POLICY-002 and FR-POLICY-003).
// Covers straight and curly quotes and apostrophes that are not quotes.

import { describe, expect, it } from 'vitest';
import { quotedPhrases } from './quoted-phrases.js';

describe('finding quoted passages', () => {
  it('finds single and double, straight and curly quotes in reading order', () => {
    expect(
      quotedPhrases('Say \u201cone\u201d, then "two", then \'three\' and \u2018four\u2019'),
    ).toEqual(['one', 'two', 'three', 'four']);
  });

  it('does not take apostrophes inside words for quotes', () => {
    expect(quotedPhrases("Don't use the word 'cheap'")).toEqual(['cheap']);
    expect(quotedPhrases("Never say 'it's lit' and don't say 'slay'")).toEqual([
      "it's lit",
      'slay',
    ]);
    expect(quotedPhrases("Don't, won't, can't")).toEqual([]);
  });

  it('ignores empty quotes', () => {
    expect(quotedPhrases('Say "", then \' \'')).toEqual([]);
  });
});
