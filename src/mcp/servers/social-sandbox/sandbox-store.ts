// The social sandbox's storage port: posts, mentions and replies of the local platform. The
// PostgreSQL adapter lives in store/postgres/sandbox-queries.ts.

/** A post on the sandbox platform. */
export interface SandboxPost {
  id: string;
  platform: string;
  author: string;
  text_content: string;
  media_urls: string[];
  disclosure_level: 'automated' | 'assisted';
  idempotency_key: string;
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
