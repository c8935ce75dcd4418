// Near-duplicate detection for `npm run bench`: how long `findNearDuplicates` takes on feeds of
// 250 to about 1,900 items (the labelled duplicate sets, pooled), the median of three runs each.
// Pairwise, so the time grows with the square of the items. Always exits 0 (a measurement).

import { loadDuplicateSets } from '../src/skills/scout/duplicate-examples.js';
import { findNearDuplicates } from '../src/skills/scout/near-duplicates.js';
import { percentile } from './bench-measures.js';

const RUNS = 3;
const out = (line = '') => process.stdout.write(`${line}\n`);

const items = loadDuplicateSets().flatMap((set) =>
  set.items.map((item) => ({ ...item, id: `${set.name}:${item.id}` })),
);
out('near-duplicates: findNearDuplicates, median of 3 runs');
for (const size of [250, 500, 1_000, items.length]) {
  const feed = items.slice(0, size);
  const times: number[] = [];
  let groups = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    groups = findNearDuplicates(feed).length;
    times.push(performance.now() - started);
  }
  out(`  ${size} items: ${percentile(times, 0.5).toFixed(0)} ms, ${groups} groups`);
}
