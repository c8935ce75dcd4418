// GET /api/v1/events: the tenant's live events as server-sent events. Each event carries its id;
// a client that reconnects sends the last one as Last-Event-ID (or ?last_event_id=) and gets what
// it missed first. A comment line every 15 s keeps proxies from closing an idle stream.

import type { FastifyInstance } from 'fastify';
import type { ChimeraServices } from '../services/chimera-services.js';
import { authenticate } from './authenticate.js';
import { INTERNAL_PROBLEM, sendProblem } from './problem-details.js';
import { ProblemError } from './register-routes.js';

export const EVENTS_PATH = '/api/v1/events';
const KEEPALIVE_MS = 15_000;

export function registerEventStream(http: FastifyInstance, services: ChimeraServices): void {
  http.get(EVENTS_PATH, async (request, reply) => {
    const { actor } = await authenticate(request, services);
    const lastEventId = parseLastEventId(
      request.headers['last-event-id'] ??
        (request.query as { last_event_id?: unknown }).last_event_id,
    );
    // The client learns the stream is open (the 200) only once the subscription is listening, so
    // nothing it causes after connecting is missed; events that arrive meanwhile wait here.
    const waiting: string[] = [];
    let write: ((block: string) => void) | undefined;
    let stop: () => void;
    try {
      stop = await services.events.stream(actor, lastEventId, (event) => {
        const block = `id: ${event.id}\nevent: ${event.kind}\ndata: ${JSON.stringify(event)}\n\n`;
        if (write === undefined) waiting.push(block);
        else write(block);
      });
    } catch (error) {
      request.log.error({ err: error }, 'event stream failed to start');
      return sendProblem(reply, INTERNAL_PROBLEM);
    }
    reply.hijack();
    const response = reply.raw;
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    response.write(': connected\n\n');
    for (const block of waiting) response.write(block);
    write = (block) => response.write(block);
    const keepalive = setInterval(() => response.write(': keepalive\n\n'), KEEPALIVE_MS);
    keepalive.unref();
    const end = () => {
      clearInterval(keepalive);
      stop();
    };
    // A client gone while the subscription started has already closed its socket.
    if (request.raw.socket.destroyed) end();
    else request.raw.on('close', end);
  });
}

/** The id to resume after; undefined for a new stream. A malformed one is a 400 naming it. */
function parseLastEventId(value: unknown): number | undefined {
  if (value === undefined || value === '') return undefined;
  const text = Array.isArray(value) ? value[0] : value;
  if (typeof text === 'string' && /^\d{1,15}$/.test(text)) return Number(text);
  throw new ProblemError({
    status: 400,
    code: 'INPUT_INVALID',
    field: 'last-event-id',
    detail: 'last-event-id: give the id of the last event received, a whole number',
  });
}
