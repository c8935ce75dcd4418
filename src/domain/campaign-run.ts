// A run: one occurrence of a campaign's schedule, with a task DAG of its own. A `once` campaign
// has one run; a recurring one gets a run per occurrence. The Planner settles a run when all its
// tasks are terminal.

import { z } from 'zod';

export const CampaignRunStatus = z.enum(['running', 'completed', 'failed', 'cancelled']);
export type CampaignRunStatus = z.infer<typeof CampaignRunStatus>;

export const CampaignRun = z.object({
  id: z.string().uuid(),
  campaign_id: z.string().uuid(),
  /** 1 for the campaign's first run, then counting up. */
  seq: z.number().int().positive(),
  /** The occurrence it runs for. */
  scheduled_for: z.coerce.date(),
  /** Earlier occurrences folded into this run (missed while down, or while a run was open). */
  folded: z.number().int().nonnegative(),
  status: CampaignRunStatus,
  started_at: z.coerce.date(),
  finished_at: z.coerce.date().nullable(),
});
export type CampaignRun = z.infer<typeof CampaignRun>;
