// The facts a story states that a repost keeps and a look-alike changes: its numbers (with "K",
// "M" and thousands separators resolved), weekdays and months. Two texts conflict when each
// states a fact the other lacks, as "Bitcoin falls 4% to $61,000" and "Bitcoin falls 6% to
// $58,200" do; a truncated or trimmed copy states fewer facts but none the other lacks.

const NUMBER = /(\d+(?:[.,]\d+)*)\s*(k|m|bn|b)?(?![\p{L}\d])/giu;
const SCALE: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, bn: 1e9 };

const CALENDAR_WORDS = new Map<string, string>(
  [
    'monday mon',
    'tuesday tue tues',
    'wednesday wed',
    'thursday thu thurs',
    'friday fri',
    'saturday sat',
    'sunday sun',
    'january jan',
    'february feb',
    'march mar',
    'april apr',
    'may',
    'june jun',
    'july jul',
    'august aug',
    'september sep sept',
    'october oct',
    'november nov',
    'december dec',
  ].flatMap((spellings) => {
    const [canonical = ''] = spellings.split(' ');
    return spellings.split(' ').map((spelling) => [spelling, canonical] as const);
  }),
);

/** A text cut off with "…" or "..." loses its last, possibly partial, word. */
function untruncated(text: string): string {
  const trimmed = text.trimEnd();
  return /(?:…|\.\.\.)$/u.test(trimmed) ? trimmed.replace(/\S*(?:…|\.\.\.)$/u, '') : trimmed;
}

/** The facts of a text: numbers as plain values ("62K" and "62,000" both "62000"), days, months. */
export function storyFacts(text: string): Set<string> {
  const body = untruncated(text).replace(/\b(?:https?:\/\/|www\.)\S+/giu, ' ');
  const facts = new Set<string>();
  for (const match of body.matchAll(NUMBER)) {
    const [, digits = '', scale] = match;
    const plain = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/u.test(digits)
      ? digits.replaceAll(',', '')
      : digits.replace(',', '.');
    const value = Number(plain) * (scale ? (SCALE[scale.toLowerCase()] ?? 1) : 1);
    if (Number.isFinite(value)) facts.add(String(value));
  }
  for (const word of body.toLowerCase().match(/\p{L}+/gu) ?? []) {
    const canonical = CALENDAR_WORDS.get(word);
    // "may" and "sun" are also ordinary words; only their capitalised forms name a month or day.
    if (canonical && (word !== 'may' && word !== 'sun' ? true : /\b(?:May|Sun)\b/u.test(body))) {
      facts.add(canonical);
    }
  }
  return facts;
}

/** Whether each of two fact sets holds a fact the other lacks. */
export function factsConflict(left: ReadonlySet<string>, right: ReadonlySet<string>): boolean {
  const missingFrom = (from: ReadonlySet<string>, other: ReadonlySet<string>) =>
    [...from].some((fact) => !other.has(fact));
  return missingFrom(left, right) && missingFrom(right, left);
}
