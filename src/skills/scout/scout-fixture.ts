// Reads one labelled fixture under fixtures/scout as parsed JSON, for the example loaders
// (duplicate-examples.ts, sentiment-examples.ts), which validate it with their own schemas.

import { readFileSync } from 'node:fs';

/** The parsed JSON of `fixtures/scout/<name>`. */
export function readScoutFixture(name: string): unknown {
  return JSON.parse(
    readFileSync(new URL(`../../../fixtures/scout/${name}`, import.meta.url), 'utf8'),
  );
}
