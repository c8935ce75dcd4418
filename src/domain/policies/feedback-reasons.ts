// Reads the reasons a previous attempt was rejected for (the Judge's policy findings and a human
// reviewer's words) into what the next draft must change. It reads the reason formats of
// domain/policies and the review desk; it guesses nothing from reasons it does not know.

import { OWN_REPEAT_REASON } from './own-repeats.js';
import { stemWord } from './phrase-match.js';
import { quotedPhrases } from './quoted-phrases.js';

/** What a list of rejection reasons asks of the next draft. */
export interface FeedbackReasons {
  /**
   * Words and phrases the next draft must leave out: the words a sensitive-topics finding quotes
   * (`mentions "supplement"`), the words a broken persona directive found (`found "Nike"`), and
   * what a reviewer quotes (`don't claim "boosts immunity"`) or names after "no", "don't",
   * "avoid", "drop" and the like (`no supplement talk` gives "supplement"). Never the passages
   * a reason quotes only to identify something: an earlier post, a directive, a comment.
   */
  avoid: string[];
  /** How many reasons say the draft repeats an earlier post (own-repeats, or a reviewer's words). */
  repeats: number;
  /** Hashtags a persona directive says the content lacks (`content lacks "#ad"`), in order. */
  requiredTags: string[];
  /**
   * True when a reason objects to what the draft says: a sensitive topic, a broken directive or
   * any reviewer's rejection. A writer then takes a more careful line, not just new words.
   */
  objects: boolean;
}

const REVIEWER = /^reviewer [^:]+?(?: rejected the spend)?: ([\s\S]*)$/;
const SENSITIVE = /^sensitive-topics: sensitive topic \([^)]*\): ([\s\S]*)$/;
const DIRECTIVE =
  /^persona-directives: breaks directive "[\s\S]*": (found [\s\S]*|(?:sponsored )?content lacks [\s\S]*)$/;
const CUE =
  /(?:^|\s)(?:don['\u2019]?t|do\s+not|never|no|stop|avoid|drop|remove|cut|lose|skip|without|less)\s+([\s\S]+)$/i;
const CLAUSE_BREAK = /[.;:!?()[\]]|\s(?:but|and then|because|since|so that)\s/i;
/** A reviewer saying the draft repeats earlier content, in so many words. */
const REVIEWER_REPEAT =
  /\b(?:already (?:posted|covered)|posted (?:this|that|it) before|(?:repeats?|duplicates?|same as) (?:an? |the |my |our |your )?(?:earlier|previous|last|old|other) (?:post|one|video|caption))\b/i;

/**
 * Words a reviewer's "no …" carries that name no claim: verbs of saying, determiners and words
 * for the post itself ("no supplement talk" names only "supplement").
 */
const NOT_A_CLAIM = new Set(
  [
    'a an the this that these those it its them they their there here any anything some something',
    'mention say claim use talk about push promote call write put include imply suggest make give',
    'add show post tell recommend sell start open end sound go get have do be being so too such',
    'more less much many very really just only again same other another all every each one kind',
    'type sort way like word phrase term caption copy content draft brief hashtag stuff thing',
    'please you your we our i me my us he she his her of for to in on at with or and nor as by',
    "from is are was were am not repeat yourself before time don't dont never stop avoid drop",
    'remove cut lose skip without',
  ]
    .join(' ')
    .split(' ')
    .map(stemWord),
);

/** The content words a reviewer names after "no", "don't", "avoid" and the like. */
function namedWords(text: string): string[] {
  const found: string[] = [];
  const unquoted = quotedPhrases(text).reduce((rest, phrase) => rest.replace(phrase, ' '), text);
  for (const clause of unquoted.split(CLAUSE_BREAK)) {
    const object = CUE.exec(clause)?.[1] ?? '';
    const words = object.match(/[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu) ?? [];
    found.push(
      ...words
        .filter((word) => word.length > 2 && !NOT_A_CLAIM.has(stemWord(word)))
        .slice(0, 4)
        .map((word) => word.toLowerCase()),
    );
  }
  return found;
}

/** Reads rejection reasons, in the formats the Judge's policies and the review desk write. */
export function readFeedbackReasons(feedback: readonly string[]): FeedbackReasons {
  const avoid: string[] = [];
  const requiredTags: string[] = [];
  let repeats = 0;
  let objects = false;
  for (const line of feedback) {
    const reason = line.trim();
    if (reason.includes(OWN_REPEAT_REASON)) {
      // The quoted passage is the earlier post: write about something new, not around its words.
      repeats++;
      continue;
    }
    const reviewer = REVIEWER.exec(reason);
    if (reviewer) {
      objects = true;
      const text = reviewer[1] ?? '';
      if (REVIEWER_REPEAT.test(text)) repeats++;
      avoid.push(...quotedPhrases(text), ...namedWords(text));
      continue;
    }
    const sensitive = SENSITIVE.exec(reason);
    if (sensitive) {
      objects = true;
      // `mentions "a", "b"` quotes the words; `topic model 0.81, no listed word` quotes none.
      avoid.push(...quotedPhrases(sensitive[1] ?? ''));
      continue;
    }
    const directive = DIRECTIVE.exec(reason);
    if (directive) {
      objects = true;
      const problem = directive[1] ?? '';
      if (problem.startsWith('found ')) avoid.push(...quotedPhrases(problem));
      else requiredTags.push(...quotedPhrases(problem).filter((tag) => tag.startsWith('#')));
    }
  }
  const distinct = [...new Map(avoid.map((phrase) => [phrase.toLowerCase(), phrase])).values()];
  return {
    avoid: distinct.filter((phrase) => /[\p{L}\p{N}]/u.test(phrase)),
    repeats,
    requiredTags: [...new Set(requiredTags)],
    objects,
  };
}
