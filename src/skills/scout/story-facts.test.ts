// Tests for the facts a story states and when two stories' facts conflict.

import { describe, expect, it } from 'vitest';
import { factsConflict, storyFacts } from './story-facts.js';

describe('storyFacts', () => {
  it('reads numbers as plain values whatever their spelling', () => {
    expect(storyFacts('Valdris recalls 62K SUVs')).toEqual(
      storyFacts('Valdris recalls 62,000 SUVs'),
    );
    expect(storyFacts('Kellport opens £400m terminal')).toEqual(
      storyFacts('Kellport opens £400 million terminal'),
    );
    expect(storyFacts('Dumplings under two dollars, back after twelve years')).toEqual(
      storyFacts('Dumplings under $2, back after 12 years'),
    );
    expect(storyFacts('no one saw it coming').size).toBe(0);
    expect(storyFacts('Twenty-two gritters, forty-eight thousand pounds, fourteen years')).toEqual(
      storyFacts('22 gritters, £48K, 14 years'),
    );
    expect([...storyFacts('twenty one reasons, twenty-one ways')]).toEqual(['21']);
    expect([...storyFacts('temperatures down to -5C, a 10km loop')]).toEqual(['5', '10']);
    expect([...storyFacts('Bitcoin falls 4.5% to $61,000; $1.2bn liquidated')]).toEqual([
      '4.5',
      '61000',
      '1200000000',
    ]);
  });

  it('reads clock times on the 24-hour clock, not as plain numbers', () => {
    expect([...storyFacts('Last boat 6.15pm; doors 8 pm')]).toEqual(['time 18:15', 'time 20:00']);
    expect(storyFacts('Last boat 18:15, doors 20:00')).toEqual(
      storyFacts('Last boat 6.15pm, doors 8pm'),
    );
    expect([...storyFacts('open 12am to 12pm')]).toEqual(['time 0:00', 'time 12:00']);
    expect([...storyFacts('won 6.15 to 3')]).toEqual(['6.15', '3']);
  });

  it('reads weekdays (one or every) and months, and "May" only when capitalised', () => {
    expect([...storyFacts('Strike on Thurs 9 Oct')]).toEqual(['9', 'thursday', 'october']);
    expect([...storyFacts('£5 Tuesdays at the Lyric')]).toEqual(['5', 'tuesday']);
    expect(storyFacts('you may want to book early').size).toBe(0);
  });

  it('reads seasons, and whether an event is off or going ahead', () => {
    expect([...storyFacts('Cargo skirts everywhere this autumn')]).toEqual(['season autumn']);
    expect([...storyFacts('Tram strike suspended after overnight talks')]).toEqual(['event off']);
    expect([...storyFacts('Festival cancelled over storm warning')]).toEqual(['event off']);
    expect([...storyFacts('Tram strike to go ahead after talks collapse')]).toEqual(['event on']);
    expect([...storyFacts('The display will not go ahead')]).toEqual(['event off']);
    expect([...storyFacts("The parade won't be going ahead")]).toEqual(['event off']);
  });

  it('ignores the last word of a truncated text and numbers inside links', () => {
    expect([...storyFacts('Liquidations topped $38…')]).toEqual([]);
    expect(storyFacts('New drop https://sho.rt.example/x9Z12').size).toBe(0);
  });
});

describe('factsConflict', () => {
  it('is true only when each side states a fact the other lacks', () => {
    expect(factsConflict(new Set(['4', '61000']), new Set(['6', '58200']))).toBe(true);
    expect(factsConflict(new Set(['4']), new Set(['4', '61000']))).toBe(false);
    expect(factsConflict(new Set(), new Set(['6']))).toBe(false);
  });

  it('compares seasons only with seasons', () => {
    expect(factsConflict(new Set(['season spring']), new Set(['season autumn']))).toBe(true);
    expect(factsConflict(new Set(['season winter']), new Set(['2']))).toBe(false);
  });
});
