// The labelled sensitive-topic posts the classifier is measured on, each tagged with its half:
// the tuning fixture the lexicon and topic model were built on, the earlier blind set, and the
// three sets of issue 14, split by `fixtureHalf` of each post's id. Reading only.

import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { SensitiveCategory } from '../../domain/policies/sensitive-topics.js';
import { type FixtureHalf, fixtureHalf } from './fixture-split.js';

/** One labelled post. `kind`: 'sensitive', 'plain-negative', 'tricky-negative' or 'sensitive-lookalike'. */
export interface SensitiveExample {
  text: string;
  categories: readonly SensitiveCategory[];
  kind: string;
  half: FixtureHalf | 'blind';
  /** The fixture file it comes from. */
  fixture: string;
}

const Categories = z.array(z.enum(['politics', 'health', 'finance', 'legal']));
const Examples = z.object({
  examples: z.array(z.object({ text: z.string(), categories: Categories })),
});
const Items = z.object({
  items: z.array(
    z.object({ id: z.string(), text: z.string(), categories: Categories, kind: z.string() }),
  ),
});

function read(name: string): unknown {
  const url = new URL(`../../../fixtures/policies/${name}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8'));
}

/** Every labelled post: tuning (`sensitive-topics.json`), blind, and the split issue 14 sets. */
export function loadSensitiveExamples(): SensitiveExample[] {
  const older = (['sensitive-topics.json', 'sensitive-topics-blind.json'] as const).flatMap(
    (fixture) =>
      Examples.parse(read(fixture)).examples.map((example) => ({
        ...example,
        kind: example.categories.length > 0 ? 'sensitive' : 'plain-negative',
        half: fixture === 'sensitive-topics.json' ? ('tuning' as const) : ('blind' as const),
        fixture,
      })),
  );
  const newer = [
    'sensitive-posts-a.json',
    'sensitive-posts-b.json',
    'sensitive-posts-c.json',
  ].flatMap((fixture) =>
    Items.parse(read(fixture)).items.map((item) => ({
      text: item.text,
      categories: item.categories,
      kind: item.kind,
      half: fixtureHalf(item.id),
      fixture,
    })),
  );
  return [...older, ...newer];
}
