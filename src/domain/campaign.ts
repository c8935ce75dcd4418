// A campaign: a goal, the agents that pursue it, a schedule, and the template the Planner expands.

import { z } from 'zod';
import { AgentId } from './agent.js';
import { CampaignSchedule } from './campaign-schedule.js';
import { CampaignTemplate } from './campaign-template.js';

/** Campaign lifecycle. Only the Planner writes it. */
export const CampaignStatus = z.enum(['active', 'paused', 'completed', 'failed', 'cancelled']);
export type CampaignStatus = z.infer<typeof CampaignStatus>;

/** What an operator writes in a campaign file. */
export const CampaignSpec = z.object({
  name: z.string().min(1).max(200),
  goal: z.string().min(3, 'describe the goal in a few words').max(2000),
  agent_ids: z.array(AgentId).min(1, 'name at least one agent'),
  schedule: CampaignSchedule.default({ kind: 'once' }),
  template: CampaignTemplate,
});
export type CampaignSpec = z.infer<typeof CampaignSpec>;

/** A stored campaign. */
export const Campaign = CampaignSpec.extend({
  id: z.string().uuid(),
  tenant_id: z.string(),
  status: CampaignStatus,
  /** When the next run is due; null when no further run is scheduled. */
  next_run_at: z.coerce.date().nullable(),
  state_version: z.number().int().nonnegative(),
  created_at: z.coerce.date(),
  updated_at: z.coerce.date(),
});
export type Campaign = z.infer<typeof Campaign>;
