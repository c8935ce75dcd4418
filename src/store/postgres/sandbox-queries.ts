// The social sandbox's tables. Keyed inserts use ON CONFLICT DO NOTHING and read the winner
// back, so two racing calls with one key both get the same single row.

import { Kysely, PostgresDialect, type Selectable } from 'kysely';
import type pg from 'pg';
import type { SandboxMention, SandboxPost, SandboxReply } from '../../domain/sandbox-post.js';
import type { ChimeraSchema, SandboxPostsTable } from './schema.js';

function toPost(row: Selectable<SandboxPostsTable>): SandboxPost {
  return {
    ...row,
    disclosure_level: row.disclosure_level as SandboxPost['disclosure_level'],
    audience_labels: row.audience_labels as SandboxPost['audience_labels'],
  };
}

/**
 * The social sandbox's storage on PostgreSQL: the `SandboxStore` of the sandbox server
 * (mcp/servers/social-sandbox/sandbox-store.ts), handed to it by app/hub-servers.ts.
 */
export class PostgresSandboxStore {
  constructor(private readonly db: Kysely<ChimeraSchema>) {}

  /** A sandbox store over `pool`. The pool stays the caller's to end. */
  static fromPool(pool: pg.Pool): PostgresSandboxStore {
    return new PostgresSandboxStore(
      new Kysely<ChimeraSchema>({ dialect: new PostgresDialect({ pool }) }),
    );
  }

  async insertPost(post: Omit<SandboxPost, 'id' | 'created_at'>) {
    const inserted = await this.db
      .insertInto('sandbox_posts')
      .values({
        ...post,
        id: crypto.randomUUID(),
        media_urls: JSON.stringify(post.media_urls),
        audience_labels: JSON.stringify(post.audience_labels),
      })
      .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted) return { post: toPost(inserted), created: true };
    return {
      post: (await this.findPostByKey(post.idempotency_key)) as SandboxPost,
      created: false,
    };
  }

  async findPostByKey(idempotencyKey: string) {
    const row = await this.db
      .selectFrom('sandbox_posts')
      .selectAll()
      .where('idempotency_key', '=', idempotencyKey)
      .executeTakeFirst();
    return row && toPost(row);
  }

  async getPost(id: string) {
    const row = await this.db
      .selectFrom('sandbox_posts')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toPost(row);
  }

  async addMentions(mentions: readonly SandboxMention[]) {
    if (mentions.length === 0) return;
    await this.db
      .insertInto('sandbox_mentions')
      .values([...mentions])
      .onConflict((conflict) => conflict.column('id').doNothing())
      .execute();
  }

  async getMention(id: string) {
    return this.db
      .selectFrom('sandbox_mentions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async recentMentions(platform: string, mentioned: string, limit: number) {
    const rows = await this.db
      .selectFrom('sandbox_mentions as mention')
      .selectAll('mention')
      .select((query) =>
        query
          .exists(
            query
              .selectFrom('sandbox_replies as reply')
              .select('reply.id')
              .whereRef('reply.mention_id', '=', 'mention.id')
              .whereRef('reply.author', '=', 'mention.mentioned'),
          )
          .as('replied'),
      )
      .where('platform', '=', platform)
      .where('mentioned', '=', mentioned)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((row) => ({ ...row, replied: Boolean(row.replied) }));
  }

  async insertReply(reply: Omit<SandboxReply, 'id' | 'created_at'>) {
    const inserted = await this.db
      .insertInto('sandbox_replies')
      .values({ ...reply, id: crypto.randomUUID() })
      .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted) return { reply: inserted, created: true };
    const existing = await this.db
      .selectFrom('sandbox_replies')
      .selectAll()
      .where('idempotency_key', '=', reply.idempotency_key)
      .executeTakeFirstOrThrow();
    return { reply: existing, created: false };
  }
}
