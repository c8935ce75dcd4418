// Tests for stories turned the other way: one text opens, wins or rises where the other closes,
// loses or falls.

import { describe, expect, it } from 'vitest';
import { splitWords, stem } from './normalise-text.js';
import { opposedDirections } from './opposed-words.js';

const opposed = (left: string, right: string) =>
  opposedDirections(new Set(splitWords(left).map(stem)), new Set(splitWords(right).map(stem)));

describe('opposedDirections', () => {
  it('sees a result, a decision or a price turned the other way', () => {
    expect(opposed('Harwick Rovers win the derby', 'Harwick Rovers lost the derby')).toBe(1);
    expect(opposed('Ferry fares rise by 5%', 'Ferry fares fall by 5%')).toBe(1);
    expect(opposed('Skate park plan approved', 'Skate park plan rejected by councillors')).toBe(1);
  });

  it('sees none between words of one side, or in a text that takes both', () => {
    expect(opposed('Bakery opens on Kell Street', 'Bakery launches its Kell Street shop')).toBe(0);
    expect(
      opposed('The Lyric cinema is back', 'The Lyric, closed since 2019, reopens on Friday'),
    ).toBe(0);
    expect(opposed('Bakery opens on Kell Street', 'Bakery on Kell Street')).toBe(0);
  });
});
