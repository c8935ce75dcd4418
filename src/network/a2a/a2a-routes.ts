// The node's A2A endpoint, POST /a2a: @a2a-js/sdk's JSON-RPC handler behind Chimera's admission
// control and verification (issue 13 §3–4). In order, a request is refused with:
// - 503 and Retry-After while the node sleeps (`chimera network sleep`);
// - 429 and Retry-After while its load is over 0.95, or past 100 requests a minute from one IP
//   (counted in Redis when configured: @fastify/rate-limit, registered by the HTTP server);
// - 401 when its signature envelope fails (request-signature.ts) or its nonce was used before;
// - 402 when it continues a hire whose quote it does not accept.
// Every refusal's body is a JSON-RPC error, which A2A clients read. The SDK then runs the call as
// the verified node: tasks are scoped to the node that opened them.

import type { AgentCard } from '@a2a-js/sdk';
import {
  DefaultRequestHandler,
  JsonRpcTransportHandler,
  ServerCallContext,
  type User,
} from '@a2a-js/sdk/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_CLOCK_SKEW_MS } from '../../domain/network/clock-skew.js';
import { HireAcceptance } from '../../domain/network/handshake.js';
import { SIGNATURE_HEADER } from '../../domain/network/signed-envelope.js';
import type { Store } from '../../store/store.js';
import { A2A_ENDPOINT_PATH } from '../card/agent-card.js';
import type { NodeIdentity } from '../identity/node-identity.js';
import { jsonRpcError, REFUSAL_CODES } from './a2a-wire.js';
import { HandshakeTaskStore } from './handshake-task-store.js';
import type { HireProvider } from './hire-provider.js';
import { replayed, verifyRequest } from './request-signature.js';

/** Whether the node takes work now. */
export type Admission =
  | { status: 'ready' }
  | { status: 'saturated' | 'sleeping'; retryAfterSeconds: number };

export interface A2aRoutesOptions {
  /** The node's signed Agent Card. */
  card: () => Promise<AgentCard>;
  identity: () => Promise<NodeIdentity>;
  store: Store;
  provider: HireProvider;
  admission: () => Promise<Admission>;
  /** Requests a minute one IP may make. Default 100. */
  perIpPerMinute?: number;
  now?: () => Date;
}

/** A JSON-RPC request, as far as the endpoint reads it before the SDK. */
interface RpcBody {
  id?: unknown;
  method?: unknown;
  params?: {
    message?: { taskId?: unknown; parts?: Array<{ data?: unknown }> };
  };
}

