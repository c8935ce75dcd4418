// FR-POLICY-002: a breach of a persona directive is rejected with the directive quoted verbatim.
// Covers parsing free-text directives into rules, checking content and ignoring uncheckable ones.

import { describe, expect, it } from 'vitest';
import { checkDirectives, PROFANITY_WORDS, parseDirective } from './persona-directives.js';

const COMPETITORS = 'Never mention competitor brands by name: Nike, Adidas';
const CHEAP = "Never use the word 'cheap'";
const PROFANITY = 'Avoid profanity';
const DISCLOSE = 'Always disclose paid partnerships with #ad';
const ADVICE = 'Never give medical, legal or financial advice';
const DIRECTIVES = [COMPETITORS, CHEAP, PROFANITY, DISCLOSE, ADVICE];

describe('parsing persona directives (FR-POLICY-002)', () => {
  it('takes forbidden brand names from the list after a colon', () => {
    expect(parseDirective(COMPETITORS)).toEqual([
      { kind: 'forbidden-terms', directive: COMPETITORS, terms: ['Nike', 'Adidas'] },
    ]);
  });

  it('takes a forbidden word from quotation marks, ignoring the apostrophe in "Don\'t"', () => {
    expect(parseDirective("Don't say 'cheap' or \"budget\"")).toEqual([
      {
        kind: 'forbidden-terms',
        directive: "Don't say 'cheap' or \"budget\"",
        terms: ['cheap', 'budget'],
      },
    ]);
  });

  it('takes forbidden words named after "the words" when nothing is quoted', () => {
    expect(parseDirective('Never use the words bargain or knockoff.')).toEqual([
      {
        kind: 'forbidden-terms',
        directive: 'Never use the words bargain or knockoff.',
        terms: ['bargain', 'knockoff'],
      },
    ]);
  });

  it('accepts a bare list after "mention" only when it is made of capitalised names', () => {
    expect(parseDirective("Don't mention Nike or New Balance")).toEqual([
      {
        kind: 'forbidden-terms',
        directive: "Don't mention Nike or New Balance",
        terms: ['Nike', 'New Balance'],
      },
    ]);
    expect(parseDirective('Never mention politics')).toEqual([]);
  });

  it('turns "avoid profanity" into the profanity rule', () => {
    expect(parseDirective(PROFANITY)).toEqual([{ kind: 'no-profanity', directive: PROFANITY }]);
    expect(parseDirective('Never swear')).toEqual([
      { kind: 'no-profanity', directive: 'Never swear' },
    ]);
  });

  it('gives two rules to a directive that forbids profanity and a quoted word', () => {
    expect(
      parseDirective("Never use profanity or the word 'cheap'").map((rule) => rule.kind),
    ).toEqual(['no-profanity', 'forbidden-terms']);
  });

  it('requires the hashtag of a disclosure directive only for sponsored content', () => {
    expect(parseDirective(DISCLOSE)).toEqual([
      { kind: 'required-tags', directive: DISCLOSE, tags: ['#ad'], onlyWhenSponsored: true },
    ]);
    expect(parseDirective('Always end posts with #StayCurious')).toEqual([
      {
        kind: 'required-tags',
        directive: 'Always end posts with #StayCurious',
        tags: ['#StayCurious'],
        onlyWhenSponsored: false,
      },
    ]);
  });

  it.each([
    ADVICE,
    'Be warm, direct and a little playful',
    'Always reply to comments within a day',
    'Never mention competitor brands',
    '',
  ])('ignores the directive it cannot check: "%s"', (directive) => {
    expect(parseDirective(directive)).toEqual([]);
  });
});

