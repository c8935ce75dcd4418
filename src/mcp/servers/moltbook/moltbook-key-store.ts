// What the Moltbook adapter remembers of each idempotency key, since Moltbook itself takes none:
// a key is claimed before its request is sent, settled with what Moltbook made, or released when
// Moltbook refused. The in-memory store forgets on restart; a database-backed one is future work.

import type { Platform, PostView } from '../platform-tools.js';

/** A post the adapter made, by the Chimera author and plan platform it was made for. */
export interface PostRecord extends PostView {
  platform: Platform;
  /** True while Moltbook holds the post until its verification challenge is answered. */
  held: boolean;
}

/** A reply the adapter made to a mention. */
export interface ReplyRecord {
  reply_id: string;
  mention_id: string;
  /** True when Moltbook holds the comment until its verification challenge is answered. */
  held: boolean;
}

/** What is known of one idempotency key. */
export type KeyRecord =
  /** A request was sent and no answer was recorded: in flight, or lost with the connection. */
  | { state: 'pending' }
  | { state: 'posted'; post: PostRecord }
  | { state: 'replied'; reply: ReplyRecord };

/** The adapter's memory of idempotency keys. Implementations make `claim` atomic per key. */
export interface MoltbookKeyStore {
  /** Marks `key` pending if it is unknown; returns what was known before (undefined: free). */
  claim(key: string): Promise<KeyRecord | undefined>;
  /** Records what the request sent under a claimed `key` made. */
  settle(key: string, record: Exclude<KeyRecord, { state: 'pending' }>): Promise<void>;
  /** Frees a claimed `key` whose request Moltbook refused (so it made nothing). */
  release(key: string): Promise<void>;
  get(key: string): Promise<KeyRecord | undefined>;
  /** The newest `limit` posts made for `author` on `platform`, newest first. */
  recentPosts(author: string, platform: string, limit: number): Promise<PostRecord[]>;
}

/** Keys in a Map of this process: enough for one run and for tests, lost on restart. */
export class MemoryMoltbookKeyStore implements MoltbookKeyStore {
  private readonly records = new Map<string, KeyRecord>();

  async claim(key: string): Promise<KeyRecord | undefined> {
    const known = this.records.get(key);
    if (!known) this.records.set(key, { state: 'pending' });
    return known;
  }

  async settle(key: string, record: Exclude<KeyRecord, { state: 'pending' }>): Promise<void> {
    this.records.set(key, record);
  }

  async release(key: string): Promise<void> {
    this.records.delete(key);
  }

  async get(key: string): Promise<KeyRecord | undefined> {
    return this.records.get(key);
  }

  async recentPosts(author: string, platform: string, limit: number): Promise<PostRecord[]> {
    const posts: PostRecord[] = [];
    for (const record of this.records.values()) {
      if (record.state !== 'posted') continue;
      if (record.post.author === author && record.post.platform === platform)
        posts.push(record.post);
    }
    return posts.sort((a, b) => b.created_at.localeCompare(a.created_at)).slice(0, limit);
  }
}
