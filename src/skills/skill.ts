// The skill contract: what every capability (built-in, content, CFO) implements. Versioned, so
// the runtime can refuse a skill written against a contract it does not speak.

import type { LanguageModel } from 'ai';
import type { z } from 'zod';
import type { MemoryCollection, RecalledMemory } from '../domain/memory.js';
import type { Money } from '../domain/money.js';

/** MCP access bound to the running task: every call carries its agent, spec and task. */
export interface SkillTools {
  callTool<Output = unknown>(
    server: string,
    tool: string,
    args: Record<string, unknown>,
    options?: { outputSchema?: z.ZodType<Output>; dryRun?: boolean },
  ): Promise<Output | undefined>;
  readResource(server: string, uri: string): Promise<string>;
}

/** What a recall looks in. */
export interface RecallOptions {
  /** @defaultValue 'agent_memory' */
  collection?: MemoryCollection;
  /** @defaultValue 5 */
  k?: number;
  /** Only memories about this person, e.g. a commenter's handle. */
  counterpart?: string;
}

/**
 * The running agent's memory, bound to the run: it recalls only the agent's own memories (its
 * tenant's), and every recall is traced with the ids it returned. Writing back is not a skill's
 * business: approved effects and engagement reads do it (swarm/agent-memory.ts).
 */
export interface SkillMemory {
  /** The memories nearest in meaning to `query`, most similar first. */
  recall(query: string, options?: RecallOptions): Promise<RecalledMemory[]>;
}

/** Everything a skill may know about the run it is part of. Read-only; no store access. */
export interface SkillContext {
  taskId: string;
  campaignId: string;
  agentId: string;
  /** 1-based attempt number. */
  attempt: number;
  specId: string;
  /** Reasons a Judge or reviewer gave when the previous attempt was rejected. */
  feedback: readonly string[];
  /** Aborted when the skill's time is up, its lease is lost, or the worker shuts down. */
  signal: AbortSignal;
  /** The only way out: MCP tools and resources, checked and traced by the hub. */
  tools: SkillTools;
  /** The configured text model (offline unless CHIMERA_MODEL names a hosted one). */
  model: LanguageModel;
  /** The agent's long-term memory, for context: who it is comes from its persona, this is what it remembers. */
  memory: SkillMemory;
}

/** The run a tool call or model call belongs to: its agent pays, its task is traced. */
export interface SkillRun {
  agentId: string;
  specId: string;
  taskId: string;
  campaignId: string;
  attempt: number;
  /**
   * The run's signal: aborted when its time is up, its lease is lost or the worker stops. Every
   * tool and model call of the run carries it, so none starts (or is paid for) after that.
   */
  signal?: AbortSignal | undefined;
}

/**
 * What the runtime lends every skill run: tools and a model bound to the run, so each call is
 * traced with it and its cost is charged to the run's agent (see CostGovernor).
 */
export interface SkillServices {
  toolsFor(run: SkillRun): SkillTools;
  modelFor(run: SkillRun): LanguageModel;
  memoryFor(run: SkillRun): SkillMemory;
}

/** A skill's answer: an output for the Judge and the skill's own confidence in it (0..1). */
export interface SkillOutcome<Output> {
  output: Output;
  confidence: number;
}

/** The side effect an approved output authorizes. It is recorded once per task. */
export interface SkillEffect<Output> {
  /** A name for the kind of effect, e.g. 'announcement'. */
  kind: string;
  /** The effect's payload, derived from the approved output. */
  payload(output: Output): unknown;
  /**
   * True when the effect acts outside the database (publishing): it is then performed after the
   * approval commits, by the EffectPerformer registered for its kind, exactly once by its key.
   */
  external?: boolean;
}

/** A skill. `run` must not perform side effects: those wait for an approve verdict. */
export interface Skill<Input = unknown, Output = unknown> {
  readonly specificationVersion: 'chimera.skill.v1';
  /** Dotted name, used as the task type: 'core.outline'. */
  readonly name: string;
  /** The spec section this skill implements, e.g. 'SK-CORE-001'. */
  readonly specId: string;
  readonly description: string;
  readonly inputSchema: z.ZodType<Input>;
  readonly outputSchema: z.ZodType<Output>;
  /** Worked examples of the contract; `chimera skills validate` checks each against the schemas. */
  readonly examples?: ReadonlyArray<{ input: unknown; output: unknown }>;
  /** Longest a run may take, in milliseconds. Default 30 000. */
  readonly timeoutMs?: number;
  readonly effect?: SkillEffect<Output>;
  /** The words an audience would see in an output; content policies (sensitive topics) read this. */
  publicText?(output: Output): string;
  /**
   * For skills whose effect pays from the agent's wallet: what the task will pay. The Planner
   * reads the wallet's balance before queueing the task, and holds it while the balance is short.
   */
  walletSpend?(input: Input): Money;
  /** For reply skills: each incoming message with the reply drafted to it (the honesty check). */
  exchanges?(output: Output): Array<{ incoming: string; reply: string }>;
  /** For visual skills: the character reference asked for and the one rendered (the lock). */
  characterReferences?(
    input: Input,
    output: Output,
  ): { expected?: string | undefined; actual?: string | undefined };
  run(input: Input, context: SkillContext): Promise<SkillOutcome<Output>>;
}

/** A skill of any input and output, as the registry holds it. */
// biome-ignore lint/suspicious/noExplicitAny: the registry erases each skill's own types.
export type AnySkill = Skill<any, any>;

/** Declares a skill with its input and output types inferred from its schemas. */
export function defineSkill<InputSchema extends z.ZodType, OutputSchema extends z.ZodType>(
  skill: Omit<
    Skill<z.output<InputSchema>, z.output<OutputSchema>>,
    'specificationVersion' | 'inputSchema' | 'outputSchema'
  > & { inputSchema: InputSchema; outputSchema: OutputSchema },
): Skill<z.output<InputSchema>, z.output<OutputSchema>> {
  return { specificationVersion: 'chimera.skill.v1', ...skill } as Skill<
    z.output<InputSchema>,
    z.output<OutputSchema>
  >;
}
