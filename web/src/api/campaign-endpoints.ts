// The campaign, task and agent routes of /api/v1 that the campaign and trace pages call, with
// their wire types (type-only, from src/api/wire-schemas.ts, as in wire-types.ts).

import type { z } from 'zod';
import type {
  AgentWire,
  CampaignSummaryWire,
  CampaignWire,
  DagNodeWire,
  ResultWire,
  TaskWire,
  TraceEventWire,
} from '../../../src/api/wire-schemas.js';
import { request } from './client';

export type Campaign = z.infer<typeof CampaignWire>;
export type CampaignStatus = Campaign['status'];
/** A campaign with its tasks counted by state and the share done (0..1). */
export type CampaignSummary = z.infer<typeof CampaignSummaryWire>;
export type DagNode = z.infer<typeof DagNodeWire>;
/** GET /api/v1/campaigns/:id: the summary and every task as a node of the DAG. */
export type CampaignDetail = CampaignSummary & { dag: DagNode[] };
export type TaskStatus = DagNode['status'];
export type TaskResult = z.infer<typeof ResultWire>;
export type TraceEvent = z.infer<typeof TraceEventWire>;
/** GET /api/v1/tasks/:id: the task, its latest result and verdict, and its trace. */
export interface TaskDetail {
  task: z.infer<typeof TaskWire>;
  result: TaskResult | null;
  trace: TraceEvent[];
}
export type Agent = z.infer<typeof AgentWire>;
/** What pause, resume and cancel do to a campaign. */
export type CampaignControl = 'pause' | 'resume' | 'cancel';

const id = (value: string) => encodeURIComponent(value);

export const campaignApi = {
  /** Campaigns, newest first, with progress. */
  list: (limit = 100) =>
    request<{ campaigns: CampaignSummary[] }>('GET', `/api/v1/campaigns?limit=${limit}`),
  show: (campaignId: string) =>
    request<CampaignDetail>('GET', `/api/v1/campaigns/${id(campaignId)}`),
  /** Validates a campaign file (name, goal, agent_ids, template) on the server and plans it. */
  create: (file: Record<string, unknown>) =>
    request<CampaignSummary>('POST', '/api/v1/campaigns', file),
  control: (campaignId: string, control: CampaignControl) =>
    request<Campaign>('POST', `/api/v1/campaigns/${id(campaignId)}/${control}`),
  task: (taskId: string) => request<TaskDetail>('GET', `/api/v1/tasks/${id(taskId)}`),
  agents: () => request<{ agents: Agent[] }>('GET', '/api/v1/agents'),
};
