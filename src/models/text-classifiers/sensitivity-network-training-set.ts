// The sensitivity networks' training set: every tuning post, with the networks' input and whether
// the post is really sensitive. Shared by the script that trains the networks and the test that
// checks the committed weights against a fresh run.

import { sensitiveTuningSet } from './sensitive-topics-examples.js';
import { sensitivityInput } from './sensitive-topics-model.js';

/** The tuning posts' inputs and labels, and a digest of the labelled texts. */
export async function sensitivityTrainingSet(): Promise<{
  rows: number[][];
  sensitive: boolean[];
  sha256: string;
}> {
  const { examples, sha256 } = sensitiveTuningSet();
  const rows: number[][] = [];
  for (const example of examples) rows.push(await sensitivityInput(example.text));
  return { rows, sensitive: examples.map((example) => example.categories.length > 0), sha256 };
}
