// Own repeats (FR-POLICY-005): content that nearly repeats one of the agent's own posts of the
// last 30 days is rejected, naming the post. Similarity is the Jaccard index of word trigrams,
// so a new opener or sign-off around the same headline still counts as the same post.

import type { PolicyFinding } from '../judge-routing.js';

/** How far back the agent's posts count. */
export const OWN_REPEAT_WINDOW_DAYS = 30;

/**
 * Similarity at or above which a text repeats a post. Two of the offline writer's captions on
 * the same headline score 0.55–0.8, on different headlines below 0.3 (see the test).
 */
export const OWN_REPEAT_THRESHOLD = 0.5;

/** The words every repeat reason starts with, so a writer can tell it was asked for new content. */
export const OWN_REPEAT_REASON = 'repeats your post of';

/** One of the agent's earlier posts. */
export interface EarlierPost {
  content_id: string;
  caption: string;
  published_at: Date;
}

/** Lowercase words without punctuation; a hashtag counts as its word. */
function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
}

/** Word trigrams of a text (the words themselves when it has fewer than three). */
export function wordTrigrams(text: string): Set<string> {
  const list = words(text);
  if (list.length < 3) return new Set(list);
  const trigrams = new Set<string>();
  for (let index = 0; index + 3 <= list.length; index++) {
    trigrams.add(list.slice(index, index + 3).join(' '));
  }
  return trigrams;
}

/** Jaccard index of two texts' word trigrams; 0 when either has no words. */
export function textSimilarity(left: string, right: string): number {
  const a = wordTrigrams(left);
  const b = wordTrigrams(right);
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const trigram of a) if (b.has(trigram)) shared++;
  return shared / (a.size + b.size - shared);
}

/** A reject finding for the most similar earlier post at or above the threshold, if any. */
export function ownRepeatFindings(
  text: string,
  earlier: readonly EarlierPost[],
  threshold: number = OWN_REPEAT_THRESHOLD,
): PolicyFinding[] {
  let closest: { post: EarlierPost; similarity: number } | undefined;
  for (const post of earlier) {
    const similarity = textSimilarity(text, post.caption);
    if (similarity >= threshold && similarity > (closest?.similarity ?? 0)) {
      closest = { post, similarity };
    }
  }
  if (!closest) return [];
  const { post, similarity } = closest;
  const excerpt = post.caption.length > 80 ? `${post.caption.slice(0, 77)}...` : post.caption;
  return [
    {
      policy: 'own-repeats',
      action: 'reject',
      reason: `${OWN_REPEAT_REASON} ${post.published_at.toISOString().slice(0, 10)} (similarity ${similarity.toFixed(2)}, content ${post.content_id}): "${excerpt}"; write about something new`,
    },
  ];
}
