// The social sandbox's storage port: posts, mentions and replies of the local platform. The
// PostgreSQL adapter (store/postgres/sandbox-queries.ts) is handed in by app/hub-servers.ts.

import type { SandboxMention, SandboxPost, SandboxReply } from '../../../domain/sandbox-post.js';

/** Storage of the sandbox platform. Writes keyed by an idempotency key happen once. */
export interface SandboxStore {
  /** Stores the post unless its key exists; returns the stored post and whether it was new. */
  insertPost(
    post: Omit<SandboxPost, 'id' | 'created_at'>,
  ): Promise<{ post: SandboxPost; created: boolean }>;
  findPostByKey(idempotencyKey: string): Promise<SandboxPost | undefined>;
  getPost(id: string): Promise<SandboxPost | undefined>;
  /** Adds mentions; ids already present are skipped. */
  addMentions(mentions: readonly SandboxMention[]): Promise<void>;
  getMention(id: string): Promise<SandboxMention | undefined>;
  /** The newest mentions of `mentioned`, each saying whether `mentioned` has replied to it. */
  recentMentions(
    platform: string,
    mentioned: string,
    limit: number,
  ): Promise<Array<SandboxMention & { replied: boolean }>>;
  insertReply(
    reply: Omit<SandboxReply, 'id' | 'created_at'>,
  ): Promise<{ reply: SandboxReply; created: boolean }>;
}
