// Cues that a post uses a sensitive-sounding word in an everyday sense: fiction and entertainment
// (a legal thriller, a band called The Senators), polls about trivia ("vote for the cupcake
// flavour"), playful titles ("Mayor of Tiny Hats"), sports and games, and paper formats. They are
// inputs to the sensitive-topic model, which learns how much each one counts; alone they decide
// nothing.

const CUES: ReadonlyArray<readonly [name: string, pattern: RegExp]> = [
  [
    'fiction or entertainment',
    /\b(?:novels?|books?|reading|audiobooks?|thrillers?|myster(?:y|ies)|romances?|dramas?|series|seasons?|episodes?|binge\w*|rewatch\w*|shows?|films?|movies?|albums?|bands?|songs?|tracks?|eps?|tours?|gigs?|concerts?|playlists?|podcasts?|cartoons?|anime|characters?|plot|chapters?|authors?|fiction|satire|sitcoms?|trilog(?:y|ies)|genres?|book club|short story|verse|choir|musicals?)\b/iu,
  ],
  ['poll', /\b(?:polls?|votes?|voted|voting|ballots?|recount)\b/iu],
  [
    'trivia',
    /\b(?:best|fave|favou?rite|flavou?rs?|names?|colou?rways?|toppings?|desserts?|pizza|tacos?|cupcakes?|outfits?|fonts?|murals?|snacks?|movie night|halloween|sourdough|cereal|bangs|socks)\b/iu,
  ],
  [
    'playful title',
    /\b(?:president|senator|mayor|governor|minister|ceo|chief|queen|king|attorney general|treasurer|nurse|doctor|judge|dictator|lobbyist|sheriff)\s+of\s+(?:the\s+)?(?:\w+\s+)?\w+/iu,
  ],
  [
    'sports or games',
    /\b(?:match(?:es)?|league|teams?|referee|penalt(?:y|ies)|fouls?|draft picks?|trade deadline|monopoly|catan|poker|chess|raid|level|quest|tournament|title defen[cs]e)\b/iu,
  ],
  ['paper format', /\b(?:legal[- ](?:pads?|size|paper)|a4|a5|tabloid|letter[- ]size)\b/iu],
];

/** The cue names, in the order `everydaySenseCues` reports them. */
export const EVERYDAY_SENSE_CUE_NAMES = CUES.map(([name]) => name);

/** 1 for each cue present in the text, 0 otherwise, in `EVERYDAY_SENSE_CUE_NAMES` order. */
export function everydaySenseCues(text: string): number[] {
  return CUES.map(([, pattern]) => (pattern.test(text) ? 1 : 0));
}
