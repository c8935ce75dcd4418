// Turns rows into domain objects. Kept apart from the queries so every family maps the same way.

import type { Selectable } from 'kysely';
import type { Agent } from '../../domain/agent.js';
import type { Campaign } from '../../domain/campaign.js';
import type { CampaignTemplate } from '../../domain/campaign-template.js';
import type { Review } from '../../domain/review.js';
import type { Task } from '../../domain/task.js';
import type { PublishedContent } from '../store.js';
import type { AgentsTable, CampaignsTable, ReviewsTable, TasksTable } from './schema.js';

export function toAgent(row: Selectable<AgentsTable>): Agent {
  return {
    id: row.id,
    name: row.name,
    niche: row.niche,
    persona: row.persona,
    status: row.status as Agent['status'],
    tenant_id: row.tenant_id,
    created_at: row.created_at,
  };
}

export function toCampaign(row: Selectable<CampaignsTable>): Campaign {
  return {
    id: row.id,
    tenant_id: row.tenant_id,
    name: row.name,
    goal: row.goal,
    agent_ids: row.agent_ids,
    schedule: row.schedule as Campaign['schedule'],
    template: row.template as CampaignTemplate,
    status: row.status as Campaign['status'],
    state_version: row.state_version,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export function toTask(row: Selectable<TasksTable>): Task {
  return {
    ...row,
    priority: row.priority as Task['priority'],
    status: row.status as Task['status'],
  };
}

export function toReview(row: Selectable<ReviewsTable>): Review {
  return {
    ...row,
    kind: row.kind as Review['kind'],
    status: row.status as Review['status'],
  };
}

/** A published content_pipeline row with its video_metadata, as the post it became. */
export function toPost(row: {
  content_id: string;
  agent_id: string;
  campaign_id: string | null;
  format: string;
  caption: string | null;
  media_url: string | null;
  platform_ids: Record<string, string>;
  video_url: string | null;
}) {
  const [platform, postId] = Object.entries(row.platform_ids)[0] ?? ['', ''];
  return {
    content_id: row.content_id,
    agent_id: row.agent_id,
    campaign_id: row.campaign_id,
    format: row.format as PublishedContent['format'],
    caption: row.caption ?? '',
    media_url: row.media_url,
    platform,
    post_id: postId,
    url: row.video_url ?? '',
  };
}
