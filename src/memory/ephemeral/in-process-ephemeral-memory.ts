// Ephemeral memory for one process, when no REDIS_URL is set: a Map from tenant and agent to that
// agent's interactions, oldest first. It forgets on restart and is not shared between processes.

import {
  EPHEMERAL_MEMORY_WINDOW_MS,
  type EphemeralMemory,
  EphemeralMemoryScope,
  Interaction,
  maxInteractionsOption,
  parseMemoryInput,
  RecentOptions,
} from './ephemeral-memory.js';

/** How an InProcessEphemeralMemory tells the time and how much it keeps. */
export interface InProcessEphemeralMemoryOptions {
  /**
   * The clock that decides which interactions are within the last hour.
   * @defaultValue the wall clock
   */
  now?: () => Date;
  /**
   * The most interactions kept per agent; each write drops the oldest beyond it.
   * @defaultValue 500 (DEFAULT_MAX_INTERACTIONS)
   */
  maxInteractions?: number;
}

export class InProcessEphemeralMemory implements EphemeralMemory {
  /** Per `tenant:agent`, oldest first; a scope is deleted once it holds nothing. */
  private readonly interactions = new Map<string, Interaction[]>();
  private readonly now: () => Date;
  private readonly maxInteractions: number;

  constructor(options: InProcessEphemeralMemoryOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.maxInteractions = maxInteractionsOption(options.maxInteractions);
  }

  async remember(scope: EphemeralMemoryScope, interaction: Interaction): Promise<void> {
    const key = scopeKey(parseMemoryInput(EphemeralMemoryScope, scope, 'memory scope'));
    const parsed = parseMemoryInput(Interaction, interaction, 'interaction');
    // A copy, so the caller changing its object later cannot change what was remembered.
    const kept = [...this.withinWindow(key), structuredClone(parsed)]
      .sort((older, newer) => older.at.getTime() - newer.at.getTime())
      .slice(-this.maxInteractions);
    this.store(key, kept);
  }

  async recent(scope: EphemeralMemoryScope, options: RecentOptions = {}): Promise<Interaction[]> {
    const key = scopeKey(parseMemoryInput(EphemeralMemoryScope, scope, 'memory scope'));
    const { limit } = parseMemoryInput(RecentOptions, options, 'recent options');
    const kept = this.withinWindow(key);
    this.store(key, kept);
    return kept
      .slice(limit === undefined ? 0 : -limit)
      .reverse()
      .map((interaction) => structuredClone(interaction));
  }

  async close(): Promise<void> {
    this.interactions.clear();
  }

  /** The scope's interactions whose `at` lies within the last hour, oldest first. */
  private withinWindow(key: string): Interaction[] {
    const cutoff = this.now().getTime() - EPHEMERAL_MEMORY_WINDOW_MS;
    return (this.interactions.get(key) ?? []).filter(
      (interaction) => interaction.at.getTime() >= cutoff,
    );
  }

  private store(key: string, interactions: Interaction[]): void {
    if (interactions.length > 0) this.interactions.set(key, interactions);
    else this.interactions.delete(key);
  }
}

function scopeKey(scope: EphemeralMemoryScope): string {
  return `${scope.tenantId}:${scope.agentId}`;
}
