// Average-link agglomerative clustering over a sparse similarity graph: two clusters merge only
// when the mean similarity over every cross pair reaches the threshold, so one close member cannot
// chain a look-alike into a group the way single-link (connected components) does. It knows
// nothing about text: callers give item counts and scored pairs.

/** One scored pair of items, by index; pairs not given have similarity 0. */
export interface ScoredPair {
  left: number;
  right: number;
  similarity: number;
}

/**
 * Clusters items `0 … count - 1`. Repeatedly merges the two clusters with the highest average
 * similarity (the sum over all cross pairs, unscored pairs counting 0, divided by the product of
 * the sizes) while it is at least `threshold`; ties go to the pair with the lowest indices, so
 * the result does not depend on the order of `pairs`. Returns clusters of two or more, each as
 * ascending indices, ordered by their first index.
 *
 * Cost: each merge scans the live cluster pairs, so about merges × scored pairs; sparse graphs of
 * a few thousand items take milliseconds.
 */
export function averageLinkClusters(
  count: number,
  pairs: readonly ScoredPair[],
  threshold: number,
): number[][] {
  const members = new Map<number, number[]>();
  const links = new Map<number, Map<number, number>>();
  const linksOf = (cluster: number) => {
    let found = links.get(cluster);
    if (found === undefined) {
      found = new Map();
      links.set(cluster, found);
    }
    return found;
  };
  for (let index = 0; index < count; index++) members.set(index, [index]);
  for (const { left, right, similarity } of pairs) {
    if (left === right || similarity <= 0) continue;
    linksOf(left).set(right, (linksOf(left).get(right) ?? 0) + similarity);
    linksOf(right).set(left, (linksOf(right).get(left) ?? 0) + similarity);
  }

  for (;;) {
    let best: { keep: number; absorb: number; average: number } | undefined;
    for (const [cluster, neighbours] of links) {
      const size = members.get(cluster)?.length ?? 1;
      for (const [other, sum] of neighbours) {
        if (other <= cluster) continue;
        const average = sum / (size * (members.get(other)?.length ?? 1));
        if (
          average >= threshold &&
          (best === undefined ||
            average > best.average ||
            (average === best.average &&
              (cluster < best.keep || (cluster === best.keep && other < best.absorb))))
        ) {
          best = { keep: cluster, absorb: other, average };
        }
      }
    }
    if (best === undefined) break;
    merge(best.keep, best.absorb);
  }

  function merge(keep: number, absorb: number): void {
    members.get(keep)?.push(...(members.get(absorb) ?? []));
    members.delete(absorb);
    const kept = linksOf(keep);
    kept.delete(absorb);
    for (const [other, sum] of links.get(absorb) ?? []) {
      if (other === keep) continue;
      kept.set(other, (kept.get(other) ?? 0) + sum);
      const back = linksOf(other);
      back.delete(absorb);
      back.set(keep, (back.get(keep) ?? 0) + sum);
    }
    links.delete(absorb);
  }

  return [...members.values()]
    .filter((cluster) => cluster.length > 1)
    .map((cluster) => cluster.sort((left, right) => left - right))
    .sort((left, right) => (left[0] ?? 0) - (right[0] ?? 0));
}
