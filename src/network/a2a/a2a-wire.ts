// The few A2A shapes the handshake builds and reads, in their wire (JSON) form, converted to and
// from @a2a-js/sdk's in-memory objects: a task with a status message and artifacts, each holding
// one JSON data part. Also the HTTP-level refusals the endpoint answers before the SDK sees a
// request, as JSON-RPC errors, so that A2A clients can read them.

import { type Message, Task } from '@a2a-js/sdk';

/** A task's wire state, as A2A v1.0 names it. */
export type WireTaskState =
  | 'TASK_STATE_SUBMITTED'
  | 'TASK_STATE_WORKING'
  | 'TASK_STATE_INPUT_REQUIRED'
  | 'TASK_STATE_COMPLETED'
  | 'TASK_STATE_FAILED'
  | 'TASK_STATE_REJECTED'
  | 'TASK_STATE_CANCELED';

/** A task as the handshake publishes it: a status with a data message, and data artifacts. */
export interface TaskView {
  id: string;
  contextId: string;
  state: WireTaskState;
  /** The status message's data. */
  data: Record<string, unknown>;
  /** The status message's metadata (x402's `x402.payment.*` keys). */
  metadata?: Record<string, unknown>;
  /** Artifacts by id, each one data part. */
  artifacts?: Record<string, Record<string, unknown>>;
}

/** The SDK's task for `view`. */
export function taskOf(view: TaskView): Task {
  return Task.fromJSON({
    id: view.id,
    contextId: view.contextId,
    status: {
      state: view.state,
      message: {
        messageId: `${view.id}:${view.state}`,
        taskId: view.id,
        contextId: view.contextId,
        role: 'ROLE_AGENT',
        parts: [{ data: view.data, mediaType: 'application/json' }],
        ...(view.metadata && { metadata: view.metadata }),
      },
      timestamp: new Date().toISOString(),
    },
    artifacts: Object.entries(view.artifacts ?? {}).map(([artifactId, data]) => ({
      artifactId,
      name: artifactId,
      parts: [{ data, mediaType: 'application/json' }],
    })),
  });
}

/** The data of a message's first JSON data part, if it has one. */
export function messageData(message: Message | undefined): Record<string, unknown> | undefined {
  for (const part of message?.parts ?? []) {
    if (part.content?.$case === 'data') return part.content.value as Record<string, unknown>;
  }
  return undefined;
}

/** The data of a task's artifact `artifactId`, if it has one. */
export function artifactData(task: Task, artifactId: string): Record<string, unknown> | undefined {
  const artifact = task.artifacts.find((candidate) => candidate.artifactId === artifactId);
  const part = artifact?.parts.find((candidate) => candidate.content?.$case === 'data');
  return part?.content?.$case === 'data'
    ? (part.content.value as Record<string, unknown>)
    : undefined;
}

/** A task's wire state. */
export function wireState(task: Task): WireTaskState {
  const json = Task.toJSON(task) as { status?: { state?: WireTaskState } };
  return json.status?.state ?? 'TASK_STATE_SUBMITTED';
}

/** JSON-RPC error codes of Chimera's refusals at the HTTP level (-32000 to -32099: server errors). */
export const REFUSAL_CODES = {
  /** HTTP 401: the message's signature, audience, timing or nonce failed verification. */
  unverified: -32041,
  /** HTTP 402: a quote must be accepted first. */
  paymentRequired: -32040,
  /** HTTP 429: the node is saturated or the caller over its rate. */
  saturated: -32029,
  /** HTTP 503: the node is asleep (maintenance). */
  sleeping: -32030,
} as const;

/** A JSON-RPC error response for request `id`. */
export function jsonRpcError(
  id: unknown,
  code: number,
  message: string,
  data?: Record<string, unknown>,
): Record<string, unknown> {
  return {
    jsonrpc: '2.0',
    id: typeof id === 'string' || typeof id === 'number' ? id : null,
    error: { code, message, ...(data && { data }) },
  };
}
