// The port for an agent's ephemeral memory: its interactions of the last hour, scoped to one
// tenant and agent, newest first. Adapters: in process (one process) and Redis (REDIS_URL, shared
// by every process). It is no long-term memory and does no search: older interactions are gone.
//
//   await memory.remember({ tenantId: 'acme', agentId: 'ava' },
//     { at: new Date(), kind: 'reply', counterpart: '@milo', text: 'thanks!', post_id: 'p-42' });
//   const lastFive = await memory.recent({ tenantId: 'acme', agentId: 'ava' }, { limit: 5 });

import { z } from 'zod';
import { TenantId } from '../../domain/actor.js';
import { AgentId } from '../../domain/agent.js';
import { ConfigError, InputError } from '../../domain/errors.js';
import { fieldProblems } from '../../domain/field-problems.js';

/** How long an interaction stays recalled, in ms: one hour. */
export const EPHEMERAL_MEMORY_WINDOW_MS = 60 * 60 * 1000;

/** How many interactions an adapter keeps per agent unless told otherwise: the newest 500. */
export const DEFAULT_MAX_INTERACTIONS = 500;

/** An adapter's `maxInteractions` option checked, or its default: a positive whole number. */
export function maxInteractionsOption(value = DEFAULT_MAX_INTERACTIONS): number {
  if (Number.isInteger(value) && value > 0) return value;
  throw new ConfigError(
    'CONFIG_INVALID',
    `maxInteractions must be a positive whole number; received ${value}`,
    { context: { field: 'maxInteractions' } },
  );
}

/** The longest `text` an interaction may carry, in characters. */
export const INTERACTION_TEXT_MAX_CHARS = 4_000;

/** Whose memory: one agent of one tenant. Both are slugs, so neither contains ':'. */
export const EphemeralMemoryScope = z.object({ tenantId: TenantId, agentId: AgentId });
export type EphemeralMemoryScope = z.infer<typeof EphemeralMemoryScope>;

/** What the agent did or took part in. */
export const InteractionKind = z.enum(['post', 'reply', 'comment', 'message', 'tool']);
export type InteractionKind = z.infer<typeof InteractionKind>;

/** One interaction. Unknown keys are refused rather than silently dropped. */
export const Interaction = z.strictObject({
  /** When it happened; it is recalled while `now - at` is at most one hour. */
  at: z.date(),
  kind: InteractionKind,
  /** Who was on the other side, e.g. a commenter's handle; none for a post or a tool call. */
  counterpart: z.string().min(1).max(200).optional(),
  text: z.string().max(INTERACTION_TEXT_MAX_CHARS),
  /** The task it happened in. */
  task_id: z.string().uuid().optional(),
  /** The platform post it is about (the agent's own post, or the one it replied to). */
  post_id: z.string().min(1).max(200).optional(),
});
export type Interaction = z.infer<typeof Interaction>;

/** How much `recent` returns. */
export const RecentOptions = z.strictObject({
  /**
   * The most interactions to return, newest first.
   * @defaultValue every interaction of the last hour (at most the adapter's cap)
   */
  limit: z.number().int().positive().optional(),
});
export type RecentOptions = z.infer<typeof RecentOptions>;

/** An agent's memory of its last hour. Every method refuses invalid input with an InputError. */
export interface EphemeralMemory {
  /** Keeps `interaction` for `scope` until it is an hour old or pushed out by the cap. */
  remember(scope: EphemeralMemoryScope, interaction: Interaction): Promise<void>;
  /**
   * The interactions of `scope` whose `at` lies within the last hour of the memory's clock,
   * newest first. Interactions with the same `at` come in no promised order.
   */
  recent(scope: EphemeralMemoryScope, options?: RecentOptions): Promise<Interaction[]>;
  /** Releases connections, if any; the memory is unusable afterwards. */
  close(): Promise<void>;
}

/** `value` parsed by `schema`, or an InputError naming each field at fault and the problem. */
export function parseMemoryInput<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  what: string,
): z.infer<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const field = parsed.error.issues[0]?.path.join('.');
  throw new InputError(`invalid ${what}: ${fieldProblems(parsed.error).join('; ')}`, {
    context: field ? { field } : {},
  });
}
