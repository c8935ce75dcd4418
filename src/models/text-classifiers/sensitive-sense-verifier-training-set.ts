// The sense verifier's training set: every tuning post the lexicon or a topic head flags, with
// the verifier's input and whether the post is really sensitive. Shared by the script that
// trains the verifier and the test that checks the committed weights against a fresh run.

import { createHash } from 'node:crypto';
import { loadSensitiveExamples } from './sensitive-topics-examples.js';
import { senseVerifierInput } from './sensitive-topics-model.js';

/** A flagged tuning post, as the verifier sees it. */
export interface FlaggedPost {
  features: number[];
  sensitive: boolean;
}

/** The flagged tuning posts, how many tuning posts there were, and a digest of their labels. */
export async function senseVerifierTrainingSet(): Promise<{
  posts: number;
  flagged: FlaggedPost[];
  sha256: string;
}> {
  const tuning = loadSensitiveExamples().filter((example) => example.half === 'tuning');
  const digest = createHash('sha256');
  const flagged: FlaggedPost[] = [];
  for (const example of tuning) {
    const sensitive = example.categories.length > 0;
    digest.update(`${sensitive ? 1 : 0}\t${example.text}\n`);
    const features = await senseVerifierInput(example.text);
    if (features) flagged.push({ features, sensitive });
  }
  return { posts: tuning.length, flagged, sha256: digest.digest('hex') };
}
