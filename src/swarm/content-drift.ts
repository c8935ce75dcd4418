// Drift (FR-PLAN-008): before the Planner queues the step that publishes a content item, the trend
// the item's brief is about is checked (domain/trend-drift.ts) against its latest observation in
// the content record. A stale trend re-plans the item: the steps from the Scout that reported it
// (or from the Director, without one) down to the publish step run again, the reason in the
// Director's feedback so it picks another trend. This module decides and reads; the Planner
// makes the moves and writes the trace.

import { ConfigError } from '../domain/errors.js';
import { reasonSource } from '../domain/judge-routing.js';
import type { Task } from '../domain/task.js';
import {
  DEFAULT_TREND_DRIFT_LIMITS,
  TREND_DRIFT,
  type TrendDriftLimits,
  trendDrift,
} from '../domain/trend-drift.js';
import { TrendReport } from '../skills/content/trend-report.js';
import type { SkillRegistry } from '../skills/skill-registry.js';
import type { Store } from '../store/store.js';
import { contentItemOf, type UpstreamOf } from './content-record.js';

/** The effect kind of a step that publishes a content item (publisher-skill.ts). */
const PUBLISH_EFFECT = 'publish';

/** The drift limits and how often one content item may be re-planned for them. */
export interface TrendDriftOptions extends TrendDriftLimits {
  /**
   * Most drift re-plans of one content item. When its trend is stale once more after them, the
   * post goes ahead (the Judge still checks it) and the trace says so. `@defaultValue` 2.
   */
  maxReplans: number;
}

/** The defaults: 0.5 rising velocity, 24 hours, two re-plans. */
export const DEFAULT_TREND_DRIFT: TrendDriftOptions = {
  ...DEFAULT_TREND_DRIFT_LIMITS,
  maxReplans: 2,
};

/** `given` over the defaults, field by field; throws CONFIG_INVALID naming a bad field. */
export function trendDriftOptions(given: Partial<TrendDriftOptions> = {}): TrendDriftOptions {
  const options = {
    minVelocity: given.minVelocity ?? DEFAULT_TREND_DRIFT.minVelocity,
    maxAgeMs: given.maxAgeMs ?? DEFAULT_TREND_DRIFT.maxAgeMs,
    maxReplans: given.maxReplans ?? DEFAULT_TREND_DRIFT.maxReplans,
  };
  const problem =
    (!(options.minVelocity >= 0) && `minVelocity must be 0 or more, got ${options.minVelocity}`) ||
    (!(options.maxAgeMs > 0) && `maxAgeMs must be a positive number, got ${options.maxAgeMs}`) ||
    (!(Number.isInteger(options.maxReplans) && options.maxReplans >= 0) &&
      `maxReplans must be a whole number, 0 or more, got ${options.maxReplans}`);
  if (problem) throw new ConfigError('CONFIG_INVALID', `trend drift: ${problem}`);
  return options;
}

/** A content item whose trend has drifted, and what to do about it. */
export type TrendDriftDecision = {
  /** The drift rule's reason, naming the measure and the limit. */
  reason: string;
  trend_id: string;
  /** The content item: its brief task's id. */
  content_id: string;
  /** Drift re-plans the item has had before this one. */
  replans: number;
} & (
  | {
      action: 'replan';
      /** The item's brief task: the reason goes into its feedback. */
      brief: Task;
      /** The steps to re-open, upstream first: the Scout (if any), the brief, then the rest. */
      reopen: Task[];
    }
  /** Publish anyway: `why` says why the item is not re-planned. */
  | { action: 'publish'; why: string }
);

/**
 * For a pending step that would publish a content item: the drift of its brief's trend at `now`,
 * or undefined when the trend holds (or the step publishes nothing, or the item has no recorded
 * trend, as with a hand-written brief).
 */
export async function checkTrendDrift(options: {
  store: Store;
  skills: SkillRegistry;
  task: Task;
  upstream: UpstreamOf;
  now: Date;
  limits: TrendDriftOptions;
}): Promise<TrendDriftDecision | undefined> {
  const { store, skills, task, upstream, limits } = options;
  const effect = skills.has(task.type) ? skills.get(task.type).effect : undefined;
  if (effect?.kind !== PUBLISH_EFFECT || !effect.external) return undefined;
  const contentId = await contentItemOf(task, upstream);
  const trend = contentId && (await store.content.trendOf(contentId));
  const brief = contentId && (await upstream(contentId));
  if (!contentId || !trend || !brief) return undefined;
  const reason = trendDrift(trend, options.now, limits);
  if (!reason) return undefined;
  const replans = brief.feedback.filter((line) => reasonSource(line) === TREND_DRIFT).length;
  const drift = { reason, trend_id: trend.trend_id, content_id: contentId, replans };
  const publish = (why: string) => ({ ...drift, action: 'publish' as const, why });
  if (replans >= limits.maxReplans) {
    return publish(`the item was re-planned for drift ${replans} times, the most allowed`);
  }
  if (brief.attempt >= brief.max_attempts) {
    return publish(`its brief has used its ${brief.max_attempts} attempts`);
  }
  const between = await stepsBetween(brief, task, upstream);
  const scout = await scoutOf(brief, trend.trend_id, upstream);
  const reopen = [...(scout ? [scout] : []), brief, ...between];
  const blocked = reopen.find(
    (step) => step.status !== 'done' || (skills.has(step.type) && skills.get(step.type).effect),
  );
  if (blocked) {
    return publish(
      `step '${blocked.step_key}' cannot run again (${blocked.status}${blocked.status === 'done' ? ', it has an effect' : ''})`,
    );
  }
  return { ...drift, action: 'replan', brief, reopen };
}

/** The steps of the same agent downstream of `brief` that `task` depends on, upstream first. */
async function stepsBetween(brief: Task, task: Task, upstream: UpstreamOf): Promise<Task[]> {
  const reaches = new Map<string, boolean>([[brief.id, true]]);
  const ordered: Task[] = [];
  const visit = async (current: Task): Promise<boolean> => {
    const known = reaches.get(current.id);
    if (known !== undefined) return known;
    reaches.set(current.id, false);
    let found = false;
    for (const id of current.depends_on) {
      const dependency = await upstream(id);
      if (dependency?.agent_id === task.agent_id && (await visit(dependency))) found = true;
    }
    reaches.set(current.id, found);
    if (found && current.id !== task.id) ordered.push(current);
    return found;
  };
  await visit(task);
  return ordered;
}

/** The done step of the brief's agent whose report carried the brief's trend, with attempts left. */
async function scoutOf(
  brief: Task,
  trendId: string,
  upstream: UpstreamOf,
): Promise<Task | undefined> {
  for (const id of brief.depends_on) {
    const dependency = await upstream(id);
    if (dependency?.agent_id !== brief.agent_id) continue;
    if (dependency.attempt >= dependency.max_attempts) continue;
    const report = TrendReport.safeParse(dependency.output);
    if (report.success && report.data.trends.some((trend) => trend.trend_id === trendId)) {
      return dependency;
    }
  }
  return undefined;
}
