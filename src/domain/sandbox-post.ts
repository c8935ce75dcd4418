// The social sandbox's records: a post on the local platform, a mention of an account, and a
// reply to a mention. Owned here so both the sandbox server and its store can name them.

import type { StrategyChoice } from './strategy/strategy-choices.js';

/** A post on the sandbox platform. */
export interface SandboxPost {
  id: string;
  platform: string;
  author: string;
  text_content: string;
  media_urls: string[];
  disclosure_level: 'automated' | 'assisted';
  idempotency_key: string;
  /**
   * Sandbox only: the strategy choice the post was made with (format, topic cluster, hook style,
   * posting hour), which the synthetic audience responds to; null for a post made without one.
   */
  audience_labels: StrategyChoice | null;
  created_at: Date;
}

/** A mention of an account, as the audience writes it. */
export interface SandboxMention {
  id: string;
  platform: string;
  mentioned: string;
  author: string;
  text: string;
  created_at: Date;
}

/** A reply to a mention. */
export interface SandboxReply {
  id: string;
  mention_id: string;
  author: string;
  text: string;
  idempotency_key: string;
  created_at: Date;
}
