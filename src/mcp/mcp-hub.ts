// The one door to the outside: every skill reaches platforms, feeds, media and wallets through
// this hub's MCP clients. Each call is checked against the agent's allow-list, rate limited per
// agent and tool, retried with backoff on transient transport errors, optionally dry-run, and
// traced with spec_id, agent, tool, duration, outcome and a redacted argument digest.

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';
import { type BackoffOptions, backoffDelayMs } from '../domain/backoff.js';
import { ChimeraError } from '../domain/errors.js';
import { fieldProblems } from '../domain/field-problems.js';
import type { TraceEvent } from '../domain/trace-event.js';
import { argumentDigest } from './argument-digest.js';
import type { RateLimiter } from './rate-limiter.js';
import { isToolAllowed, type ToolAllowLists } from './tool-allow-list.js';

/** How to reach one MCP server. */
export type McpServerTarget =
  | { kind: 'in-process'; create: () => McpServer | Promise<McpServer> }
  | { kind: 'stdio'; command: string; args?: string[]; env?: Record<string, string> }
  | { kind: 'http'; url: string; headers: Record<string, string> };

/** Hub options. */
export interface McpHubOptions {
  servers: Record<string, McpServerTarget>;
  allowLists: ToolAllowLists;
  rateLimiter: RateLimiter;
  /** Calls per agent and tool per window. Default 60 per minute. */
  rateLimit?: { max: number; windowMs: number };
  /** Attempts for a transient failure, first included. Default 3. */
  attempts?: number;
  backoff?: BackoffOptions;
  /** Longest a call may take, in ms. Default 30 000. */
  timeoutMs?: number;
  /** Receives one trace event per call. */
  trace: (events: TraceEvent[]) => Promise<void>;
}

/** Who is calling, and for which spec and task. */
export interface CallContext {
  agentId: string;
  specId: string;
  taskId?: string | null;
  campaignId?: string | null;
  attempt?: number | null;
  /** The caller's run: once aborted, no call starts, and a call in flight is cancelled. */
  signal?: AbortSignal | undefined;
}

/** A tool call. `outputSchema` checks the structured result; `dryRun` skips the call. */
export interface ToolCall<Output> extends CallContext {
  server: string;
  tool: string;
  arguments: Record<string, unknown>;
  outputSchema?: z.ZodType<Output>;
  dryRun?: boolean;
}

/** A tool's answer: its structured output (checked when a schema was given) and its text. */
export interface ToolAnswer<Output> {
  output: Output | undefined;
  text: string;
  dryRun: boolean;
}

export class McpHub {
  private readonly clients = new Map<string, Promise<Client>>();

  constructor(private readonly options: McpHubOptions) {}

  /** Names of the configured servers. */
  serverNames(): string[] {
    return Object.keys(this.options.servers).sort();
  }

  /** Calls a tool under the agent's allow-list and rate limit, and traces the call. */
  async callTool<Output = unknown>(call: ToolCall<Output>): Promise<ToolAnswer<Output>> {
    const startedAt = performance.now();
    const { digest, redacted } = argumentDigest(call.arguments);
    const trace = (outcome: string, detail: Record<string, unknown> = {}) =>
      this.options.trace([
        callEvent('tool-call', call, startedAt, outcome, {
          server: call.server,
          tool: call.tool,
          args: digest,
          redacted,
          ...detail,
        }),
      ]);
    try {
      this.checkServer(call.server);
      if (!isToolAllowed(this.options.allowLists, call.agentId, call.server, call.tool)) {
        throw new ChimeraError(
          'MCP_TOOL_DENIED',
          `agent '${call.agentId}' may not call ${call.server}.${call.tool}; add it to the agent's tool allow-list`,
          { context: { agentId: call.agentId } },
        );
      }
      const limit = this.options.rateLimit ?? { max: 60, windowMs: 60_000 };
      const budget = await this.options.rateLimiter.take(
        `${call.agentId}:${call.server}.${call.tool}`,
        limit,
      );
      if (!budget.allowed) {
        throw new ChimeraError(
          'MCP_RATE_LIMITED',
          `agent '${call.agentId}' reached ${limit.max} calls to ${call.server}.${call.tool} per ${limit.windowMs} ms; retry in ${budget.retryAfterMs} ms`,
          { retryable: true, context: { agentId: call.agentId } },
        );
      }
      call.signal?.throwIfAborted();
      if (call.dryRun) {
        await trace('dry-run');
        return { output: undefined, text: '', dryRun: true };
      }
      const result = await this.withRetries(call.server, (client) =>
        client.callTool({ name: call.tool, arguments: call.arguments }, undefined, {
          timeout: this.options.timeoutMs ?? 30_000,
          ...(call.signal && { signal: call.signal }),
        }),
      );
      const text = (result.content as Array<{ type: string; text?: string }>)
        .filter((part) => part.type === 'text')
        .map((part) => part.text ?? '')
        .join('\n');
      if (result.isError) {
        throw new ChimeraError('MCP_TOOL_FAILED', `${call.server}.${call.tool} failed: ${text}`);
      }
      const output = call.outputSchema
        ? this.checkOutput(call, result.structuredContent)
        : (result.structuredContent as Output | undefined);
      await trace('ok');
      return { output, text, dryRun: false };
    } catch (error) {
      const failure = asHubError(error, call.server);
      await trace(failure.code, { message: failure.message });
      throw failure;
    }
  }

