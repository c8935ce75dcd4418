// The sense verifier's training set: every tuning post the lexicon or a topic head flags, with
// the verifier's input and whether the post is really sensitive. Shared by the script that
// trains the verifier and the test that checks the committed weights against a fresh run.

import { sensitiveTuningSet } from './sensitive-topics-examples.js';
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
  const { examples, sha256 } = sensitiveTuningSet();
  const flagged: FlaggedPost[] = [];
  for (const example of examples) {
    const features = await senseVerifierInput(example.text);
    if (features) flagged.push({ features, sensitive: example.categories.length > 0 });
  }
  return { posts: examples.length, flagged, sha256 };
}