describe('checking content against persona directives (FR-POLICY-002)', () => {
  it('rejects a forbidden word with the directive quoted verbatim', () => {
    expect(checkDirectives({ text: 'This hoodie is so cheap!' }, DIRECTIVES)).toEqual([
      {
        policy: 'persona-directives',
        action: 'reject',
        reason: 'breaks directive "Never use the word \'cheap\'": found "cheap"',
      },
    ]);
  });

  it('reports each competitor found, as written, once', () => {
    const findings = checkDirectives(
      { text: 'Better than NIKE and adidas, and better than Nike’s latest drop.' },
      DIRECTIVES,
    );
    expect(findings.map((finding) => finding.reason)).toEqual([
      `breaks directive "${COMPETITORS}": found "NIKE", "adidas"`,
    ]);
  });

  it('finds a quoted phrase across irregular spacing and reports it with single spaces', () => {
    expect(
      checkDirectives({ text: 'Pure fast\n  fashion' }, ['never say "fast fashion"']).map(
        (finding) => finding.reason,
      ),
    ).toEqual(['breaks directive "never say "fast fashion"": found "fast fashion"']);
  });

  it('finds a forbidden brand inside a hashtag or mention but not inside another word', () => {
    expect(checkDirectives({ text: 'Fit check #nike' }, [COMPETITORS])).toHaveLength(1);
    expect(checkDirectives({ text: 'Cheapest flights ever, cheaply done' }, [CHEAP])).toEqual([]);
  });

  it('rejects profanity, including a masked vowel', () => {
    expect(checkDirectives({ text: 'This drop is f*cking fire, no sh!t' }, [PROFANITY])).toEqual([
      {
        policy: 'persona-directives',
        action: 'reject',
        reason: 'breaks directive "Avoid profanity": found "f*cking", "sh!t"',
      },
    ]);
  });

  it('does not mistake words that contain a profanity for profanity', () => {
    expect(
      checkDirectives({ text: 'Scunthorpe has a great class of cocktails' }, [PROFANITY]),
    ).toEqual([]);
    expect(PROFANITY_WORDS).toContain('damn');
  });

  it('rejects sponsored content that lacks the required disclosure tag', () => {
    expect(
      checkDirectives({ text: 'Loving my new jacket from @brand', sponsored: true }, DIRECTIVES),
    ).toEqual([
      {
        policy: 'persona-directives',
        action: 'reject',
        reason: `breaks directive "${DISCLOSE}": sponsored content lacks "#ad"`,
      },
    ]);
  });

  it('accepts sponsored content with the tag in any letter case, but not a longer tag', () => {
    expect(checkDirectives({ text: 'New jacket #AD', sponsored: true }, [DISCLOSE])).toEqual([]);
    expect(
      checkDirectives({ text: 'New jacket #adidas', sponsored: true }, [DISCLOSE]),
    ).toHaveLength(1);
  });

  it('does not require the disclosure tag on content that is not sponsored', () => {
    expect(checkDirectives({ text: 'Loving my new jacket' }, [DISCLOSE])).toEqual([]);
    expect(checkDirectives({ text: 'Loving my new jacket', sponsored: false }, [DISCLOSE])).toEqual(
      [],
    );
  });

  it('gives one finding per broken directive', () => {
    const findings = checkDirectives(
      { text: 'Damn, this cheap Adidas collab is fire', sponsored: true },
      DIRECTIVES,
    );
    expect(findings.map((finding) => finding.reason)).toEqual([
      `breaks directive "${COMPETITORS}": found "Adidas"`,
      `breaks directive "${CHEAP}": found "cheap"`,
      'breaks directive "Avoid profanity": found "Damn"',
      `breaks directive "${DISCLOSE}": sponsored content lacks "#ad"`,
    ]);
  });

  it('returns no finding for content that keeps every checkable directive', () => {
    expect(
      checkDirectives(
        { text: 'Spring drop is live, link in bio #ad', sponsored: true },
        DIRECTIVES,
      ),
    ).toEqual([]);
  });

  it('returns no finding when there are no directives', () => {
    expect(checkDirectives({ text: 'cheap damn Nike' }, [])).toEqual([]);
  });
});
