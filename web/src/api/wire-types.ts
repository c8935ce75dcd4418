// The JSON the dashboard reads, typed from the server's own zod schemas (src/api/wire-schemas.ts)
// by type-only imports: nothing of zod reaches the bundle, and a changed wire shape fails
// `tsc -p web` instead of the browser.

import type { z } from 'zod';
import type {
  FleetWire,
  PostWire,
  ReviewItemWire,
  TaskWire,
} from '../../../src/api/wire-schemas.js';
import type { Role } from '../../../src/domain/actor.js';

export type ReviewItem = z.infer<typeof ReviewItemWire>;
export type Task = z.infer<typeof TaskWire>;
export type Fleet = z.infer<typeof FleetWire>;
export type FleetAgent = Fleet['agents'][number];
export type Post = z.infer<typeof PostWire>;
export type { Role };

/** GET /api/v1/session (declared inline in src/api/routes/token-routes.ts). */
export interface Session {
  kind: 'token' | 'session' | 'cli';
  id: string;
  tenant_id: string;
  role: Role;
  agent_id: string | null;
  /** Sent as X-CSRF-Token with every change a browser session makes. */
  csrf_token: string | null;
}

/** One server-sent event of GET /api/v1/events (the `data:` line). */
export interface LiveEvent {
  id: number;
  kind: string;
  subject_id: string;
  data: Record<string, unknown>;
  at: string;
}
