// Everyday senses of sensitive words (FR-POLICY-001): context rules that find where a word such as
// "legal", "vote" or "senator" is used in an everyday sense (a paper format, a genre, the name of a
// band or show, a playful title, a poll about trivia, a game, a simile), so the sensitive-topic
// lexicon does not count it. Pure: it reads the post's words and the punctuation between them.

/** A word of the post, as the sensitive-topic tokenizer produces it. */
export interface SenseToken {
  /** Lowercased, apostrophes removed. */
  word: string;
  /** Character offsets of the word as written. */
  start: number;
  end: number;
}

/** The kinds of everyday sense the rules recognise. */
export const EVERYDAY_SENSE_KINDS = [
  'paper format',
  'genre',
  'name',
  'playful title',
  'trivia poll',
  'game or sport',
  'simile',
] as const;

/** One of `EVERYDAY_SENSE_KINDS`. */
export type EverydaySenseKind = (typeof EVERYDAY_SENSE_KINDS)[number];

/** One everyday use found in a post: the words it covers (token indexes) and its kind. */
export interface EverydaySense {
  kind: EverydaySenseKind;
  /** Indexes of the tokens whose sensitive meaning is set aside. */
  indexes: number[];
}

/** A set of the space-separated words in `list`. */
function wordSet(list: string): ReadonlySet<string> {
  return new Set(list.split(' '));
}

/** Each phrase as its words. */
function phrases(...list: string[]): readonly string[][] {
  return list.map((phrase) => phrase.split(' '));
}

/** Words that follow "legal" when it names a paper size. */
const PAPER_NOUNS = wordSet(
  'pad pads size sized paper sheet sheets envelope envelopes notepad notepads format',
);
/** Other paper sizes listed beside "legal" ("letter or legal", "A4 vs legal"). */
const PAPER_SIZES = wordSet('letter tabloid a3 a4 a5 ledger');

/** Nouns that make the words before them a genre ("legal thriller", "political drama"). */
const GENRE_NOUNS = wordSet(
  'thriller thrillers drama dramas romance romances romcom satire satires mystery mysteries novel novels novella procedural procedurals sitcom fanfic whodunit whodunnit saga trilogy audiobook audiobooks finale sequel comic comics opera fable',
);
/** Adjectives that make the words after them fiction ("cozy crime", "fictional minister"). */
const FICTION_ADJECTIVES = wordSet('fictional cozy cosy fi scifi fantasy regency dystopian noir');
/** Two-word genre nouns. */
const GENRE_PHRASES = phrases(
  'short story',
  'short stories',
  'book club',
  'bedtime story',
  'love interest',
  'fairy tale',
  'short film',
  'video game',
);

/** Words that show a capitalised name belongs to a band, a record or a show. */
const ENTERTAINMENT_WORDS = wordSet(
  'band bands album albums ep eps track tracks song songs single verse tour gig gigs concert concerts cartoon cartoons choir playlist mixtape vinyl rapper ska dj lineup setlist sitcom anime show podcast musical remix duo trio frontman singer drummer festival episode episodes season finale rewatch rewatching binge binged binging marathon netflix spoiler spoilers soundtrack headphones game games special',
);
/** Lowercase words allowed inside a capitalised name ("Sound of the Senate"). */
const NAME_CONNECTORS = wordSet('of the and de la le');

