// /api/v1/tasks: filtered lists, and one task with its result, verdict and trace.

import { z } from 'zod';
import { AgentId } from '../../domain/agent.js';
import { TASK_STATUSES } from '../../domain/task-status.js';
import { defineRoute } from '../route-spec.js';
import { ResultWire, TaskWire, TraceEventWire } from '../wire-schemas.js';
import { exampleResult, exampleTask, exampleTraceEvent } from './route-examples.js';

export const taskRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/tasks',
    operationId: 'listTasks',
    summary: 'List tasks, most recently changed first, by campaign, agent and status',
    tag: 'tasks',
    role: 'viewer',
    query: z.object({
      campaign_id: z.string().uuid().optional(),
      agent_id: AgentId.optional(),
      status: z.enum(TASK_STATUSES).optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
    }),
    response: z.object({ tasks: z.array(TaskWire) }),
    example: { response: { tasks: [exampleTask] } },
    handler: async ({ services, actor, query }) => ({
      tasks: await services.tasks.list(actor, {
        campaignId: query.campaign_id,
        agentId: query.agent_id,
        status: query.status,
        limit: query.limit,
      }),
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/tasks/:id',
    operationId: 'showTask',
    summary: "Show a task with its latest result, the Judge's verdict and its trace",
    tag: 'tasks',
    role: 'viewer',
    params: z.object({ id: z.string().uuid() }),
    response: z.object({
      task: TaskWire,
      result: ResultWire.nullable(),
      trace: z.array(TraceEventWire),
    }),
    example: { response: { task: exampleTask, result: exampleResult, trace: [exampleTraceEvent] } },
    handler: ({ services, actor, params }) => services.tasks.show(actor, params.id),
  }),
];
