// Picks the ephemeral memory adapter: Redis when a URL is given (REDIS_URL), so every process
// shares one memory, else one in this process. It connects lazily, on the first call.

import type { EphemeralMemory } from './ephemeral-memory.js';
import { InProcessEphemeralMemory } from './in-process-ephemeral-memory.js';
import { RedisEphemeralMemory } from './redis-ephemeral-memory.js';

/** What openEphemeralMemory needs. */
export interface OpenEphemeralMemoryOptions {
  /**
   * The Redis to keep memory in, e.g. `redis://127.0.0.1:6379`.
   * @defaultValue none: memory stays in this process
   */
  redisUrl?: string;
  /**
   * The clock that decides which interactions are within the last hour.
   * @defaultValue the wall clock
   */
  now?: () => Date;
}

/** The Redis adapter when `redisUrl` is set, else the in-process one. Close it when done. */
export function openEphemeralMemory(options: OpenEphemeralMemoryOptions = {}): EphemeralMemory {
  const { redisUrl, now } = options;
  return redisUrl
    ? new RedisEphemeralMemory(redisUrl, { now })
    : new InProcessEphemeralMemory({ now });
}