/** Official titles that people give pets, children, friends and themselves in fun. */
const TITLES = wordSet(
  'queen king leader mayor senator governor president dictator general treasurer lobbyist minister chancellor judge justice sheriff nurse doctor surgeon ceo cfo ambassador secretary congressman congresswoman chairman commissioner chief officer head',
);
/** Words skipped before the thing a title rules over ("of the sofa", "for all snacks"). */
const OBJECT_DETERMINERS = wordSet('the a an our my your his her their this that all every');
/** What real titles rule over: places, peoples, branches of government, hospitals' departments. */
const GOVERNMENT_WORDS = wordSet(
  'staff surgery medicine cardiology oncology pediatrics paediatrics nursing operations department ministry agency commission bureau administration law high military forces guard town village city county borough parish municipality ward province state states nation country countries region district republic kingdom union federal federation world people house senate assembly parliament congress council party opposition government cabinet health finance treasury justice defence defense education interior foreign home transport labour labor environment energy agriculture commerce trade housing homeland security police army navy court supreme bank reserve central public',
);
/** Words before a title, in its clause, that mark it as given in fun ("unofficial lobbyist"). */
const TITLE_CUES = wordSet(
  'named crowned promoted unlocked unofficial self honorary benevolent resident reigning supreme',
);
/** Who usually receives a playful title: pets, children, family, friends, colleagues. */
const COMPANIONS = wordSet(
  'dog dogs cat cats puppy kitten hamster rabbit bunny parrot bird goldfish toddler kid kids son daughter baby coworker colleague roommate partner husband wife boyfriend girlfriend brother sister mom mum dad grandma grandpa nan friend bestie boss neighbor neighbour',
);
/** Words between a companion and its title ("my dog is the senator of the sofa"). */
const TITLE_LINKS = wordSet('is was be been named crowned as remains became');

/** Words of voting, polling and campaigning. */
const VOTING_WORDS = wordSet(
  'debate debates campaign campaigning vote votes voted voting voter voters poll polls polling ballot ballots recount democracy election elections referendum lobbying parliament',
);
/** Words after a voting word that make it an everyday choice ("vote for best tacos"). */
const CHOICE_WORDS = wordSet(
  'best worst most least favorite favourite fave next cutest name which should between undecided',
);
/** Groups and occasions whose votes are about everyday things ("book club voted"). */
const EVERYDAY_GROUPS = wordSet(
  'committee club family office team chat class household roommates kids friends potluck dinner brunch picnic bakery cafe café squad crew gc',
);
/** Phrases that ask followers to pick. */
const ENGAGEMENT_PHRASES = phrases(
  'comment below',
  'in the comments',
  'weigh in',
  'emoji',
  'react',
  'drop your',
);

/** Board, card and party games, and the words of theirs that sound like finance or law. */
const GAMES = wordSet(
  'monopoly catan poker blackjack dice chess scrabble uno cluedo boardgame bingo mahjong quiz trivia dnd',
);
const GAME_WORDS = wordSet(
  'money cash dollars bucks lost won winnings points bank banker bankrupt bankruptcy jail prison trade trades traded debt debts owe owed loan loans rent tax taxes chips bet bets betting stake stakes fine fines robber robbery thief steal stole stolen',
);
/**
 * Sports, and only their courts, penalties, fouls and trades: an athlete's arrest, fine or injury
 * keeps its sense.
 */
const SPORTS = wordSet(
  'hoops basketball tennis pickleball padel volleyball netball badminton golf football soccer rugby cricket hockey baseball darts bowling',
);
const SPORT_WORDS = wordSet('court courts penalty penalties foul fouls trade trades traded');
/** How far a game's name reaches, in words, within its clause ("bankrupt in Monopoly"). */
const GAME_REACH = 4;

/** Splits a post into clauses: a new clause starts after . ! ? ; or a line break. */
function clauseNumbers(text: string, tokens: readonly SenseToken[]): number[] {
  let clause = 0;
  return tokens.map((token, index) => {
    const previous = tokens[index - 1];
    if (previous !== undefined && /[.!?;\n]/.test(text.slice(previous.end, token.start))) {
      clause += 1;
    }
    return clause;
  });
}

/** Whether a token is written with a capital first letter. */
function isCapitalised(text: string, token: SenseToken | undefined): boolean {
  return token !== undefined && /^\p{Lu}/u.test(text.slice(token.start, token.end));
}

