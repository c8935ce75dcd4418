// Cross-validates the sensitive-topic model the way fixtures/policies/README.md reports it: each
// writer's tuning set is scored whole by topic heads and networks trained on every other tuning
// post, as a new writer's posts would be. The replies and short captions (sets m and n) are each
// split in two folds by position, so a fold of them is scored by networks that have seen the
// writer's other half, as the committed ones have; the first fixture (sensitive-topics.json) is
// only trained on. Prints, per fold and in all, the sensitive posts found and the tricky and plain
// false alarms at the committed settings. The held-out halves, the sets only measured and the
// blind set are never read. About a minute of one core per fold (2026-12-02); `--folds 0-6` runs
// some of them, to share the work between processes.
// Run: node --import tsx src/models/text-classifiers/cross-validate-sensitivity.ts [--folds a-b]

import { parseArgs } from 'node:util';
import {
  classifySensitiveTopics,
  SENSITIVE_CATEGORIES,
  type SensitiveCategory,
} from '../../domain/policies/sensitive-topics.js';
import { SENTENCE_EMBEDDING_SIZE } from '../sentence-encoder/sentence-encoder.js';
import type { LogisticModel } from './logistic-regression.js';
import { type SensitiveExample, sensitiveTuningSet } from './sensitive-topics-examples.js';
import { decideSensitivity } from './sensitive-topics-model.js';
import { trainSensitiveTopicHead, trainSensitivityNetworks } from './sensitive-topics-training.js';
import { sensitivityTrainingSet } from './sensitivity-network-training-set.js';

/** Sets split in two folds by position: one writer's replies, another's short captions. */
const HALVED = ['sensitive-train-m.json', 'sensitive-train-n.json'];
/** Only trained on: written beside the lexicon, by no other writer. */
const ALWAYS_TRAINED = 'sensitive-topics.json';

/** Each tuning post's fold name, or undefined for a post that is only trained on. */
function foldsOf(examples: readonly SensitiveExample[]): (string | undefined)[] {
  const seen = new Map<string, number>();
  const sizes = new Map<string, number>();
  for (const { fixture } of examples) sizes.set(fixture, (sizes.get(fixture) ?? 0) + 1);
  return examples.map(({ fixture }) => {
    if (fixture === ALWAYS_TRAINED) return undefined;
    const position = seen.get(fixture) ?? 0;
    seen.set(fixture, position + 1);
    if (!HALVED.includes(fixture)) return fixture;
    return `${fixture} ${position < (sizes.get(fixture) ?? 0) / 2 ? 'first' : 'second'} half`;
  });
}

/** What one fold's posts gave. */
interface FoldFigures {
  found: number;
  sensitive: number;
  trickyFalseAlarms: number;
  tricky: number;
  plainFalseAlarms: number;
  plain: number;
}

const { values } = parseArgs({ options: { folds: { type: 'string' } } });
const { examples } = sensitiveTuningSet();
const { rows, sensitive } = await sensitivityTrainingSet();
const folds = foldsOf(examples);
const names = [...new Set(folds.filter((fold) => fold !== undefined))];
// `--folds 3` runs one fold, `--folds 0-6` a range; by default every fold.
const [first = 0, last = first] = (values.folds ?? `0-${names.length - 1}`).split('-').map(Number);

function noFigures(): FoldFigures {
  return { found: 0, sensitive: 0, trickyFalseAlarms: 0, tricky: 0, plainFalseAlarms: 0, plain: 0 };
}

const total = noFigures();
for (const [index, name] of names.entries()) {
  if (index < first || index > last) continue;
  const trained = examples.flatMap((_, position) => (folds[position] === name ? [] : [position]));
  const topicRows = trained.map((position) =>
    (rows[position] ?? []).slice(0, SENTENCE_EMBEDDING_SIZE),
  );
  const posts = trained.map((position) => examples[position] as SensitiveExample);
  const heads = {} as Record<SensitiveCategory, LogisticModel>;
  for (const category of SENSITIVE_CATEGORIES) {
    heads[category] = trainSensitiveTopicHead(topicRows, posts, category);
  }
  const networks = trainSensitivityNetworks(
    trained.map((position) => rows[position] ?? []),
    trained.map((position) => sensitive[position] ?? false),
  );
  const figures = noFigures();
  examples.forEach((example, position) => {
    if (folds[position] !== name) return;
    const features = (rows[position] ?? []).slice(0, SENTENCE_EMBEDDING_SIZE);
    const flagged =
      decideSensitivity({ heads, networks }, features, classifySensitiveTopics(example.text))
        .categories.length > 0;
    if (example.categories.length > 0) {
      figures.sensitive += 1;
      if (flagged) figures.found += 1;
    } else if (example.kind === 'tricky-negative') {
      figures.tricky += 1;
      if (flagged) figures.trickyFalseAlarms += 1;
    } else {
      figures.plain += 1;
      if (flagged) figures.plainFalseAlarms += 1;
    }
  });
  for (const key of Object.keys(total) as (keyof FoldFigures)[]) total[key] += figures[key];
  process.stdout.write(`${figuresLine(name, figures)}\n`);
}
process.stdout.write(
  `${figuresLine('in all', total)}; false reviews per 1,000 feed posts ${falseReviews(total, 800, 100)} (80 % plain, 10 % tricky), ${falseReviews(total, 600, 300)} (60 %, 30 %)\n`,
);

function figuresLine(name: string, figures: FoldFigures): string {
  return `${name}: found ${figures.found}/${figures.sensitive}, tricky false alarms ${figures.trickyFalseAlarms}/${figures.tricky}, plain ${figures.plainFalseAlarms}/${figures.plain}`;
}

/**
 * The selection rule's second measure (fixtures/policies/README.md): expected false reviews per
 * 1,000 feed posts with `plain` and `tricky` of them of each kind, at the folds' rates.
 */
function falseReviews(figures: FoldFigures, plain: number, tricky: number): number {
  const rate = (alarms: number, of: number) => (of === 0 ? 0 : alarms / of);
  return Math.round(
    plain * rate(figures.plainFalseAlarms, figures.plain) +
      tricky * rate(figures.trickyFalseAlarms, figures.tricky),
  );
}
