// What the application services are built from: the store, the swarm's entry points and the
// ports for what lives outside the database (the CFO's key, the wallets). The composition root
// (app/chimera-app.ts) fills it; services never open anything themselves.

import type { KeyObject } from 'node:crypto';
import type { Cfo } from '../commerce/cfo.js';
import type { JudgeThresholds } from '../domain/judge-routing.js';
import type { Money } from '../domain/money.js';
import type { Hirer } from '../network/a2a/hirer.js';
import type { SkillRegistry } from '../skills/skill-registry.js';
import type { EventFeed, Store } from '../store/store.js';
import type { AgentMemory } from '../swarm/agent-memory.js';
import type { GoalPlanner } from '../swarm/goal-planner.js';
import type { Judge } from '../swarm/judge.js';
import type { Planner } from '../swarm/planner.js';
import type { ReviewDesk } from '../swarm/review-desk.js';
import type { TaskWorker } from '../swarm/task-worker.js';

/** An agent's wallet as the wallet backend reports it. */
export interface WalletView {
  agent_id: string;
  address: string;
  /** The backend's kind: 'local' (the sandbox store) or 'agentkit'. */
  wallet: string;
  balances: Array<{ currency: string; balance: string; units: string }>;
}

/** Agents' wallets, through the configured backend. */
export interface Wallets {
  show(agentId: string): Promise<WalletView>;
  /** Credits the local store from the sandbox faucet; refused under a real-money backend. */
  fund(agentId: string, amount: Money): Promise<{ address: string; tx_id: string; balance: Money }>;
}

export interface ServiceDependencies {
  store: Store;
  skills: SkillRegistry;
  planner: Planner;
  /** Drafts a campaign file from a goal in plain language. */
  goalPlanner: GoalPlanner;
  /** Agents' long-term and last-hour memory. */
  memory: AgentMemory;
  reviewDesk: ReviewDesk;
  judge: Judge;
  /** Runs the claim and report of the seed's worker contract (/assign_task, /report_result). */
  worker: TaskWorker;
  cfo(): Promise<Cfo>;
  /** The CFO's public key, to verify the ledger. */
  cfoPublicKey(): Promise<{ publicKey: KeyObject; keyId: string }>;
  wallets: Wallets;
  /** The live event feed (SSE). */
  events: EventFeed;
  /** This node's id in the agent network (its key is created on first use). */
  nodeId(): Promise<string>;
  /** How this node's agents hire other nodes' skills (network/a2a/hirer.ts). */
  hirer(): Promise<Hirer>;
  /**
   * The Judge's configured thresholds (CHIMERA_JUDGE_APPROVE_AT, CHIMERA_JUDGE_ESCALATE_AT), for
   * reports that weigh them; readers get them without opening the Judge.
   */
  judgeThresholds: JudgeThresholds;
  /** Where the media server stores rendered files (config.mediaDirOf). */
  mediaDir: string;
  /** @defaultValue () => new Date() */
  now?: () => Date;
}