function phraseAt(
  tokens: readonly SenseToken[],
  index: number,
  phrase: readonly string[],
): boolean {
  return phrase.every((part, offset) => tokens[index + offset]?.word === part);
}

function range(from: number, to: number): number[] {
  const indexes: number[] = [];
  for (let index = Math.max(0, from); index <= to; index += 1) indexes.push(index);
  return indexes;
}

/** "legal pad", "legal-size", "letter or legal". */
function paperFormats(tokens: readonly SenseToken[]): EverydaySense[] {
  const senses: EverydaySense[] = [];
  tokens.forEach((token, index) => {
    if (token.word !== 'legal') return;
    const next = tokens[index + 1]?.word ?? '';
    const before = range(index - 3, index - 1).map((position) => tokens[position]?.word ?? '');
    if (PAPER_NOUNS.has(next)) senses.push({ kind: 'paper format', indexes: [index, index + 1] });
    else if (before.some((word) => PAPER_SIZES.has(word))) {
      senses.push({ kind: 'paper format', indexes: [index] });
    }
  });
  return senses;
}

/**
 * Genres of fiction: the two words before a genre noun ("legal thriller", "hospital romance
 * trilogy"), the two after a fiction adjective ("cozy crime", "sci-fi courtroom"), the word before
 * "in this novel", and the rest of the clause after "where" ("a satire where the election…").
 */
function genres(tokens: readonly SenseToken[], clauses: readonly number[]): EverydaySense[] {
  const senses: EverydaySense[] = [];
  const sameClause = (indexes: number[], anchor: number) =>
    indexes.filter((index) => tokens[index] !== undefined && clauses[index] === clauses[anchor]);
  tokens.forEach((token, index) => {
    const phrase = GENRE_PHRASES.find((candidate) => phraseAt(tokens, index, candidate));
    let end = -1;
    let indexes: number[] = [];
    if (GENRE_NOUNS.has(token.word) || phrase !== undefined) {
      end = index + (phrase?.length ?? 1) - 1;
      indexes = sameClause(range(index - 2, end), index);
      const determiner = tokens[index - 1]?.word ?? '';
      if (
        tokens[index - 2]?.word === 'in' &&
        ['this', 'the', 'that', 'my', 'a'].includes(determiner)
      ) {
        indexes.push(...sameClause([index - 3], index));
      }
    } else if (FICTION_ADJECTIVES.has(token.word)) {
      end = index + 2;
      indexes = sameClause(range(index, end), index);
    } else return;
    const following = tokens[end + 1]?.word;
    if (following === 'where' || (following === 'in' && tokens[end + 2]?.word === 'which')) {
      for (let next = end + 1; clauses[next] === clauses[index]; next += 1) indexes.push(next);
    }
    senses.push({ kind: 'genre', indexes });
  });
  return senses;
}

/**
 * Names of bands, records and shows: a run of at least two capitalised words (lowercase "of",
 * "the" allowed inside; in a post written in capitals, every word) in a post that talks about music
 * or shows: "Pollen Court EP", "Lil Subpoena's verse", "THE LOBBYISTS REUNION TOUR". In such a
 * post, a title in quotes of up to six words is a name too ("'Overdraft' is the song of the
 * summer"), and the two words after "not the" disclaim the other sense ("the band, not the vote").
 */
