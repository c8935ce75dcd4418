// Turns rows into domain objects. Kept apart from the queries so every family maps the same way.

import type { Selectable } from 'kysely';
import type { Agent } from '../../domain/agent.js';
import type { Campaign } from '../../domain/campaign.js';
import type { CampaignRun } from '../../domain/campaign-run.js';
import { CampaignSchedule } from '../../domain/campaign-schedule.js';
import type { CampaignTemplate } from '../../domain/campaign-template.js';
import type { Review } from '../../domain/review.js';
import type { Task } from '../../domain/task.js';
import type { VerdictDecision } from '../../domain/verdict.js';
import type {
  BudgetKey,
  PublishedContent,
  ResultRecord,
  SpendRequestStatus,
  StoredSpendRequest,
} from '../store.js';
import type {
  AgentsTable,
  CampaignRunsTable,
  CampaignsTable,
  ReviewsTable,
  SpendRequestsTable,
  TaskResultsTable,
  TasksTable,
} from './schema.js';

/** A row as to_jsonb gives it: its timestamps are ISO text, not Dates. */
export type JsonRow = Record<string, unknown>;

/** The timestamp columns of the tables read as JSON (tests/cfo.cost-governor compares the reads). */
export const TASK_TIMESTAMPS = [
  'deadline',
  'lease_expires_at',
  'run_at',
  'dispatched_at',
  'created_at',
  'updated_at',
] as const satisfies ReadonlyArray<keyof TasksTable>;
export const RESULT_TIMESTAMPS = ['judged_at', 'created_at'] as const satisfies ReadonlyArray<
  keyof TaskResultsTable
>;
export const SPEND_TIMESTAMPS = [
  'reserved_until',
  'created_at',
  'updated_at',
] as const satisfies ReadonlyArray<keyof SpendRequestsTable>;

/** A row read as JSON, its `timestamps` turned back into Dates, as the driver would give it. */
export function fromJsonRow<Row>(json: JsonRow, timestamps: readonly string[]): Row {
  const row: JsonRow = { ...json };
  for (const column of timestamps) {
    const value = row[column];
    if (typeof value === 'string') row[column] = new Date(value);
  }
  return row as Row;
}

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
    // Stored as JSON: its dates come back as text.
    schedule: CampaignSchedule.parse(row.schedule),
    template: row.template as CampaignTemplate,
    status: row.status as Campaign['status'],
    next_run_at: row.next_run_at,
    state_version: row.state_version,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export function toCampaignRun(row: Selectable<CampaignRunsTable>): CampaignRun {
  return { ...row, status: row.status as CampaignRun['status'] };
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

/** One attempt's result row, with the verdict on it. */
export function toResult(row: Selectable<TaskResultsTable>): ResultRecord {
  return {
    task_id: row.task_id,
    attempt: row.attempt,
    output: row.output,
    confidence: row.confidence,
    error_code: row.error_code ?? undefined,
    error_message: row.error_message ?? undefined,
    verdict: (row.verdict as VerdictDecision | null) ?? undefined,
    reasons: row.reasons,
    judged_at: row.judged_at ?? undefined,
    duration_ms: row.duration_ms ?? 0,
  };
}

export function toSpendRequest(row: Selectable<SpendRequestsTable>): StoredSpendRequest {
  return {
    request_id: row.request_id,
    agent_id: row.agent_id,
    request_type: row.request_type,
    amount: row.amount,
    currency: row.currency,
    task_id: row.task_id,
    status: row.status as SpendRequestStatus,
    decision: row.decision as StoredSpendRequest['decision'],
    budget_amount: BigInt(row.budget_amount),
    budget_keys: row.budget_keys as BudgetKey[],
    reserved_until: row.reserved_until,
  };
}
