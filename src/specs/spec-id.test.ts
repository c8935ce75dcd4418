import { describe, expect, it } from 'vitest';
import { findSpecIds, isSpecIdFormat, SPEC_ID_PATTERN } from './spec-id.js';

// Fixtures use made-up areas (ALPHA, BETA, …) so this file does not count as testing real specs.

describe('isSpecIdFormat', () => {
  it('accepts ids of every kind, including multi-word areas', () => {
    expect(isSpecIdFormat('FR-ALPHA-001')).toBe(true);
    expect(isSpecIdFormat('TR-BETA-042')).toBe(true);
    expect(isSpecIdFormat('SK-MULTI-WORD-AREA-999')).toBe(true);
  });

  it('rejects unknown kinds, lower case, wrong digit counts and surrounding text', () => {
    for (const value of [
      'XX-ALPHA-001',
      'FR-alpha-001',
      'fr-ALPHA-001',
      'FR-ALPHA-01',
      'FR-ALPHA-0001',
      'FR-001',
      'FR-ALPHA1-001',
      ' FR-ALPHA-001',
      'FR-ALPHA-001 ',
      'see FR-ALPHA-001',
      '',
    ]) {
      expect(isSpecIdFormat(value), value).toBe(false);
    }
  });

  it('gives the same answer on repeated calls after the global pattern was used', () => {
    for (const _ of 'FR-ALPHA-001 FR-BETA-002'.matchAll(SPEC_ID_PATTERN)) {
      // consume matches so any shared lastIndex state would show up below
    }
    expect([1, 2, 3].map(() => isSpecIdFormat('FR-ALPHA-001'))).toEqual([true, true, true]);
  });
});

describe('SPEC_ID_PATTERN', () => {
  it('is a global regex that finds every id in free text', () => {
    expect(SPEC_ID_PATTERN.global).toBe(true);
    const text = 'covers FR-ALPHA-001, TR-BETA-002 and (SK-GAMMA-DELTA-003).';
    expect([...text.matchAll(SPEC_ID_PATTERN)].map((match) => match[0])).toEqual([
      'FR-ALPHA-001',
      'TR-BETA-002',
      'SK-GAMMA-DELTA-003',
    ]);
  });

  it('does not match ids glued to other word characters', () => {
    const text = 'XFR-ALPHA-001 FR-ALPHA-0012 FR-ALPHA-001x _TR-BETA-002';
    expect([...text.matchAll(SPEC_ID_PATTERN)]).toEqual([]);
  });
});

describe('findSpecIds', () => {
  it('reports each id with its 1-based line, once per line', () => {
    const text = 'first line\nFR-ALPHA-001 and FR-ALPHA-001 again\r\nTR-BETA-002\n\nFR-ALPHA-001';
    expect(findSpecIds(text)).toEqual([
      { id: 'FR-ALPHA-001', line: 2 },
      { id: 'TR-BETA-002', line: 3 },
      { id: 'FR-ALPHA-001', line: 5 },
    ]);
  });

  it('returns nothing for text without ids', () => {
    expect(findSpecIds('const pattern = /(FR|TR|SK)-[A-Z]+-\\d{3}/;')).toEqual([]);
  });
});