function names(text: string, tokens: readonly SenseToken[]): EverydaySense[] {
  if (!tokens.some((token) => ENTERTAINMENT_WORDS.has(token.word))) return [];
  const letters = text.replace(/[^\p{L}]/gu, '');
  const shouting = letters.length > 0 && letters === letters.toUpperCase();
  const capitalised = (index: number) =>
    tokens[index] !== undefined && (shouting || isCapitalised(text, tokens[index]));
  const senses: EverydaySense[] = [];
  let run: number[] = [];
  const close = () => {
    while (run.length > 0 && !capitalised(run[run.length - 1] ?? -1)) run.pop();
    if (run.filter(capitalised).length >= 2) senses.push({ kind: 'name', indexes: run });
    run = [];
  };
  tokens.forEach((token, index) => {
    const previous = tokens[index - 1];
    const joined =
      previous !== undefined && /^[\s'’&]*$/.test(text.slice(previous.end, token.start));
    if (!joined) close();
    if (capitalised(index)) run.push(index);
    else if (run.length > 0 && NAME_CONNECTORS.has(token.word)) run.push(index);
    else close();
  });
  close();
  for (const quote of text.matchAll(/(?<![\p{L}\d])['‘"“]([^'’"”\n]{1,60})['’"”](?![\p{L}\d])/gu)) {
    const from = quote.index + 1;
    const to = from + (quote[1]?.length ?? 0);
    const quoted = range(0, tokens.length - 1).filter(
      (index) => (tokens[index]?.start ?? -1) >= from && (tokens[index]?.end ?? Infinity) <= to,
    );
    if (quoted.length > 0 && quoted.length <= 6) senses.push({ kind: 'name', indexes: quoted });
  }
  tokens.forEach((token, index) => {
    if (token.word === 'not' && tokens[index + 1]?.word === 'the') {
      senses.push({
        kind: 'name',
        indexes: range(index + 2, Math.min(index + 3, tokens.length - 1)),
      });
    }
  });
  return senses;
}

/**
 * Playful titles: a title ("Senator", "Chief Medical Officer", "Head of Homeland Security")
 * followed by "of" or "for" and what it rules over, given in fun: over an everyday thing in lower
 * case ("of snacks", "of the vegetable garden", but not "of Texas", "of state" or "of the high
 * court"); after "unofficial", "named", "promoted" and the like; to a pet, child or friend ("my
 * dog is the senator of the sofa", "the Mayor of Tiny Hats, my hamster"); or to oneself ("… over
 * here", "reporting live as the Attorney General of Bad Puns").
 */
function playfulTitles(
  text: string,
  tokens: readonly SenseToken[],
  clauses: readonly number[],
): EverydaySense[] {
  const senses: EverydaySense[] = [];
  const word = (position: number) => tokens[position]?.word ?? '';
  const capitalised = (position: number) => isCapitalised(text, tokens[position]);
  tokens.forEach((token, index) => {
    if (token.word !== 'of' && token.word !== 'for') return;
    let start = index;
    while (
      clauses[start - 1] === clauses[index] &&
      (capitalised(start - 1) ||
        TITLES.has(word(start - 1)) ||
        (word(start - 1) === 'of' && capitalised(start - 2)))
    ) {
      start -= 1;
    }
    const title = range(start, index - 1);
    if (!title.some((position) => TITLES.has(word(position)))) return;
    const clause = range(0, tokens.length - 1).filter(
      (position) => clauses[position] === clauses[index],
    );
    const object = clause.filter((position) => position > index && position <= index + 3);
    const before = clause.filter((position) => position < start);
    const after = clause.filter((position) => position > index);
    const things = object.filter((position) => !OBJECT_DETERMINERS.has(word(position))).slice(0, 3);
    const everydayThing =
      things.length > 0 &&
      !capitalised(things[0] ?? -1) &&
      !things.some((position) => GOVERNMENT_WORDS.has(word(position)));
    const cued = before.some((position) => TITLE_CUES.has(word(position)));
    const companionBefore = before.some(
      (position, offset) =>
        COMPANIONS.has(word(position)) &&
        before.slice(offset + 1).some((later) => TITLE_LINKS.has(word(later))),
    );
    const companionAfter = after.some(
      (position) => COMPANIONS.has(word(position)) && ['my', 'our'].includes(word(position - 1)),
    );
    const selfTitled =
      after.some((position) => word(position) === 'here') ||
      clause.some((position) => word(position) === 'reporting') ||
      before.some((position) => word(position) === 'im' || word(position) === 'me');
    if (!everydayThing && !cued && !companionBefore && !companionAfter && !selfTitled) return;
    senses.push({ kind: 'playful title', indexes: [...title, index, ...object] });
  });
  return senses;
}

/**
 * Polls about trivia: every voting word of a post that asks followers to choose between everyday
 * things: a question with "or" or "vs", options "A:" and "B:", "comment below", "weigh in", a vote
 * "for best…" or "for the name…", or the vote of a book club, a family or an office.
 */
function triviaPolls(text: string, tokens: readonly SenseToken[]): EverydaySense[] {
  const voting = tokens.flatMap((token, index) => (VOTING_WORDS.has(token.word) ? [index] : []));
  if (voting.length === 0) return [];
  const word = (position: number) => tokens[position]?.word ?? '';
  const question = text
    .split(/(?<=[.!?\n])/)
    .some((sentence) => sentence.trim().endsWith('?') && /\b(?:or|vs\.?|versus)\b/i.test(sentence));
  const options = /(?:^|\s)A[:)]\s.+\sB[:)]\s/.test(text);
  const engagement = tokens.some((_, index) =>
    ENGAGEMENT_PHRASES.some((phrase) => phraseAt(tokens, index, phrase)),
  );
  const choice = voting.some((index) =>
    range(index + 1, index + 4).some((position) => CHOICE_WORDS.has(word(position))),
  );
  const group = voting.some((index) =>
    range(index - 3, index + 6).some((position) => EVERYDAY_GROUPS.has(word(position))),
  );
  if (!question && !options && !engagement && !choice && !group) return [];
  return [{ kind: 'trivia poll', indexes: voting }];
}

