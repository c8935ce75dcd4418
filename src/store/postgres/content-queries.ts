// The content record: trends, content_pipeline rows moving brief → asset → published with their
// 1:1 video_metadata row (platform ids, latest engagement), and each post's engagement points.

import { type Kysely, sql } from 'kysely';
import type { TrendObservation } from '../../domain/trend-drift.js';
import type {
  ContentRepository,
  DueEngagementRead,
  EngagementCounts,
  PublishedContent,
  RecentCaption,
  TrendRecord,
} from '../store.js';
import { toPost } from './row-mappers.js';
import type { ChimeraSchema } from './schema.js';

/** How long past its last read a post's missing reads are still made. */
const WEEK_MS = 7 * 24 * 3_600_000;

export class PostgresContentRepository implements ContentRepository {
  constructor(private readonly db: Kysely<ChimeraSchema>) {}

  async recordTrends(
    agentId: string,
    trends: readonly TrendRecord[],
    observedAt: Date,
  ): Promise<void> {
    // One row per id: an upsert may not touch the same row twice in one statement.
    const distinct = [...new Map(trends.map((trend) => [trend.id, trend])).values()];
    if (distinct.length === 0) return;
    await this.db
      .insertInto('trends')
      .values(
        distinct.map((trend) => ({
          ...trend,
          agent_id: agentId,
          sources: JSON.stringify(trend.sources),
          observed_at: observedAt,
        })),
      )
      // The latest report's measures win; the first reporter and the earliest sighting stay.
      .onConflict((conflict) =>
        conflict.column('id').doUpdateSet((eb) => ({
          topic: eb.ref('excluded.topic'),
          volume: eb.ref('excluded.volume'),
          sentiment_score: eb.ref('excluded.sentiment_score'),
          rising_velocity: eb.ref('excluded.rising_velocity'),
          platforms: eb.ref('excluded.platforms'),
          sources: eb.ref('excluded.sources'),
          first_seen: sql`LEAST(trends.first_seen, excluded.first_seen)`,
          observed_at: eb.ref('excluded.observed_at'),
        })),
      )
      .execute();
  }

  async trendOf(contentId: string): Promise<TrendObservation | undefined> {
    const result = await sql<TrendObservation>`
      SELECT trend.id AS trend_id, trend.topic, trend.rising_velocity, trend.observed_at
        FROM content_pipeline AS content
        JOIN trends AS trend ON trend.id = content.trend_source_id
       WHERE content.id = ${contentId}::uuid`.execute(this.db);
    const row = result.rows[0];
    return row && { ...row, observed_at: new Date(row.observed_at) };
  }

  async recordBrief(brief: {
    content_id: string;
    agent_id: string;
    campaign_id: string;
    trend_id: string;
    format: 'text' | 'image' | 'video';
    brief: unknown;
    strategy_choice: unknown;
  }): Promise<void> {
    // A brief about a trend no Scout reported (a hand-written template) links to no trend.
    const trend = sql<string | null>`(SELECT id FROM trends WHERE id = ${brief.trend_id})`;
    await this.db
      .insertInto('content_pipeline')
      .values({
        id: brief.content_id,
        agent_id: brief.agent_id,
        campaign_id: brief.campaign_id,
        trend_source_id: trend,
        stage: 'brief',
        format: brief.format,
        brief: JSON.stringify(brief.brief),
        strategy_choice: JSON.stringify(brief.strategy_choice ?? null),
      })
      .onConflict((conflict) =>
        conflict.column('id').doUpdateSet({
          trend_source_id: trend,
          stage: 'brief',
          format: brief.format,
          brief: JSON.stringify(brief.brief),
          strategy_choice: JSON.stringify(brief.strategy_choice ?? null),
          updated_at: new Date(),
        }),
      )
      .execute();
  }

