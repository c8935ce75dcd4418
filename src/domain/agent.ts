// An influencer agent as the runtime sees it: identity, persona reference and status.
// Personas (SOUL.md) and wallets arrive in later milestones; this holds only what the loop needs.

import { z } from 'zod';

/** Agent ids are short slugs so they read well in logs and CLI output. */
export const AgentId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'use lowercase letters, digits, "-" or "_" (max 64)');

/** A persistent agent. `status: frozen` stops new tasks for it. */
export const Agent = z.object({
  id: AgentId,
  name: z.string().min(1).max(200),
  niche: z.string().max(200).default(''),
  persona: z.record(z.string(), z.unknown()).default({}),
  status: z.enum(['active', 'frozen']).default('active'),
  /** The tenant it belongs to; set by the service that saves it (default 'default'). */
  tenant_id: z.string().optional(),
  created_at: z.coerce.date().optional(),
});
export type Agent = z.infer<typeof Agent>;
