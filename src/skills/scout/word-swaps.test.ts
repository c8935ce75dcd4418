// Tests for word swaps: another name or another word put in the place of one, found by aligning
// two texts word for word.

import { describe, expect, it } from 'vitest';
import { alignedWords, wordSwaps } from './word-swaps.js';

const swaps = (left: string, right: string) => wordSwaps(alignedWords(left), alignedWords(right));

describe('wordSwaps', () => {
  it('counts another place in the same template as a name swap', () => {
    expect(
      swaps(
        'Brackley caps pavement cafe licences at 40 tables',
        'Dunholt caps pavement cafe licences at 40 tables',
      ),
    ).toEqual({ names: 1, words: 0 });
  });

  it('counts another verb, or an added negation, as a word swap', () => {
    expect(
      swaps(
        'Allotment holders win fight over Mill Lane plots',
        'Allotment holders lose fight over Mill Lane plots',
      ),
    ).toEqual({ names: 0, words: 1 });
    expect(
      swaps('Tenby and Rowe bakeries to merge in spring', 'Tenby and Rowe bakeries will not merge'),
    ).toMatchObject({ words: 1 });
  });

  it('counts nothing for a decorated repost, a name moved or a rewritten clause', () => {
    expect(
      swaps(
        'RT @desk: BREAKING: Brackley caps pavement cafe licences at 40 tables https://x.example/1',
        'Brackley caps pavement cafe licences at 40 tables — about time 🙌',
      ),
    ).toEqual({ names: 0, words: 0 });
    expect(
      swaps(
        'Loxley Choir wins the Harwick Cup',
        'Harwick Cup goes to Loxley Choir after a tense final',
      ),
    ).toEqual({ names: 0, words: 0 });
    expect(
      swaps(
        'Library hours extended. The Kell Street branch now opens on Sundays from noon',
        'Library hours extended. Readers asked for it for years and the council finally listened',
      ),
    ).toEqual({ names: 0, words: 0 });
  });

  it('reads emphasis in capitals as no name', () => {
    expect(alignedWords('Fees DOUBLING at Kell Market')).toEqual([
      { lower: 'fees', capitalised: true },
      { lower: 'doubling', capitalised: false },
      { lower: 'at', capitalised: false },
      { lower: 'kell', capitalised: true },
      { lower: 'market', capitalised: true },
    ]);
  });
});