/**
 * Games and sports: a game's money and jail (`GAME_WORDS`), a sport's courts and penalties
 * (`SPORT_WORDS`), within `GAME_REACH` words of its name, in its clause ("bankrupt in Monopoly",
 * "the court got new hoops"). Other words near a game keep their sense: a stroke at golf is
 * still health.
 */
function games(tokens: readonly SenseToken[], clauses: readonly number[]): EverydaySense[] {
  const senses: EverydaySense[] = [];
  tokens.forEach((token, index) => {
    const boardGame = token.word === 'board' && tokens[index + 1]?.word === 'game';
    const words =
      GAMES.has(token.word) || boardGame
        ? GAME_WORDS
        : SPORTS.has(token.word)
          ? SPORT_WORDS
          : undefined;
    if (words === undefined) return;
    const reach = range(index - GAME_REACH, index + GAME_REACH + (boardGame ? 1 : 0));
    const indexes = reach.filter(
      (position) => clauses[position] === clauses[index] && words.has(tokens[position]?.word ?? ''),
    );
    if (indexes.length > 0) senses.push({ kind: 'game or sport', indexes });
  });
  return senses;
}

/** Similes: the two words after "like a" or "like an" ("runs this house like a tiny president"). */
function similes(tokens: readonly SenseToken[], clauses: readonly number[]): EverydaySense[] {
  const senses: EverydaySense[] = [];
  tokens.forEach((token, index) => {
    const article = tokens[index + 1]?.word;
    if (token.word !== 'like' || (article !== 'a' && article !== 'an')) return;
    const indexes = range(index + 2, index + 3).filter(
      (position) => tokens[position] !== undefined && clauses[position] === clauses[index],
    );
    senses.push({ kind: 'simile', indexes });
  });
  return senses;
}

/** Every everyday sense the rules find in a post, by rule. */
export function findEverydaySenses(text: string, tokens: readonly SenseToken[]): EverydaySense[] {
  const clauses = clauseNumbers(text, tokens);
  return [
    ...paperFormats(tokens),
    ...genres(tokens, clauses),
    ...names(text, tokens),
    ...playfulTitles(text, tokens, clauses),
    ...triviaPolls(text, tokens),
    ...games(tokens, clauses),
    ...similes(tokens, clauses),
  ];
}