  /** Reads a resource and returns its text contents, traced like a tool call. */
  async readResource(request: CallContext & { server: string; uri: string }): Promise<string> {
    const startedAt = performance.now();
    let outcome = 'ok';
    try {
      this.checkServer(request.server);
      request.signal?.throwIfAborted();
      const result = await this.withRetries(request.server, (client) =>
        client.readResource(
          { uri: request.uri },
          {
            timeout: this.options.timeoutMs ?? 30_000,
            ...(request.signal && { signal: request.signal }),
          },
        ),
      );
      return result.contents.map((part) => ('text' in part ? String(part.text) : '')).join('\n');
    } catch (error) {
      const failure = asHubError(error, request.server);
      outcome = failure.code;
      throw failure;
    } finally {
      await this.options.trace([
        callEvent('resource-read', request, startedAt, outcome, {
          server: request.server,
          uri: request.uri,
        }),
      ]);
    }
  }

  /** Lists a server's tools (names, schemas). */
  async listTools(server: string) {
    this.checkServer(server);
    return (await this.withRetries(server, (client) => client.listTools())).tools;
  }

  /** Closes every connection. */
  async close(): Promise<void> {
    const clients = [...this.clients.values()];
    this.clients.clear();
    await Promise.all(
      clients.map(async (client) => (await client.catch(() => undefined))?.close()),
    );
  }

  private checkServer(server: string): void {
    if (!this.options.servers[server]) {
      throw new ChimeraError(
        'MCP_UNKNOWN_SERVER',
        `unknown MCP server '${server}'; configured servers: ${this.serverNames().join(', ') || 'none'}`,
      );
    }
  }

  private checkOutput<Output>(call: ToolCall<Output>, structured: unknown): Output {
    const parsed = (call.outputSchema as z.ZodType<Output>).safeParse(structured);
    if (!parsed.success) {
      throw new ChimeraError(
        'MCP_OUTPUT_INVALID',
        `${call.server}.${call.tool} returned output that breaks its contract: ${fieldProblems(parsed.error).join('; ')}`,
      );
    }
    return parsed.data;
  }

  private async withRetries<T>(server: string, work: (client: Client) => Promise<T>): Promise<T> {
    const attempts = this.options.attempts ?? 3;
    for (let attempt = 1; ; attempt++) {
      try {
        return await work(await this.client(server));
      } catch (error) {
        if (!isTransient(error) || attempt >= attempts) throw error;
        // Drop the connection: the next attempt reconnects.
        const stale = this.clients.get(server);
        this.clients.delete(server);
        await (await stale?.catch(() => undefined))?.close().catch(() => undefined);
        const backoff = this.options.backoff ?? { baseMs: 100, maxMs: 2_000 };
        await new Promise((resolve) => setTimeout(resolve, backoffDelayMs(attempt, backoff)));
      }
    }
  }

  private client(server: string): Promise<Client> {
    let client = this.clients.get(server);
    if (!client) {
      client = this.connect(server, this.options.servers[server] as McpServerTarget);
      client.catch(() => this.clients.delete(server));
      this.clients.set(server, client);
    }
    return client;
  }

  private async connect(name: string, target: McpServerTarget): Promise<Client> {
    const client = new Client({ name: `chimera-hub/${name}`, version: '0.1.0' });
    if (target.kind === 'in-process') {
      const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
      await (await target.create()).connect(serverSide);
      await client.connect(clientSide);
    } else if (target.kind === 'stdio') {
      await client.connect(
        new StdioClientTransport({
          command: target.command,
          args: target.args ?? [],
          env: { ...(process.env as Record<string, string>), ...target.env },
          stderr: 'ignore',
        }),
      );
    } else {
      await client.connect(
        new StreamableHTTPClientTransport(new URL(target.url), {
          requestInit: { headers: target.headers },
        }),
      );
    }
    return client;
  }
}

/** The trace event of one hub call, stamped with the caller's context. */
function callEvent(
  kind: 'tool-call' | 'resource-read',
  context: CallContext,
  startedAt: number,
  outcome: string,
  detail: Record<string, unknown>,
): TraceEvent {
  return {
    kind,
    spec_id: context.specId,
    campaign_id: context.campaignId ?? null,
    task_id: context.taskId ?? null,
    agent_id: context.agentId,
    attempt: context.attempt ?? null,
    duration_ms: performance.now() - startedAt,
    outcome,
    detail,
  };
}

/** Transport trouble is worth another try; a tool's own error is not. */
function isTransient(error: unknown): boolean {
  if (error instanceof McpError) {
    return error.code === ErrorCode.ConnectionClosed || error.code === ErrorCode.RequestTimeout;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOENT'].includes(String(code));
}

function asHubError(error: unknown, server: string): ChimeraError {
  if (error instanceof ChimeraError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (isTransient(error)) {
    return new ChimeraError(
      'MCP_UNAVAILABLE',
      `MCP server '${server}' is unavailable: ${message}`,
      {
        cause: error,
        retryable: true,
      },
    );
  }
  return new ChimeraError('MCP_TOOL_FAILED', `MCP server '${server}': ${message}`, {
    cause: error,
  });
}
