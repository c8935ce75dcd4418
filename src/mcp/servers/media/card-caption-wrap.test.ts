import { describe, expect, it } from 'vitest';
import { withEllipsis, wrapCaption } from './card-caption-wrap.js';

// A width test in characters keeps these cases readable; the card measures glyphs instead.
const upTo = (characters: number) => (line: string) => [...line].length <= characters;

describe('wrapCaption', () => {
  it('fills each line greedily and joins words with single spaces', () => {
    expect(wrapCaption('one  two three\nfour five', upTo(9))).toEqual([
      'one two',
      'three',
      'four five',
    ]);
  });

  it('gives up on a word wider than a line unless that word may be broken', () => {
    expect(wrapCaption('a abcdefghij b', upTo(4))).toBeUndefined();
    expect(wrapCaption('a abcdefghij b', upTo(4), { mayBreak: () => true })).toEqual([
      'a',
      'abc-',
      'def-',
      'ghij',
      'b',
    ]);
  });

  it('breaks between graphemes, never inside an emoji sequence', () => {
    const lines = wrapCaption('👍🏽👍🏽👍🏽', upTo(5), { mayBreak: () => true }) ?? [];
    expect(lines).toEqual(['👍🏽👍🏽-', '👍🏽']);
  });
});

describe('withEllipsis', () => {
  it('cuts the line until it fits with a trailing ellipsis, dropping a dangling hyphen', () => {
    expect(withEllipsis('abc defg', upTo(6))).toBe('abc d…');
    expect(withEllipsis('abcd-', upTo(5))).toBe('abcd…');
  });
});
