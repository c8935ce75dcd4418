// The facts a story states that a repost keeps and a look-alike changes: its numbers (with "K",
// "M", "million", thousands separators and spelled-out numbers resolved), clock times, weekdays,
// months and seasons, and whether an event is off ("called off", "will not go ahead") or on
// ("goes ahead"). Two texts conflict when each states a fact the other lacks (a season only
// against another season), as "Bitcoin falls 4% to $61,000" and "Bitcoin falls 6% to $58,200"
// do; a truncated or trimmed copy states fewer facts but none the other lacks.

const SCALE_WORDS = 'k|m|bn|b|thousand|million|billion';
/** Units a number may carry without a space ("18C", "5km"): the number still counts. */
const UNITS = '°?c|km|kg|mph';
const NUMBER = new RegExp(
  `(\\d+(?:[.,]\\d+)*)\\s*(${SCALE_WORDS})?(?:${UNITS})?(?![\\p{L}\\d])`,
  'giu',
);

/** A clock time: "6.15pm", "8 pm", "18:15"; a bare "6.15" or "6" is not one. */
const CLOCK_TIME = /\b(\d{1,2})(?:[.:](\d{2}))?\s*([ap])\.?m\b\.?|\b(\d{1,2}):(\d{2})\b/giu;

/**
 * Number words a story spells out ("two dollars", "twenty-two gritters", "forty-eight thousand");
 * "one" counts only after a tens word ("twenty-one"), being an ordinary word too ("no one").
 */
const UNIT_WORDS = 'one two three four five six seven eight nine'.split(' ');
const SMALL_WORDS = UNIT_WORDS.slice(1).concat(
  'ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(' '),
);
const TENS_WORDS = 'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');
const NUMBER_WORDS = new Map<string, number>([
  ...UNIT_WORDS.map((word, index) => [word, index + 1] as const),
  ...SMALL_WORDS.slice(UNIT_WORDS.length - 1).map((word, index) => [word, index + 10] as const),
  ...TENS_WORDS.map((word, index) => [word, (index + 2) * 10] as const),
]);
const SPELLED_NUMBER = new RegExp(
  `\\b(?:(${TENS_WORDS.join('|')})(?:[-\\s](${UNIT_WORDS.join('|')}))?|(${SMALL_WORDS.join('|')}))(?:\\s+(${SCALE_WORDS}))?\\b`,
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
/** "Will not go ahead", "won't be going ahead": the event is off. */
const EVENT_NOT_ON = /(?:\bnot|n[’']t|\bwont)\s+(?:be\s+)?(?:go(?:es|ing)?|went) ahead\b/giu;

/** A text cut off with "…" or "..." loses its last, possibly partial, word. */
function untruncated(text: string): string {
  const trimmed = text.trimEnd();
  return /(?:…|\.\.\.)$/u.test(trimmed) ? trimmed.replace(/\S*(?:…|\.\.\.)$/u, '') : trimmed;
}

/**
 * The facts of a text: numbers as plain values ("62K" and "62,000" both "62000", "two" and "2"
 * both "2"), clock times ("time 18:15"), days, months, seasons, and "event off" or "event on".
 */
export function storyFacts(text: string): Set<string> {
  const facts = new Set<string>();
  const body = untruncated(text)
    .replace(/\b(?:https?:\/\/|www\.)\S+/giu, ' ')
    .replace(CLOCK_TIME, (_, hour, minutes, half, hour24, minutes24) => {
      facts.add(clockTime(hour ?? hour24, minutes ?? minutes24, half));
      return ' ';
    });
  for (const match of body.matchAll(NUMBER)) {
    const [, digits = '', scale] = match;
    const plain = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/u.test(digits)
      ? digits.replaceAll(',', '')
      : digits.replace(',', '.');
    const value = Number(plain) * (scale ? (SCALE[scale.toLowerCase()] ?? 1) : 1);
    if (Number.isFinite(value)) facts.add(String(value));
  }
  for (const [, tens, unit, small, scale] of body.matchAll(SPELLED_NUMBER)) {
    const words = [tens, unit, small].map((word) => NUMBER_WORDS.get(word?.toLowerCase() ?? ''));
    const value = words.reduce<number>((sum, word) => sum + (word ?? 0), 0);
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
  const unnegated = body.replace(EVENT_NOT_ON, ' ');
  if (unnegated !== body || EVENT_OFF.test(body)) facts.add('event off');
  if (EVENT_ON.test(unnegated)) facts.add('event on');
  return facts;
}

/** A clock time as "time H:MM" on the 24-hour clock: "6.15pm" and "18:15" are both "time 18:15". */
function clockTime(hour: string, minutes: string | undefined, half: string | undefined): string {
  const hours = (Number(hour) % 12) + (half?.toLowerCase() === 'p' ? 12 : 0);
  return `time ${half ? hours : Number(hour)}:${minutes ?? '00'}`;
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
