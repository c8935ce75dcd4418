// Reads published posts' engagement on schedule: at each delay after publication the
// configuration lists (1 h, 6 h, 24 h, 72 h by default) the sweep asks the platform through MCP
// (get_engagement) and stores a point of the post's time series, the latest also as its metrics.
// Reads that fell due together (after downtime) are made once and stored under each delay.
// A read that fails stays due and is tried at the next sweep. The reward read (the first at or
// after 24 h, else the last) also rewards the agent's strategy for the choice the post was made
// with, in the same transaction, and has a post of high engagement remembered, with its numbers,
// in the agent's long-term memory (what worked, for the Director to recall).

import { z } from 'zod';
import { everyMs } from '../domain/campaign-schedule.js';
import type { SkillServices } from '../skills/skill.js';
import type { DueEngagementRead, EngagementCounts, Store } from '../store/store.js';
import { engagementRate, rewardStrategy } from './agent-strategy.js';
import { rememberLater } from './dispatch.js';

/** Spec id stamped on the reads' tool calls. */
const ENGAGEMENT_SPEC_ID = 'FR-ENG-001';
const SERVER = 'social-sandbox';
const BATCH_SIZE = 50;

const Engagement = z.object({
  views: z.number().int().nonnegative(),
  likes: z.number().int().nonnegative(),
  shares: z.number().int().nonnegative(),
  comments: z.number().int().nonnegative(),
});

/** The delays of `list` ('1h,6h,24h'), as labels with their length, shortest first. */
export function engagementReadsOf(list: string): Array<{ label: string; afterMs: number }> {
  return list
    .split(',')
    .map((label) => label.trim())
    .map((label) => ({ label, afterMs: everyMs(label) }))
    .sort((a, b) => a.afterMs - b.afterMs);
}

/** The read whose engagement rewards the strategy: the first at or after a day, else the last. */
const REWARD_AFTER_MS = 24 * 3_600_000;

/** The engagement rate from which a post is remembered, unless configured: 5 %. */
export const DEFAULT_MEMORABLE_RATE = 0.05;

export class EngagementReader {
  private readonly now: () => Date;
  private readonly rewardRead: string | undefined;

  constructor(
    private readonly options: {
      store: Store;
      services: SkillServices;
      reads: ReadonlyArray<{ label: string; afterMs: number }>;
      /**
       * The engagement rate, at the reward read, from which a post is remembered.
       * @defaultValue DEFAULT_MEMORABLE_RATE
       */
      memorableRate?: number;
      now?: () => Date;
    },
  ) {
    this.now = options.now ?? (() => new Date());
    this.rewardRead = (
      options.reads.find((read) => read.afterMs >= REWARD_AFTER_MS) ?? options.reads.at(-1)
    )?.label;
  }

  /** Makes the reads due now; returns how many posts it read. */
  async readDue(): Promise<number> {
    const { store, services, reads } = this.options;
    const now = this.now();
    let read = 0;
    for (const due of await store.content.listDueEngagementReads(now, reads, BATCH_SIZE)) {
      const tools = services.toolsFor({
        agentId: due.agent_id,
        specId: ENGAGEMENT_SPEC_ID,
        taskId: due.content_id,
        campaignId: due.campaign_id,
        attempt: 1,
      });
      const counts = await tools
        .callTool(SERVER, 'get_engagement', { post_id: due.post_id }, { outputSchema: Engagement })
        .catch(() => undefined);
      if (!counts) continue;
      await store.transaction(async (tx) => {
        await tx.content.recordEngagement(due.content_id, due.due, counts, now);
        if (this.rewardRead && due.due.includes(this.rewardRead)) {
          await rewardStrategy(tx, due.agent_id, due.strategy_choice, counts);
          await this.rememberIfMemorable(tx, due, this.rewardRead, counts);
        }
      });
      read += 1;
    }
    return read;
  }

  /** Has the post remembered, with its engagement, when its rate reaches the memorable rate. */
  private async rememberIfMemorable(
    store: Store,
    due: DueEngagementRead,
    label: string,
    counts: EngagementCounts,
  ): Promise<void> {
    const rate = engagementRate(counts);
    if (rate === undefined || rate < (this.options.memorableRate ?? DEFAULT_MEMORABLE_RATE)) return;
    const percent = (rate * 100).toFixed(1);
    await rememberLater(store, `post:${due.content_id}`, {
      agent_id: due.agent_id,
      memory: {
        collection: 'agent_memory',
        text: `I posted on ${due.platform}: "${due.caption}". After ${label} it had ${counts.views} views, ${counts.likes} likes, ${counts.comments} comments and ${counts.shares} shares: ${percent}% engagement.`,
        metadata: {
          kind: 'post',
          content_id: due.content_id,
          platform: due.platform,
          post_id: due.post_id,
          engagement: counts,
          engagement_rate: rate,
          read_after: label,
        },
      },
    });
  }
}
