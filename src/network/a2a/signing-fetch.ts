// The `fetch` a node's A2A client sends with: it signs each JSON-RPC request for the node it is
// addressed to (request-signature.ts), in the signature header, and turns the endpoint's
// HTTP-level refusals (401, 402, 429, 503) into an A2aRefusal carrying the status, Retry-After and
// the JSON-RPC error, which @a2a-js/sdk's client would otherwise reduce to a message.

import { SIGNATURE_HEADER } from '../../domain/network/signed-envelope.js';
import type { NodeIdentity } from '../identity/node-identity.js';
import { signRequest } from './request-signature.js';

/** An A2A endpoint's refusal before the call ran. */
export class A2aRefusal extends Error {
  constructor(
    readonly status: number,
    /** Seconds to wait, from Retry-After, if sent. */
    readonly retryAfterSeconds: number | undefined,
    /** The JSON-RPC error's code and data. */
    readonly code: number | undefined,
    readonly data: Record<string, unknown> | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'A2aRefusal';
  }
}

/** A fetch that signs as `identity` for node `audience`, and throws A2aRefusal on a refusal. */
export function signingFetch(
  identity: NodeIdentity,
  audience: string,
  now: () => Date = () => new Date(),
): typeof fetch {
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    if (typeof init?.body === 'string') {
      const { method, params } = JSON.parse(init.body) as { method?: unknown; params?: unknown };
      const envelope = await signRequest(
        identity,
        { method: String(method), params: params ?? null },
        audience,
        now(),
      );
      headers.set(SIGNATURE_HEADER, Buffer.from(JSON.stringify(envelope)).toString('base64url'));
    }
    const response = await fetch(input, { ...init, headers });
    if (![401, 402, 429, 503].includes(response.status)) return response;
    const body = (await response.json().catch(() => undefined)) as
      | { error?: { code?: number; message?: string; data?: Record<string, unknown> } }
      | undefined;
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new A2aRefusal(
      response.status,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
      body?.error?.code,
      body?.error?.data,
      `${response.status}: ${body?.error?.message ?? response.statusText}`,
    );
  };
}
