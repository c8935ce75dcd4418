// A deterministic audience for the offline sandbox: engagement and comments derived from a seed
// and the post itself, so the same post always gets the same numbers and mentions. It models
// nothing real; it only makes the loop observable without a network.

import { createHash } from 'node:crypto';
import type { SandboxMention, SandboxPost } from '../../../domain/sandbox-post.js';
import { syntheticEngagementRate } from './synthetic-audience.js';

/** Engagement counters of a post. */
export interface Engagement {
  views: number;
  likes: number;
  shares: number;
  comments: number;
}

/**
 * Engagement of `post` at `now`: reach grows with age (log-shaped), richer for posts with media.
 * A post made with a strategy choice (its audience labels) earns likes and shares at the rate
 * the synthetic audience gives that choice from its author; others at a seeded rate.
 */
export function simulateEngagement(post: SandboxPost, seed: string, now: Date): Engagement {
  const appeal = unit(seed, post.id, 'appeal');
  const ageMinutes = Math.max(0, (now.getTime() - post.created_at.getTime()) / 60_000);
  const reach = Math.round(
    (200 + 4_800 * appeal) * Math.log2(2 + ageMinutes) * (post.media_urls.length > 0 ? 1.6 : 1),
  );
  const comments = commentsFor(post, seed).length;
  if (post.audience_labels) {
    // The sandbox knows accounts, not niches: an account's topic tastes are its own.
    const rate = syntheticEngagementRate(
      { id: post.id, agentId: post.author, niche: post.author, choice: post.audience_labels },
      seed,
    );
    const interactions = Math.round(rate * reach);
    const shares = Math.round(interactions * 0.1);
    return {
      views: reach,
      likes: Math.max(0, interactions - shares - comments),
      shares,
      comments,
    };
  }
  return {
    views: reach,
    likes: Math.round(reach * (0.04 + 0.08 * unit(seed, post.id, 'likes'))),
    shares: Math.round(reach * 0.01 * unit(seed, post.id, 'shares')),
    comments,
  };
}

const COMMENT_LINES = [
  'love this!',
  'where can I get one?',
  'are you a bot?',
  'this is so helpful, thank you',
  'not sure about this one tbh',
  'is this an AI account?',
  'saving this for later',
];

/** The comments the audience leaves on `post`: zero to three, some asking whether it is an AI. */
export function commentsFor(post: SandboxPost, seed: string): SandboxMention[] {
  const count = Math.floor(unit(seed, post.id, 'count') * 4);
  return Array.from({ length: count }, (_, index) => {
    const line =
      COMMENT_LINES[Math.floor(unit(seed, post.id, `line${index}`) * COMMENT_LINES.length)];
    return {
      id: `${post.id}:c${index}`,
      platform: post.platform,
      mentioned: post.author,
      author: `fan_${Math.floor(unit(seed, post.id, `fan${index}`) * 9_000 + 1_000)}`,
      text: `@${post.author} ${line}`,
      created_at: new Date(post.created_at.getTime() + (index + 1) * 60_000),
    };
  });
}

/** A number in [0, 1) from the seed and labels. */
function unit(...parts: string[]): number {
  return createHash('sha256').update(parts.join('\u0000')).digest().readUInt32BE(0) / 2 ** 32;
}
