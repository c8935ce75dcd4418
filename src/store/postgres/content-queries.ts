// Published content: a content_pipeline row at stage 'published' and its 1:1 video_metadata row
// holding the platform ids and engagement metrics.

import type { Kysely } from 'kysely';
import type { ContentRepository, PublishedContent, RecentCaption } from '../store.js';
import { toPost } from './row-mappers.js';
import type { ChimeraSchema } from './schema.js';

export class PostgresContentRepository implements ContentRepository {
  constructor(private readonly db: Kysely<ChimeraSchema>) {}

  async recordPublished(content: PublishedContent): Promise<string> {
    const id = crypto.randomUUID();
    await this.db
      .insertInto('content_pipeline')
      .values({
        id,
        agent_id: content.agent_id,
        campaign_id: content.campaign_id,
        stage: 'published',
        format: content.format,
        caption: content.caption,
        media_url: content.media_url,
      })
      .execute();
    await this.db
      .insertInto('video_metadata')
      .values({
        id: crypto.randomUUID(),
        content_id: id,
        title: content.caption.slice(0, 120),
        video_url: content.url,
        platform_ids: JSON.stringify({ [content.platform]: content.post_id }),
        engagement_metrics: '{}',
      })
      .execute();
    return id;
  }

  async listRecentCaptions(agentId: string, since: Date): Promise<RecentCaption[]> {
    const rows = await this.db
      .selectFrom('content_pipeline')
      .select(['id', 'caption', 'created_at'])
      .where('agent_id', '=', agentId)
      .where('stage', '=', 'published')
      .where('created_at', '>=', since)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map((row) => ({
      content_id: row.id,
      caption: row.caption ?? '',
      published_at: new Date(row.created_at),
    }));
  }

  async listPublished(agentId?: string) {
    let query = this.db
      .selectFrom('content_pipeline as content')
      .innerJoin('video_metadata as meta', 'meta.content_id', 'content.id')
      .select([
        'content.id as content_id',
        'content.agent_id',
        'content.campaign_id',
        'content.format',
        'content.caption',
        'content.media_url',
        'meta.platform_ids',
        'meta.video_url',
      ])
      .where('content.stage', '=', 'published')
      .orderBy('content.created_at');
    if (agentId) query = query.where('content.agent_id', '=', agentId);
    const rows = await query.execute();
    return rows.map((row) => ({ ...toPost(row), campaign_id: row.campaign_id ?? '' }));
  }
}
