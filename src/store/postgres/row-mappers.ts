// Turns rows into domain objects. Kept apart from the queries so every family maps the same way.

import type { Selectable } from 'kysely';
import type { Agent } from '../../domain/agent.js';
import type { Campaign } from '../../domain/campaign.js';
import type { CampaignTemplate } from '../../domain/campaign-template.js';
import type { Review } from '../../domain/review.js';
import type { Task } from '../../domain/task.js';
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