  async recordAsset(asset: {
    content_id: string;
    format: 'text' | 'image' | 'video';
    caption: string;
    media_url: string | null;
  }): Promise<boolean> {
    const updated = await this.db
      .updateTable('content_pipeline')
      .set({
        stage: 'asset',
        format: asset.format,
        caption: asset.caption,
        media_url: asset.media_url,
        updated_at: new Date(),
      })
      .where('id', '=', asset.content_id)
      .where('stage', 'in', ['brief', 'asset'])
      .executeTakeFirst();
    return updated.numUpdatedRows > 0n;
  }

  async recordPublished(
    content: PublishedContent & { content_id?: string | undefined; published_at: Date },
  ): Promise<string> {
    const id = content.content_id ?? crypto.randomUUID();
    const published = {
      stage: 'published',
      format: content.format,
      caption: content.caption,
      media_url: content.media_url,
      published_at: content.published_at,
      updated_at: content.published_at,
    };
    await this.db
      .insertInto('content_pipeline')
      .values({ id, agent_id: content.agent_id, campaign_id: content.campaign_id, ...published })
      .onConflict((conflict) => conflict.column('id').doUpdateSet(published))
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

  async listDueEngagementReads(
    now: Date,
    reads: ReadonlyArray<{ label: string; afterMs: number }>,
    limit: number,
  ): Promise<DueEngagementRead[]> {
    if (reads.length === 0) return [];
    const labels = reads.map((read) => read.label);
    const seconds = reads.map((read) => read.afterMs / 1000);
    const lastMs = Math.max(...reads.map((read) => read.afterMs));
    const result = await sql<{
      content_id: string;
      agent_id: string;
      campaign_id: string;
      platform_ids: Record<string, string>;
      caption: string | null;
      due: string[];
      strategy_choice: unknown;
    }>`
      SELECT content.id AS content_id, content.agent_id, content.campaign_id, meta.platform_ids,
             content.caption, content.strategy_choice, array_agg(read.label ORDER BY read.seconds) AS due
        FROM content_pipeline AS content
        JOIN video_metadata AS meta ON meta.content_id = content.id
       CROSS JOIN unnest(${labels}::text[], ${seconds}::double precision[]) AS read (label, seconds)
       WHERE content.stage = 'published'
         AND content.campaign_id IS NOT NULL
         AND content.published_at >= ${new Date(now.getTime() - lastMs - WEEK_MS)}::timestamptz
         AND content.published_at + make_interval(secs => read.seconds) <= ${now}::timestamptz
         AND NOT EXISTS (SELECT 1 FROM engagement_points AS point
                          WHERE point.content_id = content.id AND point.read_after = read.label)
       GROUP BY content.id, content.agent_id, content.campaign_id, meta.platform_ids,
                content.caption, content.strategy_choice, content.published_at
       ORDER BY content.published_at
       LIMIT ${limit}`.execute(this.db);
    return result.rows.flatMap((row) =>
      Object.entries(row.platform_ids)
        .slice(0, 1)
        .map(([platform, post_id]) => ({
          content_id: row.content_id,
          agent_id: row.agent_id,
          campaign_id: row.campaign_id,
          platform,
          post_id,
          caption: row.caption ?? '',
          due: row.due,
          strategy_choice: row.strategy_choice,
        })),
    );
  }

  async recordEngagement(
    contentId: string,
    labels: readonly string[],
    counts: EngagementCounts,
    readAt: Date,
  ): Promise<void> {
    if (labels.length === 0) return;
    await this.db
      .insertInto('engagement_points')
      .values(
        labels.map((label) => ({
          content_id: contentId,
          read_after: label,
          read_at: readAt,
          ...counts,
        })),
      )
      .onConflict((conflict) => conflict.columns(['content_id', 'read_after']).doNothing())
      .execute();
    await this.db
      .updateTable('video_metadata')
      .set({
        engagement_metrics: JSON.stringify({ ...counts, read_at: readAt.toISOString() }),
        updated_at: readAt,
      })
      .where('content_id', '=', contentId)
      .execute();
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