/** Registers POST /a2a. Use with `fastify.register(a2aRoutes, options)`. */
export async function a2aRoutes(
  fastify: FastifyInstance,
  options: A2aRoutesOptions,
): Promise<void> {
  const now = options.now ?? (() => new Date());
  let rpc: Promise<JsonRpcTransportHandler> | undefined;
  const handler = () => {
    rpc ??= options
      .card()
      .then(
        (card) =>
          new JsonRpcTransportHandler(
            new DefaultRequestHandler(
              card,
              new HandshakeTaskStore(options.store, now),
              options.provider,
            ),
          ),
      );
    return rpc;
  };

  fastify.post(
    A2A_ENDPOINT_PATH,
    {
      config: {
        rateLimit: {
          max: options.perIpPerMinute ?? 100,
          timeWindow: 60_000,
          keyGenerator: (request: FastifyRequest) => `a2a:${request.ip}`,
          errorResponseBuilder: (_request: FastifyRequest, context: { after: string }) =>
            Object.assign(
              new Error(
                `over ${options.perIpPerMinute ?? 100} requests a minute from this address; retry after ${context.after}`,
              ),
              { statusCode: 429 },
            ),
        },
      },
      // Every failure as a JSON-RPC error, which A2A clients read: the rate limit's 429, a body
      // that is not JSON (400), anything unexpected (500, without its details).
      errorHandler: (error: Error & { statusCode?: number }, request, reply) => {
        const status = error.statusCode ?? 500;
        const body = request.body as RpcBody | undefined;
        if (status >= 500) {
          request.log.error({ err: error }, 'a2a request failed');
          return reply.code(500).send(jsonRpcError(body?.id, -32603, 'internal error'));
        }
        const code = status === 429 ? REFUSAL_CODES.saturated : -32700;
        return reply.code(status).send(jsonRpcError(body?.id, code, error.message));
      },
      onRequest: async (_request, reply) => {
        const admission = await options.admission();
        if (admission.status === 'ready') return;
        const [status, code, what] =
          admission.status === 'sleeping'
            ? [503, REFUSAL_CODES.sleeping, 'the node is asleep for maintenance']
            : [429, REFUSAL_CODES.saturated, 'the node is saturated'];
        return reply
          .code(status)
          .header('retry-after', String(admission.retryAfterSeconds))
          .send(jsonRpcError(null, code, `${what}; retry after ${admission.retryAfterSeconds} s`));
      },
    },
    async (request, reply) => {
      const body = (request.body ?? {}) as RpcBody;
      const identity = await options.identity();
      const signer = await verifiedSigner(request, body, identity.nodeId);
      if (typeof signer !== 'string')
        return refuse(reply, body, 401, REFUSAL_CODES.unverified, signer.message, {
          reason: signer.reason,
        });
      const unpaid = await unacceptedQuote(body, signer);
      if (unpaid) {
        return reply
          .header(
            'payment-required',
            Buffer.from(JSON.stringify(unpaid.required)).toString('base64'),
          )
          .code(402)
          .send(
            jsonRpcError(body.id, REFUSAL_CODES.paymentRequired, unpaid.message, {
              paymentRequired: unpaid.required,
            }),
          );
      }
      const context = new ServerCallContext({
        user: verifiedNode(signer),
        requestedVersion: headerOf(request, 'a2a-version'),
      });
      return reply.send(await (await handler()).handle(body as Record<string, unknown>, context));
    },
  );

  /** The request's verified signer, or why it is refused. */
  async function verifiedSigner(request: FastifyRequest, body: RpcBody, self: string) {
    const header = headerOf(request, SIGNATURE_HEADER);
    let envelope: unknown;
    try {
      envelope =
        header === undefined
          ? undefined
          : JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
    } catch {
      envelope = undefined;
    }
    const at = now();
    const verdict = await verifyRequest(
      envelope,
      { method: String(body.method), params: body.params ?? null },
      {
        self,
        now: at,
        registeredKey: async (nodeId) => (await options.store.network.get(nodeId))?.public_jwk,
      },
    );
    if (!verdict.accepted) return verdict;
    // Kept until the envelope could no longer pass the skew check: a replay after that is stale.
    const expiresAt = new Date(Date.parse(verdict.envelope.issued_at) + MAX_CLOCK_SKEW_MS + 1_000);
    const fresh = await options.store.network.claimNonce(
      verdict.envelope.signer,
      verdict.envelope.nonce,
      expiresAt,
    );
    return fresh ? verdict.envelope.signer : replayed(verdict.envelope);
  }

  /**
   * For a message continuing a hire still in negotiation, what must be paid when it does not
   * accept the quote as made (its id and amount) before the quote expired; undefined otherwise.
   */
  async function unacceptedQuote(body: RpcBody, signer: string) {
    const taskId = body.method === 'SendMessage' ? body.params?.message?.taskId : undefined;
    if (typeof taskId !== 'string' || taskId === '') return undefined;
    const handshake = await options.store.handshakes.get('provider', taskId);
    const quote = handshake?.quote?.quote;
    if (handshake?.phase !== 'negotiation' || handshake.counterparty !== signer || !quote)
      return undefined;
    const acceptance = HireAcceptance.safeParse(
      body.params?.message?.parts?.find((part) => part.data)?.data,
    );
    const accepted =
      acceptance.success &&
      acceptance.data.quote_id === quote.quote_id &&
      acceptance.data.amount === quote.amount &&
      Date.parse(quote.expires_at) >= now().getTime();
    if (accepted) return undefined;
    return {
      message: `payment required: accept quote ${quote.quote_id} (${quote.amount} US cents) before ${quote.expires_at}`,
      // x402's PaymentRequired, for the quoted run.
      required: {
        x402Version: 2,
        resource: {
          url: `${A2A_ENDPOINT_PATH}#${taskId}`,
          description: `${quote.skill} (task ${taskId})`,
        },
        accepts: [
          {
            scheme: 'exact',
            network: 'chimera:ledger',
            amount: quote.amount,
            asset: 'USD',
            payTo: quote.provider,
            maxTimeoutSeconds: Math.ceil(quote.sla_ms / 1_000),
            extra: { quote: handshake.quote },
          },
        ],
      },
    };
  }
}

function refuse(
  reply: FastifyReply,
  body: RpcBody,
  status: number,
  code: number,
  message: string,
  data?: Record<string, unknown>,
) {
  return reply.code(status).send(jsonRpcError(body.id, code, message, data));
}

function headerOf(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** The SDK's user for a node whose request's signature was verified. */
function verifiedNode(nodeId: string): User {
  return { isAuthenticated: true, userName: nodeId };
}
