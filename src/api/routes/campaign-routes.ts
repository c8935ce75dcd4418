// /api/v1/campaigns: list with progress, show with the DAG, create from a template file's JSON,
// pause, resume and cancel.

import { z } from 'zod';
import { defineRoute } from '../route-spec.js';
import {
  CampaignRunWire,
  CampaignSummaryWire,
  CampaignWire,
  DagNodeWire,
} from '../wire-schemas.js';
import {
  exampleCampaign,
  exampleCampaignRun,
  exampleCampaignSummary,
  exampleTask,
} from './route-examples.js';

const CampaignParams = z.object({ id: z.string().uuid() });
const Limit = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) });

export const campaignRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/campaigns',
    operationId: 'listCampaigns',
    summary: 'List campaigns, newest first, with task counts and progress',
    tag: 'campaigns',
    role: 'viewer',
    query: Limit,
    response: z.object({ campaigns: z.array(CampaignSummaryWire) }),
    example: { response: { campaigns: [exampleCampaignSummary] } },
    handler: async ({ services, actor, query }) => ({
      campaigns: await services.campaigns.list(actor, query.limit),
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/campaigns/:id',
    operationId: 'showCampaign',
    summary: "Show a campaign with its latest run's task DAG",
    tag: 'campaigns',
    role: 'viewer',
    params: CampaignParams,
    response: CampaignSummaryWire.extend({ dag: z.array(DagNodeWire) }),
    example: {
      response: {
        ...exampleCampaignSummary,
        dag: [
          {
            id: exampleTask.id,
            agent_id: 'noor',
            step_key: 'brief',
            type: exampleTask.type,
            spec_id: exampleTask.spec_id,
            status: exampleTask.status,
            attempt: 1,
            depends_on: [],
          },
        ],
      },
    },
    handler: ({ services, actor, params }) => services.campaigns.show(actor, params.id),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/campaigns/:id/runs',
    operationId: 'listCampaignRuns',
    summary: "List a campaign's runs (one per occurrence of its schedule), newest first",
    tag: 'campaigns',
    role: 'viewer',
    params: CampaignParams,
    query: Limit,
    response: z.object({ runs: z.array(CampaignRunWire) }),
    example: { response: { runs: [exampleCampaignRun] } },
    handler: async ({ services, actor, params, query }) => ({
      runs: await services.campaigns.runs(actor, params.id, query.limit),
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/campaigns/plan',
    operationId: 'planCampaign',
    summary:
      'Draft a campaign file from a goal in plain language (the configured model, or offline the closest template); nothing is launched: read and edit it, then POST it to /api/v1/campaigns',
    tag: 'campaigns',
    role: 'operator',
    body: z.object({
      goal: z.string().trim().min(3, 'describe the goal in a few words').max(2000),
      agent_ids: z.array(z.string().min(1)).min(1).optional(),
    }),
    response: z.object({ campaign: z.record(z.string(), z.unknown()) }),
    example: {
      body: { goal: exampleCampaign.goal },
      response: {
        campaign: {
          name: exampleCampaign.name,
          goal: exampleCampaign.goal,
          agent_ids: exampleCampaign.agent_ids,
          schedule: exampleCampaign.schedule,
          template: exampleCampaign.template,
        },
      },
    },
    handler: async ({ services, actor, body }) => ({
      campaign: await services.campaigns.plan(actor, body),
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/campaigns',
    operationId: 'createCampaign',
    summary:
      'Create a campaign from a campaign file (name, goal, agent_ids, schedule, template); a run due now is planned at once; nothing is written when it is invalid',
    tag: 'campaigns',
    role: 'operator',
    // The planner validates the file itself (CampaignSpec), so errors name the template's field.
    body: z.record(z.string(), z.unknown()).describe('a campaign file, as `campaign launch` reads'),
    response: CampaignSummaryWire,
    status: 201,
    example: {
      body: {
        name: exampleCampaign.name,
        goal: exampleCampaign.goal,
        agent_ids: exampleCampaign.agent_ids,
        template: exampleCampaign.template,
      },
      response: exampleCampaignSummary,
    },
    handler: ({ services, actor, body }) => services.campaigns.create(actor, body),
  }),
  ...(['pause', 'resume', 'cancel'] as const).map((control) =>
    defineRoute({
      method: 'POST',
      path: `/api/v1/campaigns/:id/${control}`,
      operationId: `${control}Campaign`,
      summary: {
        pause:
          'Pause a campaign: nothing more is queued and no run starts; work already running finishes',
        resume: 'Resume a paused campaign; its schedule goes on from the next occurrence',
        cancel: 'Cancel a campaign: its open tasks are cancelled and its pending reviews closed',
      }[control],
      tag: 'campaigns',
      role: 'operator',
      params: CampaignParams,
      response: CampaignWire,
      example: {
        response: {
          ...exampleCampaign,
          status: { pause: 'paused', resume: 'active', cancel: 'cancelled' }[control],
        },
      },
      handler: ({ services, actor, params }) =>
        services.campaigns.control(actor, params.id, control),
    }),
  ),
];
