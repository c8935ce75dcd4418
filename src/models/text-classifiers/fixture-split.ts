// The tuning / held-out split of the labelled fixtures: a fixed rule on each item's group key, so
// no one chooses which item lands where and a group (a duplicate story) never straddles the halves.

import { createHash } from 'node:crypto';

/** The two halves: tuning (read, trained and tuned on) and held-out (only measured). */
export type FixtureHalf = 'tuning' | 'held-out';

/** The half of an item whose group key is `key`: the parity of the first byte of its SHA-256. */
export function fixtureHalf(key: string): FixtureHalf {
  return ((createHash('sha256').update(key).digest()[0] ?? 0) & 1) === 0 ? 'tuning' : 'held-out';
}
