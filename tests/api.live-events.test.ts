// FR-API-005: live events over SSE at /api/v1/events, fed by PostgreSQL LISTEN/NOTIFY. Two
// Chimera instances share one PostgreSQL database, as two processes would: a subscriber on the
// first sees a review the second opens within 1 s, with the task's state changes; another
// tenant's subscriber sees none of it; and a client that reconnects with Last-Event-ID gets what
// it missed.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer } from '../src/api/http-server.js';
import type { ChimeraApp } from '../src/app/chimera-app.js';
import { localOperator } from './support/api-fixture.js';
import { addAgent, campaignOf, openTestApp, singleStep } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-databases.js';

interface ReceivedEvent {
  id: number;
  kind: string;
  data: { data: Record<string, unknown>; at: string };
  receivedAt: number;
}

/** Opens an SSE stream and collects its events until `close`. */
async function subscribe(url: string, token: string, lastEventId?: number) {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: {
      authorization: `Bearer ${token}`,
      ...(lastEventId !== undefined && { 'last-event-id': String(lastEventId) }),
    },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const events: ReceivedEvent[] = [];
  const waiters: Array<() => void> = [];
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = Object.fromEntries(
            block
              .split('\n')
              .filter((line) => !line.startsWith(':') && line.includes(': '))
              .map((line) => [
                line.slice(0, line.indexOf(': ')),
                line.slice(line.indexOf(': ') + 2),
              ]),
          );
          if (fields.id) {
            events.push({
              id: Number(fields.id),
              kind: fields.event ?? '',
              data: JSON.parse(fields.data ?? '{}'),
              receivedAt: Date.now(),
            });
            for (const wake of waiters.splice(0)) wake();
          }
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    events,
    /** Resolves once an event matches, or rejects after `timeoutMs`. */
    async next(match: (event: ReceivedEvent) => boolean, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.find(match);
        if (found) return found;
        const left = deadline - Date.now();
        if (left <= 0)
          throw new Error(`no matching event; got ${events.map((e) => e.kind).join(', ')}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, left).unref();
        });
      }
    },
    close: () => controller.abort(),
  };
}

describe('live events across two Chimera instances on one PostgreSQL', () => {
  let database: TestDatabase;
  let subscriberSide: ChimeraApp;
  let writerSide: ChimeraApp;
  let url: string;
  let closeHttp: () => Promise<void>;
  let viewer: string;
  let rival: string;
  /** The last event id the first test's subscriber saw. */
  let lastSeen = 0;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    subscriberSide = await openTestApp(database);
    writerSide = await openTestApp(database);
    await addAgent(writerSide);
    const local = localOperator('default');
    viewer = (await subscriberSide.operator.tokens.create(local, { role: 'viewer' })).secret;
    const rivalActor = await subscriberSide.localActor({ user: 'test', tenantId: 'rival' });
    rival = (await subscriberSide.operator.tokens.create(rivalActor, { role: 'viewer' })).secret;
    const http = await startHttpServer(subscriberSide, { host: '127.0.0.1', port: 0 });
    url = `${http.url}/api/v1/events`;
    closeHttp = http.close;
  });
  afterAll(async () => {
    await closeHttp?.();
    await subscriberSide?.close();
    await writerSide?.close();
    await database?.dispose();
  });

  it('delivers a review opened by the other instance within 1 s, to its tenant only', async () => {
    const stream = await subscribe(url, viewer);
    const rivalStream = await subscribe(url, rival);
    try {
      await writerSide.operator.campaigns.create(
        localOperator('default'),
        campaignOf(singleStep('core.noop', { confidence: 0.8 }, { max_attempts: 1 })),
      );
      await writerSide.runtime.runUntilQuiescent();
      const opened = await stream.next((event) => event.kind === 'review-opened');
      const committedAt = new Date(opened.data.at).getTime();
      expect(opened.receivedAt - committedAt).toBeLessThan(1_000);
      expect(opened.data.data).toMatchObject({ kind: 'content', status: 'pending' });
      const states = stream.events
        .filter((event) => event.kind === 'task-state')
        .map((event) => event.data.data.status);
      expect(states).toEqual(expect.arrayContaining(['queued', 'running', 'awaiting_review']));
      // Ids only grow, and each event came once.
      const ids = stream.events.map((event) => event.id);
      expect([...ids].sort((a, b) => a - b)).toEqual(ids);
      expect(new Set(ids).size).toBe(ids.length);
      expect(rivalStream.events).toEqual([]);
      lastSeen = ids.at(-1) ?? 0;
    } finally {
      stream.close();
      rivalStream.close();
    }
  });

  it('resumes from Last-Event-ID with what the client missed', async () => {
    expect(lastSeen).toBeGreaterThan(0);
    const local = localOperator('default');
    const [review] = await writerSide.operator.reviews.list(local, { status: 'pending', limit: 1 });
    await writerSide.operator.reviews.approve(local, review!.review.id);
    const resumed = await subscribe(url, viewer, lastSeen);
    try {
      const decided = await resumed.next((event) => event.kind === 'review-decided');
      expect(decided.data.data).toMatchObject({ status: 'approved' });
      expect(resumed.events.every((event) => event.id > lastSeen)).toBe(true);
    } finally {
      resumed.close();
    }
  });

  it('refuses a stream without a token, and a malformed Last-Event-ID', async () => {
    expect((await fetch(url)).status).toBe(401);
    const bad = await fetch(url, {
      headers: { authorization: `Bearer ${viewer}`, 'last-event-id': 'yesterday' },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { field: string }).field).toBe('last-event-id');
  });
});
