// Reads published posts' engagement on schedule: at each delay after publication the
// configuration lists (1 h, 6 h, 24 h, 72 h by default) the sweep asks the platform through MCP
// (get_engagement) and stores a point of the post's time series, the latest also as its metrics.
// Reads that fell due together (after downtime) are made once and stored under each delay.
// A read that fails stays due and is tried at the next sweep.

import { z } from 'zod';
import { everyMs } from '../domain/campaign-schedule.js';
import type { SkillServices } from '../skills/skill.js';
import type { Store } from '../store/store.js';

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

export class EngagementReader {
  private readonly now: () => Date;

  constructor(
    private readonly options: {
      store: Store;
      services: SkillServices;
      reads: ReadonlyArray<{ label: string; afterMs: number }>;
      now?: () => Date;
    },
  ) {
    this.now = options.now ?? (() => new Date());
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
      await store.content.recordEngagement(due.content_id, due.due, counts, now);
      read += 1;
    }
    return read;
  }
}
