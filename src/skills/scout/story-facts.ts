// The facts a story states that a repost keeps and a look-alike changes: its numbers (with "K",
// "M", "million", thousands separators and spelled-out numbers resolved), weekdays, months and seasons, and whether an event is
// off ("called off", "suspended") or on ("goes ahead"). Two texts conflict when each states a
// fact the other lacks (a season only against another season), as "Bitcoin falls 4% to $61,000"
// and "Bitcoin falls 6% to $58,200" do; a truncated or trimmed copy states fewer facts but none
// the other lacks.

const SCALE_WORDS = 'k|m|bn|b|thousand|million|billion';
const NUMBER = new RegExp(`(\\d+(?:[.,]\\d+)*)\\s*(${SCALE_WORDS})?(?![\\p{L}\\d])`, 'giu');

/**
 * Number words a story spells out ("two dollars", "twelve years"); "one" is left out, being an
 * ordinary word too ("one of the", "no one").
 */
const NUMBER_WORDS = new Map(
  'two three four five six seven eight nine ten eleven twelve'
    .split(' ')
    .map((word, index) => [word, index + 2] as const)
    .concat(
      'twenty thirty forty fifty sixty seventy eighty ninety'
        .split(' ')
        .map((word, index) => [word, (index + 2) * 10] as const),
    ),
);
const SPELLED_NUMBER = new RegExp(
  `\\b(${[...NUMBER_WORDS.keys()].join('|')})(?:\\s+(${SCALE_WORDS}))?\\b`,
  'giu',
);
const SCALE: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
};

const CALENDAR_WORDS = new Map<string, string>(
  [
    'monday mon mondays',
    'tuesday tue tues tuesdays',
    'wednesday wed wednesdays',
    'thursday thu thurs thursdays',
    'friday fri fridays',
    'saturday sat saturdays',
    'sunday sun sundays',
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

/** Seasons, compared only with each other: "picks up for winter" is a loose mention. */
const SEASONS = new Set(['spring', 'summer', 'autumn', 'winter']);

/** Phrases saying an event will not happen as planned, and that it will. */
const EVENT_OFF =
  /\b(?:call(?:s|ed|ing)? off|cancel(?:s|led|ed|ling|ing)?|suspend(?:s|ed)?|scrap(?:s|ped)?|postpone(?:s|d)?|averted|shelved)\b/iu;
const EVENT_ON = /\b(?:go(?:es|ing)? ahead|went ahead)\b/iu;

/** A text cut off with "…" or "..." loses its last, possibly partial, word. */
function untruncated(text: string): string {
  const trimmed = text.trimEnd();
  return /(?:…|\.\.\.)$/u.test(trimmed) ? trimmed.replace(/\S*(?:…|\.\.\.)$/u, '') : trimmed;
}

/**
 * The facts of a text: numbers as plain values ("62K" and "62,000" both "62000", "two" and "2"
 * both "2"), days, months,
 * seasons, and "event off" or "event on".
 */
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
  for (const [, word = '', scale] of body.matchAll(SPELLED_NUMBER)) {
    const value = NUMBER_WORDS.get(word.toLowerCase()) ?? 0;
    facts.add(String(value * (scale ? (SCALE[scale.toLowerCase()] ?? 1) : 1)));
  }
  for (const word of body.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (SEASONS.has(word)) facts.add(`season ${word}`);
    const canonical = CALENDAR_WORDS.get(word);
    // "may" and "sun" are also ordinary words; only their capitalised forms name a month or day.
    if (canonical && (word !== 'may' && word !== 'sun' ? true : /\b(?:May|Sun)\b/u.test(body))) {
      facts.add(canonical);
    }
  }
  if (EVENT_OFF.test(body)) facts.add('event off');
  if (EVENT_ON.test(body)) facts.add('event on');
  return facts;
}

/**
 * Whether each of two fact sets holds a fact the other lacks, seasons aside; or each names a
 * season the other does not ("this spring" against "this autumn").
 */
export function factsConflict(left: ReadonlySet<string>, right: ReadonlySet<string>): boolean {
  const bothMiss = (kept: (fact: string) => boolean) => {
    const missingFrom = (from: ReadonlySet<string>, other: ReadonlySet<string>) =>
      [...from].some((fact) => kept(fact) && !other.has(fact));
    return missingFrom(left, right) && missingFrom(right, left);
  };
  const isSeason = (fact: string) => fact.startsWith('season ');
  return bothMiss((fact) => !isSeason(fact)) || bothMiss(isSeason);
}
