// The Judge's checks on a post for `npm run bench` (issue 14): the content policies every Judge
// runs (sensitive topics through the offline topic model, character consistency, persona
// directives, honesty) on posts it has not seen, so each pays its sentence embedding. Offline,
// once loaded: the encoder is loaded and 20 posts judged before timing. Goal p95 ≤ 30 ms. Also
// times the Scout's sentiment classifier on the same posts. Always exits 0 (it is a measurement);
// a miss is printed as a GOAL MISSED line.

import { z } from 'zod';
import type { Task } from '../src/domain/task.js';
import { classifySentiment } from '../src/skills/scout/sentiment-classifier.js';
import { loadSentimentExamples } from '../src/skills/scout/sentiment-examples.js';
import type { AnySkill } from '../src/skills/skill.js';
import { contentPolicies } from '../src/swarm/content-policies.js';
import { Judge } from '../src/swarm/judge.js';
import { percentile, positiveInt } from './bench-measures.js';

const POSTS = positiveInt('BENCH_JUDGE_POSTS', 300);
const WARMUP = 20;
const GOAL_P95_MS = 30;

const out = (line = '') => process.stdout.write(`${line}\n`);

/** A skill whose output is one caption, the audience-facing text the policies read. */
const captionSkill = {
  name: 'bench.caption',
  specId: 'SK-DIRECTOR-001',
  outputSchema: z.object({ caption: z.string() }),
  inputSchema: z.object({}),
  publicText: (output: { caption: string }) => output.caption,
} as unknown as AnySkill;

const task = {
  id: 'bench-task',
  agent_id: 'bench',
  campaign_id: 'bench-campaign',
  spec_id: 'SK-DIRECTOR-001',
  attempt: 1,
  input: {},
} as unknown as Task;

async function main(): Promise<void> {
  // Social posts, the length of what the Judge reads (feed items with summaries run longer).
  const texts = [
    ...new Set(
      loadSentimentExamples()
        .filter((example) => example.kind !== 'feed item')
        .map((example) => example.text),
    ),
  ];
  if (texts.length < WARMUP + 2 * POSTS) throw new Error(`only ${texts.length} distinct posts`);
  const judge = new Judge({ policies: contentPolicies() });
  await judge.prepare();
  const judgeOnce = (caption: string) =>
    judge.judge({ task, skill: captionSkill, output: { caption }, confidence: 0.95 });
  for (const caption of texts.slice(0, WARMUP)) await judgeOnce(caption);

  const judged: number[] = [];
  for (const caption of texts.slice(WARMUP, WARMUP + POSTS)) {
    const started = performance.now();
    await judgeOnce(caption);
    judged.push(performance.now() - started);
  }
  // Embeddings are cached by text: the classifier is timed on posts the Judge has not embedded.
  const classified: number[] = [];
  for (const text of texts.slice(WARMUP + POSTS, WARMUP + 2 * POSTS)) {
    const started = performance.now();
    await classifySentiment(text);
    classified.push(performance.now() - started);
  }

  const ms = (value: number) => value.toFixed(2);
  const p95 = percentile(judged, 0.95);
  out(`Judge checks on a post (offline, loaded; ${judged.length} unseen posts)`);
  out(
    `  p50 ${ms(percentile(judged, 0.5))} ms, p95 ${ms(p95)} ms, max ${ms(Math.max(...judged))} ms`,
  );
  out(
    `Scout sentiment classifier (${classified.length} other posts): p50 ${ms(percentile(classified, 0.5))} ms, p95 ${ms(percentile(classified, 0.95))} ms`,
  );
  out(
    p95 <= GOAL_P95_MS
      ? `goal met: p95 ≤ ${GOAL_P95_MS} ms`
      : `GOAL MISSED: p95 > ${GOAL_P95_MS} ms`,
  );
}

await main();
