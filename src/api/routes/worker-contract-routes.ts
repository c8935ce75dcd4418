// The seed's contracts at the root, for workers and planners outside the process: claim a task,
// report its result, and ask what the Judge would rule. They take the same claim, version check,
// Judge and review paths as the in-process workers.

import { z } from 'zod';
import { TASK_STATUSES } from '../../domain/task-status.js';
import { defineRoute } from '../route-spec.js';
import { EXAMPLE_TASK_ID, EXAMPLE_TOKEN_ID } from './route-examples.js';

const Confidence = z.number().min(0).max(1);

export const workerContractRoutes = [
  defineRoute({
    method: 'POST',
    path: '/assign_task',
    operationId: 'assignTask',
    summary:
      'Claim a queued task for the calling worker, under a lease; the answer carries its input',
    tag: 'workers',
    role: 'operator',
    body: z.object({
      task_id: z.string().uuid(),
      spec: z.string().min(1).optional().describe("the task's spec id, checked when given"),
      priority: z.enum(['high', 'medium', 'low']).optional(),
      deadline: z.iso.datetime().optional(),
    }),
    response: z.object({
      status: z.literal('assigned'),
      assigned_worker_id: z.string(),
      task: z.object({
        id: z.string().uuid(),
        type: z.string(),
        spec_id: z.string(),
        input: z.unknown(),
        attempt: z.number().int(),
        feedback: z.array(z.string()),
        lease_expires_at: z.string().nullable(),
      }),
    }),
    example: {
      body: { task_id: EXAMPLE_TASK_ID, spec: 'SK-DIRECTOR-001', priority: 'medium' },
      response: {
        status: 'assigned',
        assigned_worker_id: `external:${EXAMPLE_TOKEN_ID}`,
        task: {
          id: EXAMPLE_TASK_ID,
          type: 'director.create_brief',
          spec_id: 'SK-DIRECTOR-001',
          input: {},
          attempt: 1,
          feedback: [],
          lease_expires_at: '2026-11-29T09:01:00.000Z',
        },
      },
    },
    handler: ({ services, actor, body }) => services.workers.assign(actor, body.task_id, body.spec),
  }),
  defineRoute({
    method: 'POST',
    path: '/report_result',
    operationId: 'reportResult',
    summary:
      'Report the result of a task you hold: the Judge rules (≥ 0.90 approved, ≥ 0.70 a person, else re-planned); a stale report is refused',
    tag: 'workers',
    role: 'operator',
    body: z.object({
      task_id: z.string().uuid(),
      result: z.unknown().optional(),
      confidence: Confidence,
      error_code: z.string().min(1).max(100).optional(),
    }),
    response: z.object({ status: z.enum(TASK_STATUSES), hitl_required: z.boolean() }),
    example: {
      body: { task_id: EXAMPLE_TASK_ID, result: { caption: '…' }, confidence: 0.8 },
      response: { status: 'awaiting_review', hitl_required: true },
    },
    handler: ({ services, actor, body }) =>
      services.workers.report(actor, body.task_id, {
        result: body.result,
        confidence: body.confidence,
        error_code: body.error_code,
      }),
  }),
  defineRoute({
    method: 'POST',
    path: '/evaluate_task',
    operationId: 'evaluateTask',
    summary: "What the Judge would rule on the task's output at this confidence; changes nothing",
    tag: 'workers',
    role: 'viewer',
    body: z.object({
      task_id: z.string().uuid(),
      confidence: Confidence,
      error_code: z.string().min(1).max(100).optional(),
    }),
    response: z.object({
      approved: z.boolean(),
      escalation: z.boolean(),
      notes: z.array(z.string()),
    }),
    example: {
      body: { task_id: EXAMPLE_TASK_ID, confidence: 0.95 },
      response: { approved: true, escalation: false, notes: [] },
    },
    handler: ({ services, actor, body }) =>
      services.workers.evaluate(actor, body.task_id, {
        confidence: body.confidence,
        error_code: body.error_code,
      }),
  }),
];
