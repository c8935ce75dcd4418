// The live events of a tenant (viewer): task state changes, reviews opened and decided, spends
// and posts, as they commit in any process. A client that reconnects with the last id it saw
// gets what it missed first, then the rest as it happens.

import type { Actor } from '../domain/actor.js';
import type { ApiEvent } from '../store/store.js';
import type { ServiceDependencies } from './service-dependencies.js';

/** Events read per query while catching up. */
const BATCH = 500;

export class EventService {
  constructor(private readonly deps: ServiceDependencies) {}

  /**
   * Sends the caller's tenant's events to `send`, in id order, each once: those after
   * `lastEventId` first (none: only events from now on), then each new one. Returns the stop.
   */
  async stream(
    actor: Actor,
    lastEventId: number | undefined,
    send: (event: ApiEvent) => void,
  ): Promise<() => void> {
    const { events } = this.deps;
    let cursor = lastEventId ?? (await events.latestId(actor.tenantId));
    let stopped = false;
    // One catch-up at a time: a notification during a read queues one more read after it.
    let draining = Promise.resolve();
    const drain = () => {
      draining = draining.then(async () => {
        for (;;) {
          if (stopped) return;
          const batch = await events.since(actor.tenantId, cursor, BATCH);
          for (const event of batch) {
            if (stopped) return;
            cursor = event.id;
            send(event);
          }
          if (batch.length < BATCH) return;
        }
      });
      draining.catch(() => {});
    };
    const unsubscribe = await events.subscribe((tenantId) => {
      if (tenantId === actor.tenantId) drain();
    });
    drain();
    return () => {
      stopped = true;
      unsubscribe();
    };
  }
}
