// Whether two texts tell a story turned the other way: one says a thing opens, wins, rises or is
// approved where the other says it closes, loses, falls or is rejected ("Residents win fight to
// save the playing field" against "Residents lose fight…"). One of the near-duplicate model's
// pair features (story-fingerprint.ts); a copy keeps the direction even when it rewords it.

import { stem } from './normalise-text.js';

/** Opposite directions of news, each side a list of words that share it. */
const OPPOSITES: readonly (readonly [string, string])[] = [
  ['win wins won victory victorious triumph', 'lose loses lost defeat defeated beaten'],
  [
    'approve approved approval pass passed passes backed greenlit allowed',
    'reject rejected rejection refuse refused block blocked thrown threw dismissed',
  ],
  [
    'open opens opened opening reopen reopens reopened launch launches launched start starts started begin begins resume resumes return returns returned back renew renews renewed',
    'close closes closed closing shut shuts end ends ended scrap scraps scrapped axe axes axed cancel cancels cancelled halt halts halted pause paused suspend suspended stop stops stopped',
  ],
  [
    'rise rises rose risen up hike hikes hiked increase increases increased climb climbs climbed soar soars soared jump jumps jumped higher highest',
    'fall falls fell fallen down cut cuts drop drops dropped decrease decreases decreased slump slumps slumped lower lowest plunge plunges plunged',
  ],
  [
    'join joins joined sign signs signed appoint appoints appointed hire hires hired arrive arrives arrived',
    'leave leaves left exit exits quit quits depart departs departed sack sacks sacked resign resigns resigned',
  ],
  ['merge merges merged merger', 'split splits demerge'],
  ['upgrade upgraded upgrades', 'downgrade downgraded downgrades'],
  ['confirm confirms confirmed', 'deny denies denied'],
  ['qualify qualifies qualified', 'eliminate eliminated out'],
  ['dock docks docked', 'sail sails sailed'],
];

const SIDES = OPPOSITES.map(
  (pair) => pair.map((words) => new Set(words.split(' ').map(stem))) as [Set<string>, Set<string>],
);

/**
 * How many directions the two texts take opposite sides of: one text uses words of one side only,
 * the other words of the opposite side only. A text using both ("closed since 2016, reopens on
 * Friday") takes no side. `left` and `right` are stemmed words (`stem`).
 */
export function opposedDirections(left: ReadonlySet<string>, right: ReadonlySet<string>): number {
  let opposed = 0;
  for (const sides of SIDES) {
    const [leftForward, leftBackward] = sides.map((side) => uses(left, side));
    const [rightForward, rightBackward] = sides.map((side) => uses(right, side));
    if (
      (leftForward && !leftBackward && rightBackward && !rightForward) ||
      (leftBackward && !leftForward && rightForward && !rightBackward)
    ) {
      opposed++;
    }
  }
  return opposed;
}

function uses(words: ReadonlySet<string>, side: ReadonlySet<string>): boolean {
  for (const word of side) if (words.has(word)) return true;
  return false;
}
