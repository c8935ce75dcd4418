// Who is asking: a token's holder, a browser session opened from a login link, or a person at the
// local CLI. Every service call takes one; its role and tenant decide what it may see and do.

import { z } from 'zod';

/** What an actor may do, each role including the ones below it. */
export const Role = z.enum(['viewer', 'reviewer', 'operator']);
export type Role = z.infer<typeof Role>;

/** Tenant ids are slugs, like agent ids. */
export const TenantId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'use lowercase letters, digits, "-" or "_" (max 64)');

/** The tenant the embedded start creates and the local CLI uses unless told otherwise. */
export const DEFAULT_TENANT = 'default';

/** An authenticated caller. */
export interface Actor {
  /** How it authenticated: an API token, a browser session, or the local CLI. */
  kind: 'token' | 'session' | 'cli';
  /** The token id (token and session), or the OS user name (cli); written to the audit log. */
  id: string;
  tenantId: string;
  role: Role;
  /** The agent a token acts as: MCP tool calls are charged to it. None: it cannot spend. */
  agentId: string | null;
}

const RANK: Record<Role, number> = { viewer: 0, reviewer: 1, operator: 2 };

/** True when `role` includes everything `needed` may do. */
export function roleAllows(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

/** The audit log's name for an actor: 'token:<id>', 'session:<id>', or the local CLI's user. */
export function actorLabel(actor: Actor): string {
  return actor.kind === 'cli' ? actor.id : `${actor.kind}:${actor.id}`;
}
