// Keeps the content record as a content item moves through its steps: the trends a Scout
// reported (also remembered, as the agent's trend history), then the item's content_pipeline row
// at 'brief' (its id is the brief task's, linked to its trend) and 'asset'; the publish performer
// moves it to 'published'. A step's approved
// output enters the record when the Planner queues the step after it (content-record hooks into
// the enqueue), so every way a step gets approved — the Judge, a person, coverage — records it,
// once per approval, in the Planner's transaction.

import type { Task } from '../domain/task.js';
import { ContentBrief } from '../skills/content/content-brief.js';
import { MediaAsset } from '../skills/content/media-asset.js';
import { TrendReport } from '../skills/content/trend-report.js';
import type { Store } from '../store/store.js';
import { rememberLater } from './dispatch.js';

/** The skills whose output is a stage of a content item. */
const BRIEF_SKILL = 'director.create_brief';
const RECORDERS: Record<
  string,
  (store: Store, task: Task, upstream: UpstreamOf, at: Date) => Promise<void>
> = {
  'scout.analyze': async (store, task, _upstream, at) => {
    const report = TrendReport.safeParse(task.output);
    if (!report.success) return;
    await store.content.recordTrends(
      task.agent_id,
      report.data.trends.map(({ trend_id, relevance: _, headline: __, ...trend }) => ({
        id: trend_id,
        ...trend,
      })),
      at,
    );
    // The agent's trend history, to recall by meaning.
    for (const trend of report.data.trends) {
      await rememberLater(store, `trend:${task.id}:${task.attempt}:${trend.trend_id}`, {
        agent_id: task.agent_id,
        memory: {
          collection: 'content_trend',
          text: `${trend.headline} (topic: ${trend.topic})`,
          metadata: {
            kind: 'trend',
            trend_id: trend.trend_id,
            topic: trend.topic,
            volume: trend.volume,
            rising_velocity: trend.rising_velocity,
            sentiment_score: trend.sentiment_score,
            platforms: trend.platforms,
            first_seen: trend.first_seen,
            reported_at: report.data.as_of,
          },
        },
      });
    }
  },
  [BRIEF_SKILL]: async (store, task) => {
    const brief = ContentBrief.safeParse(task.output);
    if (!brief.success) return;
    await store.content.recordBrief({
      content_id: task.id,
      agent_id: task.agent_id,
      campaign_id: task.campaign_id,
      trend_id: brief.data.trend_id,
      format: brief.data.format,
      brief: brief.data,
      strategy_choice: brief.data.strategy ?? null,
    });
  },
  'artist.produce': async (store, task, upstream) => {
    const asset = MediaAsset.safeParse(task.output);
    const contentId = await contentItemOf(task, upstream);
    if (!asset.success || !contentId) return;
    await store.content.recordAsset({
      content_id: contentId,
      format: asset.data.format,
      caption: asset.data.caption,
      media_url: asset.data.files[0]?.path ?? null,
    });
  },
};

/** Reads a task by id (from a pass's loaded tasks, or the store). */
export type UpstreamOf = (taskId: string) => Promise<Task | undefined>;

/**
 * Records `task`'s approved output, when its skill's output is a stage of a content item; `at` is
 * when, by the Planner's clock (a Scout's trends count as observed then: drift ages them by it).
 */
export async function recordContentStage(
  store: Store,
  task: Task,
  upstream: UpstreamOf,
  at: Date,
): Promise<void> {
  await RECORDERS[task.type]?.(store, task, upstream, at);
}

/** The content item `task` works on: the id of the brief task upstream of it (or itself). */
export async function contentItemOf(task: Task, upstream: UpstreamOf): Promise<string | undefined> {
  const seen = new Set<string>();
  for (let frontier = [task]; frontier.length > 0; ) {
    const next: Task[] = [];
    for (const each of frontier) {
      if (each.type === BRIEF_SKILL) return each.id;
      for (const id of each.depends_on) {
        if (seen.has(id)) continue;
        seen.add(id);
        const dependency = await upstream(id);
        if (dependency) next.push(dependency);
      }
    }
    frontier = next;
  }
  return undefined;
}
