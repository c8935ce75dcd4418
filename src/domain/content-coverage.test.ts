import { describe, expect, it } from 'vitest';
import { contentView, coversContent } from './content-coverage.js';

const SENSITIVE = ['sensitive-topics: sensitive topic (health): mentions "supplement"'];
const brief = contentView('Okay, friends: this supplement\nA longer script.\n#health #noor', []);

describe('coversContent', () => {
  it('covers a later stage that shows the approved lines, whitespace and case aside', () => {
    const asset = contentView('okay,  friends: this SUPPLEMENT\n\n#health #noor', ['/m/a.png']);
    expect(
      coversContent({ view: brief, reasons: SENSITIVE }, { view: asset, reasons: SENSITIVE }),
    ).toBe(true);
  });

  it('asks again when a word of the text changed', () => {
    const asset = contentView('Okay, friends: this supplement cures colds\n#health #noor', []);
    expect(
      coversContent({ view: brief, reasons: SENSITIVE }, { view: asset, reasons: SENSITIVE }),
    ).toBe(false);
  });

  it('asks again when the media differs from the media a person approved', () => {
    const approved = contentView('caption', ['/m/a.png']);
    expect(
      coversContent(
        { view: approved, reasons: SENSITIVE },
        { view: contentView('caption', ['/m/b.png']), reasons: SENSITIVE },
      ),
    ).toBe(false);
    expect(
      coversContent(
        { view: approved, reasons: SENSITIVE },
        { view: contentView('caption', ['/m/a.png']), reasons: SENSITIVE },
      ),
    ).toBe(true);
  });

  it('asks again for a concern the person was not shown', () => {
    const asset = contentView('Okay, friends: this supplement', ['/m/a.png']);
    const reasons = [...SENSITIVE, "character-consistency: the asset shows character 'x'"];
    expect(coversContent({ view: brief, reasons: SENSITIVE }, { view: asset, reasons })).toBe(
      false,
    );
    expect(
      coversContent(
        { view: brief, reasons: SENSITIVE },
        { view: asset, reasons: ['confidence 0.8 is between 0.7 and 0.9: a human decides'] },
      ),
    ).toBe(false);
  });

  it('covers nothing without public text', () => {
    expect(
      coversContent(
        { view: brief, reasons: SENSITIVE },
        { view: contentView('', []), reasons: SENSITIVE },
      ),
    ).toBe(false);
  });
});
