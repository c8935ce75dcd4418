// The storage port: narrow repositories over the canonical PostgreSQL state, plus a unit of work.
// Implementations live in ./postgres. No connection or transaction type leaks through here.

import type { Role } from '../domain/actor.js';
import type { Agent } from '../domain/agent.js';
import type { Campaign, CampaignSpec, CampaignStatus } from '../domain/campaign.js';
import type { CampaignRun, CampaignRunStatus } from '../domain/campaign-run.js';
import type { DecidedEscalation } from '../domain/judge-agreement.js';
import type { LedgerEntry } from '../domain/ledger-entry.js';
import type { MemoryCollection } from '../domain/memory.js';
import type { HandshakePhase, SignedQuote, SignedReceipt } from '../domain/network/handshake.js';
import type { PeerStatus, SignedHeartbeat } from '../domain/network/heartbeat.js';
import type { ReputationEvidence } from '../domain/network/reputation.js';
import type { TaskDraft } from '../domain/plan.js';
import type { Review, ReviewKind } from '../domain/review.js';
import type { Task } from '../domain/task.js';
import type { TaskAction } from '../domain/task-state-machine.js';
import type { TaskStatus } from '../domain/task-status.js';
import type { TraceEvent } from '../domain/trace-event.js';
import type { TrendObservation } from '../domain/trend-drift.js';
import type { VerdictDecision } from '../domain/verdict.js';

/** Agents: identity and status. */
export interface AgentRepository {
  upsert(agent: Agent): Promise<void>;
  get(id: string): Promise<Agent | undefined>;
  list(): Promise<Agent[]>;
  /** Which of `ids` are frozen, in one query. */
  listFrozen(ids: readonly string[]): Promise<string[]>;
}

/** Campaigns. Only the Planner calls `updateStatus`. */
export interface CampaignRepository {
  /** Inserts a campaign of `tenant_id` (default: the 'default' tenant). */
  insert(campaign: {
    id: string;
    spec: CampaignSpec;
    tenant_id?: string;
    next_run_at: Date | null;
  }): Promise<Campaign>;
  get(id: string): Promise<Campaign | undefined>;
  list(filter?: { statuses?: CampaignStatus[] }): Promise<Campaign[]>;
  /** Sets the status when the stored `state_version` still equals `expectedVersion`. */
  updateStatus(id: string, expectedVersion: number, status: CampaignStatus): Promise<Campaign>;
  /** Sets when the next run is due (null: none), under `expectedVersion` like a status write. */
  setNextRunAt(id: string, expectedVersion: number, nextRunAt: Date | null): Promise<Campaign>;
  /**
   * Active campaigns whose next run is due at `now` and may start (no open run in its way),
   * most overdue first.
   */
  listDue(now: Date, limit: number): Promise<string[]>;
}

/** A campaign's runs: one per occurrence of its schedule. */
export interface CampaignRunRepository {
  /**
   * Starts the campaign's next run (seq counting up) for the occurrence `scheduled_for`. Throws
   * VersionConflict when that occurrence already has its run: another process started it.
   */
  insert(run: {
    id: string;
    campaign_id: string;
    scheduled_for: Date;
    folded: number;
    started_at: Date;
  }): Promise<CampaignRun>;
  /** The campaign's runs, newest first. */
  listByCampaign(campaignId: string, limit: number): Promise<CampaignRun[]>;
  /** Settles a running run; a run already settled is left as it is. */
  finish(id: string, status: Exclude<CampaignRunStatus, 'running'>, at: Date): Promise<void>;
  /** Cancels every running run of the campaign (the campaign was cancelled). */
  cancelOpen(campaignId: string, at: Date): Promise<void>;
}

/** Fields a transition may set alongside the new status. */
export interface TaskPatch {
  input?: unknown;
  output?: unknown;
  feedback?: string[];
  attempt?: number;
  assigned_worker_id?: string | null;
  lease_expires_at?: Date | null;
  run_at?: Date | null;
  dispatched_at?: Date | null;
  error_code?: string | null;
  hold_reason?: string | null;
}

/** Tasks. Every status change goes through `transition`, which checks `state_version`. */
export interface TaskRepository {
  insertMany(campaignId: string, drafts: readonly TaskDraft[]): Promise<void>;
  get(id: string): Promise<Task | undefined>;
  /** The campaign's tasks; with `openRuns`, only those of its runs still running. */
  listByCampaign(campaignId: string, filter?: { openRuns?: boolean }): Promise<Task[]>;
  /** Notes why a pending task is held back (null: it is not); no state change, no version. */
  setHoldReason(taskId: string, reason: string | null): Promise<void>;
  /** Active campaigns with a held task, for the sweep that has the Planner look again. */
  campaignsWithHeldTasks(): Promise<string[]>;
  /**
   * Applies `action` (or a chain of actions, e.g. submit → approve → complete) to `task` as read:
   * the state machine checks every step and picks the final status, and the store writes it in
   * one UPDATE only if `state_version` is unchanged, adding one per step. Throws VersionConflict
   * for a stale writer and IllegalTransition for a move the machine refuses.
   */
  transition(
    task: Task,
    action: TaskAction | readonly TaskAction[],
    patch?: TaskPatch,
  ): Promise<Task>;
  /**
   * Claims a queued task for a worker in one statement, recording the `task-start` trace event
   * with it. The guard is the status itself: only a `queued` task can be claimed, so a stale or
   * duplicate job finds nothing and gets undefined.
   */
  claim(
    taskId: string,
    claim: { workerId: string; leaseExpiresAt: Date },
  ): Promise<Task | undefined>;
  /**
   * Extends the lease of `task` (as claimed: its id and attempt) to `leaseExpiresAt` while it is
   * still running for `workerId`. False when it is not: the reaper re-queued it and maybe another
   * worker claimed it. Leaves `state_version` alone, so the holder's next transition still holds.
   */
  renewLease(
    task: Pick<Task, 'id' | 'attempt'>,
    lease: { workerId: string; leaseExpiresAt: Date },
  ): Promise<boolean>;
  /** Running tasks whose lease ended before `now`, oldest first, locked against other reapers. */
  claimExpiredLeases(now: Date, limit: number): Promise<Task[]>;
  /**
   * Queued tasks due before `dueBefore` whose last dispatch is older than that too: their job
   * may sit locked by a dead process. Marks them dispatched at `now` and returns them.
   */
  claimStaleDispatches(dueBefore: Date, now: Date, limit: number): Promise<Task[]>;
  /**
   * Active campaigns with Planner work overdue since `before`: a rejected task, a pending task
   * whose dependencies are all approved, or no open task at all (the campaign is to be settled).
   * The wake-up for it may have died with a process or been skipped by racing commits.
   */
  campaignsAwaitingPlanner(before: Date, limit: number): Promise<string[]>;
  /** The most recently updated tasks in `status`, newest first. */
  listByStatus(status: TaskStatus, limit: number): Promise<Task[]>;
  /** Task counts per status, over all campaigns or the given ones. */
  countByStatus(campaignIds?: readonly string[]): Promise<Partial<Record<TaskStatus, number>>>;
}

/** One attempt's result and the Judge's verdict on it. */
export interface ResultRecord {
  task_id: string;
  attempt: number;
  output: unknown;
  confidence: number;
  error_code?: string | undefined;
  error_message?: string | undefined;
  verdict?: VerdictDecision | undefined;
  reasons: string[];
  judged_at?: Date | undefined;
  duration_ms: number;
}

/** Task results, one per attempt. */
export interface ResultRepository {
  record(result: ResultRecord): Promise<void>;
  latest(taskId: string): Promise<ResultRecord | undefined>;
}

/** A review to open: 'content' unless it is a spend the CFO escalated. */
export interface NewReview {
  id: string;
  task_id: string;
  attempt: number;
  reasons: string[];
  kind?: ReviewKind;
  spend_request_id?: string;
}

/** Human reviews. */
export interface ReviewRepository {
  open(review: NewReview): Promise<void>;
  get(id: string): Promise<Review | undefined>;
  listPending(): Promise<Review[]>;
  /** Content reviews a person approved on any of `taskIds`, newest decision first. */
  listApprovedContent(taskIds: readonly string[]): Promise<Review[]>;
  /** Records a decision on a pending review; throws REVIEW_ALREADY_DECIDED otherwise. */
  decide(
    id: string,
    decision: { status: 'approved' | 'rejected'; by: string; reason: string | null },
  ): Promise<Review>;
}

/** An authorized side effect, written once per idempotency key. */
export interface EffectRecord {
  task_id: string;
  kind: string;
  idempotency_key: string;
  payload: unknown;
}

/** A stored effect: `recorded` until an external one is performed. */
export interface StoredEffect extends EffectRecord {
  id: string;
  status: 'recorded' | 'performed';
  attempts: number;
  result: unknown;
}

/** Effects. A second record with the same key is refused, never applied twice. */
export interface EffectRepository {
  /** 'applied' the first time a key is seen; 'duplicate' (and no write) after that. */
  record(effect: EffectRecord): Promise<'applied' | 'duplicate'>;
  listByTask(taskId: string): Promise<EffectRecord[]>;
  count(): Promise<number>;
  get(id: string): Promise<StoredEffect | undefined>;
  /** Counts one more attempt to perform the effect; returns the attempts so far (this one too). */
  countAttempt(id: string): Promise<number>;
  /** Marks a recorded effect performed with the outside world's answer; false if it already was. */
  markPerformed(id: string, result: unknown): Promise<boolean>;
  /** Ids of effects still to perform, recorded before `before`, oldest first. */
  listUnperformed(before: Date, limit: number): Promise<string[]>;
  /** Ids of the campaign's tasks whose effect is still to perform. */
  tasksAwaitingEffects(campaignId: string): Promise<string[]>;
}

/** The trace. */
export interface TraceRepository {
  write(events: readonly TraceEvent[]): Promise<void>;
  listByTask(taskId: string): Promise<Array<TraceEvent & { at: Date }>>;
  /**
   * Deletes trace events, and live-feed events (api_events, kept for clients resuming with
   * Last-Event-ID), older than `before`; returns how many of each.
   */
  prune(before: Date): Promise<{ traceEvents: number; liveEvents: number }>;
}

/** Who did what, for people: every mutation a person or a token makes, and the runtime's prunes. */
export interface AuditRepository {
  write(entry: {
    /** A token ('token:<id>'), a session, or the OS user at the local CLI. */
    actor: string;
    /** The tenant it happened in; null for runtime housekeeping that spans tenants. */
    tenant_id?: string | null;
    action: string;
    subject_type: string;
    subject_id: string;
    /** What changed: by convention `{ before, after }` summaries, plus context. */
    detail?: Record<string, unknown>;
  }): Promise<void>;
}

/** Names of the jobs the dispatcher runs. */
export type JobName = 'run_task' | 'plan_campaign' | 'perform_effect' | 'remember';

/** A job to dispatch once the surrounding transaction commits. */
export interface JobRequest {
  name: JobName;
  payload: Record<string, unknown>;
  /** Not before this time. Default: now. */
  runAt?: Date;
  /** Smaller runs first. Default 0. */
  priority?: number;
  /** Jobs sharing a queue name run one at a time. */
  queueName?: string;
  /** Collapses repeated requests into one pending (unlocked) job. */
  jobKey?: string;
  /** With `jobKey`: 'replace' takes the new run_at; 'preserve_run_at' keeps the pending one. */
  jobKeyMode?: 'replace' | 'preserve_run_at';
}

/** The dispatch queue as seen from a transaction: an add commits with the state beside it. */
export interface JobQueue {
  add(job: JobRequest): Promise<void>;
  /** Jobs called `name` not yet tried, or running now. */
  countWaiting(name: JobName): Promise<number>;
}

/** A published piece of content, with where it went. */
export interface PublishedContent {
  agent_id: string;
  campaign_id: string;
  format: 'text' | 'image' | 'video';
  caption: string;
  media_url: string | null;
  platform: string;
  post_id: string;
  url: string;
}

/** A trend as the Scout reported it, for the trends table. */
export interface TrendRecord {
  id: string;
  topic: string;
  volume: number;
  sentiment_score: number;
  rising_velocity: number;
  platforms: string[];
  first_seen: string;
  sources: string[];
}

/** Engagement counters read from a platform. */
export interface EngagementCounts {
  views: number;
  likes: number;
  comments: number;
  shares: number;
}

/** A published post with engagement reads due: which, and where to read them. */
export interface DueEngagementRead {
  content_id: string;
  agent_id: string;
  campaign_id: string;
  platform: string;
  post_id: string;
  /** What the post said (content_pipeline.caption). */
  caption: string;
  /** The reads due now, by label ('1h', '6h', ...), earliest first. */
  due: string[];
  /** The strategy choice the item was made with, if any: its engagement rewards it. */
  strategy_choice: unknown;
}

/** An agent's stored strategy state, with the version its next write must name. */
export interface StoredStrategy {
  state: unknown;
  version: number;
}

/** Agents' learning strategies (bandit states), written under a version like tasks. */
export interface StrategyRepository {
  get(agentId: string): Promise<StoredStrategy | undefined>;
  /**
   * Writes `state` when the stored version is still `expectedVersion` (undefined: none stored
   * yet); throws VersionConflict otherwise.
   */
  save(agentId: string, state: unknown, expectedVersion: number | undefined): Promise<void>;
}

/**
 * The content record: trends, content_pipeline rows moving brief → asset → published with their
 * video_metadata (platform ids, latest metrics), and each post's engagement time series.
 */
export interface ContentRepository {
  /**
   * Adds the trends the Scout reported for `agentId`, observed at `observedAt` (the Planner's
   * clock). A trend seen before takes the new measures and observed_at; it keeps its first
   * reporter and the earliest first_seen.
   */
  recordTrends(agentId: string, trends: readonly TrendRecord[], observedAt: Date): Promise<void>;
  /** The latest observation of the trend content item `contentId`'s brief is about, if recorded. */
  trendOf(contentId: string): Promise<TrendObservation | undefined>;
  /**
   * Starts (or, re-planned, rewrites) content item `content_id` at stage 'brief', with the
   * strategy choice it was written with, if any.
   */
  recordBrief(brief: {
    content_id: string;
    agent_id: string;
    campaign_id: string;
    trend_id: string;
    format: 'text' | 'image' | 'video';
    brief: unknown;
    strategy_choice: unknown;
  }): Promise<void>;
  /** Moves content item `content_id` to stage 'asset'; false when there is no such item. */
  recordAsset(asset: {
    content_id: string;
    format: 'text' | 'image' | 'video';
    caption: string;
    media_url: string | null;
  }): Promise<boolean>;
  /**
   * Moves content item `content_id` to 'published' (or, without one, records a new item) with its
   * video_metadata row; returns the item's id.
   */
  recordPublished(
    content: PublishedContent & { content_id?: string | undefined; published_at: Date },
  ): Promise<string>;
  /**
   * Published posts with a read of `reads` due at `now` and not yet made, oldest first. A read
   * more than a week overdue is dropped.
   */
  listDueEngagementReads(
    now: Date,
    reads: ReadonlyArray<{ label: string; afterMs: number }>,
    limit: number,
  ): Promise<DueEngagementRead[]>;
  /** Stores `counts` as the points `labels` of the post, and as its latest metrics. */
  recordEngagement(
    contentId: string,
    labels: readonly string[],
    counts: EngagementCounts,
    readAt: Date,
  ): Promise<void>;
  listPublished(agentId?: string): Promise<Array<PublishedContent & { content_id: string }>>;
  /** The agent's published captions since `since`, newest first. */
  listRecentCaptions(agentId: string, since: Date): Promise<RecentCaption[]>;
}

/** A published post's caption and when it was recorded, for repeat checks. */
export interface RecentCaption {
  content_id: string;
  caption: string;
  published_at: Date;
}

/** An approval to commit at once: the task's moves, its output, result, effect and trace. */
export interface ApprovalRecord {
  /** The task as read; its `state_version` guards the write. */
  task: Task;
  /** The moves to approval and completion, e.g. ['submit', 'approve', 'complete']. */
  actions: readonly TaskAction[];
  output: unknown;
  /** The Judge's result row, when the Judge approved; absent for a person's approval. */
  result?: ResultRecord;
  /**
   * The effect the approval authorizes, recorded under the task's idempotency key. An external
   * one is recorded as to-perform and its perform_effect job is queued with it.
   */
  effect?: { kind: string; payload: unknown; external: boolean };
  /** Trace events written with it (an `effect-apply` event is added for the effect). */
  events: readonly TraceEvent[];
}

/** What an approval commit did. */
export interface CommittedApproval {
  task: Task;
  effect: 'applied' | 'duplicate' | 'none';
  /** True when a task depends on this one, or no other task of the campaign is open. */
  wakesPlanner: boolean;
  /** The recorded effect's id, when one was recorded by this commit. */
  effectId?: string | undefined;
}

/** Approvals: the hot path, written as one atomic statement. */
export interface ApprovalWriter {
  /** Commits `record`; throws VersionConflict (and writes nothing) when the task moved. */
  commit(record: ApprovalRecord): Promise<CommittedApproval>;
}

/** Every repository, bound to one connection or transaction. */
/** A budget row's identity: one agent's period and category. */
export interface BudgetKey {
  period: 'daily' | 'weekly' | 'monthly';
  /** The period's first local date, 'YYYY-MM-DD'. */
  period_start: string;
  /** A spend type, or 'all'. */
  category: string;
}

/** A budget row, in micro-USDC. */
export interface BudgetRow extends BudgetKey {
  limit: bigint;
  spent: bigint;
  reserved: bigint;
}

export type SpendRequestStatus = 'reserved' | 'settled' | 'released' | 'rejected';

/** A spend request as first decided; the decision is returned again for the same id. */
export interface StoredSpendRequest {
  request_id: string;
  agent_id: string;
  request_type: string;
  /** In the request's currency's minor units. */
  amount: string;
  currency: string;
  task_id: string | null;
  status: SpendRequestStatus;
  decision: {
    decision: 'approve' | 'escalate' | 'reject';
    reasons: string[];
    risk_score: number;
    roi?: number;
    signature: string;
    cfo_key_id: string;
    decided_at: string;
  };
  /** Micro-USDC held by the reservation. */
  budget_amount: bigint;
  budget_keys: BudgetKey[];
  reserved_until: Date | null;
}

/** What a new request row holds. */
export interface NewSpendRequest {
  request_id: string;
  agent_id: string;
  request_type: string;
  amount: string;
  currency: string;
  budget_amount: bigint;
  projected_revenue: string | null;
  counterparty: string | null;
  justification: string;
  task_id: string | null;
  decision: StoredSpendRequest['decision'];
  status: SpendRequestStatus;
  budget_keys: BudgetKey[];
  reserved_until: Date | null;
  /** Groups one task's requests for one priced call (see CostGovernor). */
  cost_key?: string;
}

/** The CFO's storage; every method runs in the caller's transaction. */
export interface CfoRepository {
  /** Serializes work on one request id until the transaction ends. */
  lockRequest(requestId: string): Promise<void>;
  getRequest(requestId: string): Promise<StoredSpendRequest | undefined>;
  insertRequest(request: NewSpendRequest): Promise<void>;
  /** Moves a request from one status to another; false when it was not in `from`. */
  setRequestStatus(
    requestId: string,
    from: SpendRequestStatus,
    to: SpendRequestStatus,
  ): Promise<boolean>;
  /** Creates missing budget rows with their limits, then locks and returns them in key order. */
  lockBudgets(
    agentId: string,
    wanted: ReadonlyArray<BudgetKey & { limit: bigint }>,
  ): Promise<BudgetRow[]>;
  adjustBudgets(
    agentId: string,
    keys: readonly BudgetKey[],
    change: { spent: bigint; reserved: bigint },
  ): Promise<void>;
  /** Replaces a request's decision (a person decided an escalation) and its status and hold. */
  redecide(
    requestId: string,
    change: {
      decision: StoredSpendRequest['decision'];
      status: SpendRequestStatus;
      reserved_until: Date | null;
    },
  ): Promise<void>;
  /** The newest request with `costKey`, and how many there are. */
  latestByCostKey(
    costKey: string,
  ): Promise<{ latest: StoredSpendRequest | undefined; count: number }>;
  /** The agent's requests of `requestType` since `since`. */
  countRequestsSince(agentId: string, requestType: string, since: Date): Promise<number>;
  /** True when the agent has a settled spend to `counterparty`. */
  hasPaid(agentId: string, counterparty: string): Promise<boolean>;
  expiredReservations(now: Date, limit: number): Promise<string[]>;
  /** Appends the entry `link` builds on the current head, under the ledger's lock. */
  appendLedger(
    link: (previous: Pick<LedgerEntry, 'seq' | 'entry_hash'> | undefined) => LedgerEntry,
  ): Promise<LedgerEntry>;
  listLedger(): Promise<LedgerEntry[]>;
  /** Each agent's latest budget row per period and category: of one agent, or of a tenant's. */
  listCurrentBudgets(
    agentId?: string,
    tenantId?: string,
  ): Promise<Array<BudgetRow & { agent_id: string }>>;
}

/** An API token as stored: never its secret, only the secret's hash (not returned). */
export interface StoredApiToken {
  id: string;
  tenant_id: string;
  role: Role;
  /** The agent it acts as; MCP spends are charged to it. */
  agent_id: string | null;
  name: string;
  created_by: string;
  created_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
}

/** A token to insert, with the hash of its secret. */
export interface NewApiToken extends Omit<StoredApiToken, 'created_at' | 'revoked_at'> {
  secret_hash: string;
}

/** Tenants, tokens, login links and browser sessions; lookups are by the SHA-256 of a secret. */
export interface AccessRepository {
  /** Creates the tenant unless it exists. */
  ensureTenant(id: string, name: string): Promise<void>;
  tenantExists(id: string): Promise<boolean>;
  insertToken(token: NewApiToken): Promise<StoredApiToken>;
  /** The live (not expired, not revoked) token with this secret hash. */
  tokenBySecret(secretHash: string, now: Date): Promise<StoredApiToken | undefined>;
  listTokens(tenantId: string): Promise<StoredApiToken[]>;
  /** Revokes a live token of the tenant; undefined when there is none with that id. */
  revokeToken(tenantId: string, id: string, at: Date): Promise<StoredApiToken | undefined>;
  insertLoginLink(link: { secret_hash: string; token_id: string; expires_at: Date }): Promise<void>;
  /** Marks an unused, unexpired link used (once: a second redeem finds nothing); its live token. */
  redeemLoginLink(secretHash: string, now: Date): Promise<StoredApiToken | undefined>;
  insertSession(session: {
    secret_hash: string;
    token_id: string;
    csrf_token: string;
    expires_at: Date;
  }): Promise<void>;
  /** A live session and its live token (revoking the token ends its sessions). */
  sessionBySecret(
    secretHash: string,
    now: Date,
  ): Promise<{ token: StoredApiToken; csrf_token: string; expires_at: Date } | undefined>;
}

/** Which tasks to list. */
export interface TaskFilter {
  campaignId?: string | undefined;
  campaignRunId?: string | undefined;
  agentId?: string | undefined;
  status?: TaskStatus | undefined;
  limit: number;
}

/**
 * A published post with its lineage, as the operator surfaces show it: the trend it was about,
 * its brief, and its engagement (the latest read, and every read as a time series).
 */
export interface PostView extends Omit<PublishedContent, 'campaign_id'> {
  content_id: string;
  campaign_id: string | null;
  engagement: Record<string, unknown>;
  published_at: Date;
  trend: {
    id: string;
    topic: string;
    volume: number;
    rising_velocity: number;
    first_seen: Date;
  } | null;
  brief_id: string | null;
  engagement_series: Array<EngagementCounts & { read_after: string; read_at: Date }>;
}

/** A review with what a reviewer needs to decide. */
export interface ReviewItem {
  review: Review;
  task: Task;
  /** The result under review: the task's latest attempt. */
  result: ResultRecord | undefined;
  /** For a spend review: the request the CFO escalated (amount, type, its reasons). */
  spend?: StoredSpendRequest | undefined;
}

/** A campaign with its tasks counted by status. */
export interface CampaignProgress {
  campaign: Campaign;
  tasks: Partial<Record<TaskStatus, number>>;
}

/** An agent with what the fleet view shows of it. */
export interface FleetAgentRow {
  agent: Agent;
  /** Its open tasks (pending to awaiting review) in active campaigns, by status. */
  open_tasks: Partial<Record<TaskStatus, number>>;
  last_post_at: Date | null;
  /** Its latest daily budget for all categories (micro-USDC), when it has one. */
  daily: { spent: bigint; limit: bigint } | null;
}

/** The fleet at a glance: the tenant's agents, by id, and its reviews waiting for a person. */
export interface FleetView {
  agents: FleetAgentRow[];
  reviews_waiting: number;
}

/**
 * The reads behind the operator surfaces, each scoped to one tenant: an object of another tenant
 * is never returned. Agents and campaigns carry their tenant; the rest belong through them.
 */
export interface TenantViewRepository {
  listAgents(tenantId: string): Promise<Agent[]>;
  getAgent(tenantId: string, id: string): Promise<Agent | undefined>;
  /** Newest first. */
  listCampaigns(tenantId: string, limit: number): Promise<Campaign[]>;
  /** Newest first, each with its tasks counted by status, in one query. */
  listCampaignProgress(tenantId: string, limit: number): Promise<CampaignProgress[]>;
  getCampaign(tenantId: string, id: string): Promise<Campaign | undefined>;
  countTasksByCampaign(
    tenantId: string,
    campaignIds: readonly string[],
  ): Promise<Map<string, Partial<Record<TaskStatus, number>>>>;
  /** Most recently changed first. */
  listTasks(tenantId: string, filter: TaskFilter): Promise<Task[]>;
  getTask(tenantId: string, id: string): Promise<Task | undefined>;
  /** Oldest first, each with its task, latest result and spend request, in one query. */
  listReviewItems(
    tenantId: string,
    filter: { status?: Review['status'] | undefined; limit: number },
  ): Promise<ReviewItem[]>;
  getReview(tenantId: string, id: string): Promise<Review | undefined>;
  /** Whether a task of the tenant produced the stored media file `name` (in a result's output). */
  producedMedia(tenantId: string, name: string): Promise<boolean>;
  /** Content reviews (Judge escalations) a person decided since `since`, with their confidence. */
  listDecidedEscalations(tenantId: string, since: Date): Promise<DecidedEscalation[]>;
  /** Newest first. */
  listPosts(
    tenantId: string,
    filter: { agentId?: string | undefined; limit: number },
  ): Promise<PostView[]>;
  /** The fleet view, in one query. */
  fleetView(tenantId: string): Promise<FleetView>;
  /** The ledger entries (by seq) of the tenant's agents. */
  ledgerSeqs(tenantId: string): Promise<Set<number>>;
  /** Effects recorded for the tenant's tasks. */
  countEffects(tenantId: string): Promise<number>;
  /** Posts the tenant's agents published. */
  countPosts(tenantId: string): Promise<number>;
  /** Freezes (or unfreezes) every agent of the tenant; returns the ids it changed. */
  freezeAll(tenantId: string, frozen: boolean): Promise<string[]>;
}

/** One entry of the live event feed: a task state change, a review, a spend, a post or a revoked token. */
export interface ApiEvent {
  /** Increasing; the SSE event id a client resumes from. */
  id: number;
  kind:
    | 'task-state'
    | 'review-opened'
    | 'review-decided'
    | 'spend'
    | 'post-published'
    | 'token-revoked';
  subject_id: string;
  data: Record<string, unknown>;
  at: Date;
}

/**
 * The live event feed: events are appended by the database itself as state changes commit, and
 * every process hears of them. Not bound to a transaction, so it is not part of Store.
 */
export interface EventFeed {
  /** The tenant's events after `afterId`, oldest first. */
  since(tenantId: string, afterId: number, limit: number): Promise<ApiEvent[]>;
  /** The id of the tenant's latest event (0 when none). */
  latestId(tenantId: string): Promise<number>;
  /** Calls `listener` with a tenant id whenever that tenant has new events; returns the undo. */
  subscribe(listener: (tenantId: string) => void): Promise<() => void>;
  close(): Promise<void>;
}

/** A memory to store: a text, what it is about, and the embedding of the text. */
export interface NewMemory {
  id: string;
  tenant_id: string;
  /** An agent of `tenant_id`. */
  agent_id: string;
  collection: MemoryCollection;
  text: string;
  metadata: Record<string, unknown>;
  /** The model that made `embedding`: a search compares only embeddings of the same model. */
  embedding_model: string;
  embedding: readonly number[];
}

/** A stored memory a search found, with the cosine similarity of its embedding to the query's. */
export interface MemoryMatch extends Omit<NewMemory, 'embedding'> {
  created_at: Date;
  /** From -1 to 1; 1 is the same direction. */
  similarity: number;
}

/** What a memory search looks in and for: one agent's collection, by a query's embedding. */
export interface MemorySearch {
  tenantId: string;
  agentId: string;
  collection: MemoryCollection;
  /** The model that embedded the query; only memories it embedded are compared. */
  embeddingModel: string;
  embedding: readonly number[];
  /** How many memories to return at most. */
  limit: number;
  /** Only memories about this person (their `metadata.counterpart`), e.g. a commenter's handle. */
  counterpart?: string | undefined;
}

/**
 * Agents' long-term semantic memory. A search sees only the memories of its tenant, agent,
 * collection and embedding model. Where the database has pgvector, 512-dimension embeddings are
 * searched through its HNSW index (approximate nearest neighbours); everything else is an exact
 * scan of the agent's collection.
 */
export interface MemoryRepository {
  /**
   * Stores the memories, a thousand rows per statement. A memory whose id is already stored is
   * left as it is, so a writer that derives ids from what it remembers may write again safely.
   */
  insert(memories: readonly NewMemory[]): Promise<void>;
  /** Which of `ids` are stored. */
  existing(ids: readonly string[]): Promise<string[]>;
  /** The `limit` memories most similar to the query, most similar first. */
  search(search: MemorySearch): Promise<MemoryMatch[]>;
}

/** A peer of the agent network as its latest accepted heartbeat describes it. */
export interface NetworkPeer {
  /** Its key's JWK thumbprint. */
  node_id: string;
  /** Its Ed25519 public key (OKP JWK), the one its heartbeats verify under. */
  public_jwk: Record<string, unknown>;
  endpoint: string;
  /** Skill names it offers. */
  capabilities: string[];
  /** 0–100, as the node stated it. */
  reputation_score: number;
  status: PeerStatus;
  /** When its latest heartbeat was issued (the node's clock). */
  issued_at: Date;
  /** When that heartbeat stops keeping it listed: issued_at plus the TTL. */
  expires_at: Date;
  /** When its first accepted heartbeat was received (the receiver's clock). */
  first_seen: Date;
  /** When its latest accepted heartbeat was received (the receiver's clock). */
  last_seen: Date;
}

/** A registered peer with its latest heartbeat as received, so it can be verified again. */
export interface StoredPeer extends NetworkPeer {
  signed: SignedHeartbeat;
}

/**
 * The network registry within one deployment: one row per node, its latest accepted heartbeat.
 * Deployment-wide, not per tenant: every tenant sees the same peers. It stores what it is given;
 * the signature and timing are checked before (network/discovery/heartbeat-registry.ts). Rows
 * stay after they expire (the node's key stays registered); reads list only live ones.
 */
export interface NetworkRepository {
  /**
   * Records a verified heartbeat received at `receivedAt`, only if it was issued later than the
   * node's stored one: true when written, false when a heartbeat as recent is already there (a
   * replay, or another process recorded a newer one first).
   */
  recordHeartbeat(signed: SignedHeartbeat, receivedAt: Date): Promise<boolean>;
  /** Peers whose heartbeat is live at `now`, with `capability` if given; highest reputation first. */
  listLive(now: Date, filter?: { capability?: string | undefined }): Promise<NetworkPeer[]>;
  /** The node's registration, live or expired. */
  get(nodeId: string): Promise<StoredPeer | undefined>;
  /**
   * Records that `signer` used `nonce`, kept until `expiresAt`: true the first time, false when it
   * was used before (a replay). Of two racing claims, one wins.
   */
  claimNonce(signer: string, nonce: string, expiresAt: Date): Promise<boolean>;
  /** Forgets nonces kept until before `now`; returns how many. */
  purgeNonces(now: Date): Promise<number>;
  /** Puts the node to sleep (its /a2a answers 503) or wakes it; true when that changed anything. */
  setSleeping(nodeId: string, sleeping: boolean, actor: string, at: Date): Promise<boolean>;
  /** Since when the node sleeps, or undefined when it is awake. */
  sleepingSince(nodeId: string): Promise<Date | undefined>;
  /**
   * What a node's reputation is computed from, since `since`: the heartbeats the registry
   * accepted from it, and the hires it provided that finished (settled or refunded), with the
   * durations and qualities of those that settled.
   */
  reputationEvidence(nodeId: string, since: Date): Promise<ReputationEvidence>;
  /** Stores a recomputed reputation with what it was made of, and forgets beats before `forgetBefore`. */
  recordReputation(
    nodeId: string,
    at: Date,
    reputation: { score: number; inputs: object; components: Record<string, number> },
    forgetBefore: Date,
  ): Promise<void>;
  /** The node's latest stored reputation score, if any. */
  latestReputation(nodeId: string): Promise<number | undefined>;
}

/** One side's record of a hire between nodes (migration 0018, domain/network/handshake.ts). */
export interface Handshake {
  role: HandshakeRole;
  task_id: string;
  /** The other node. */
  counterparty: string;
  /** The hiring agent, on the hirer's side; null on the provider's. */
  tenant_id: string | null;
  agent_id: string | null;
  skill: string;
  input: Record<string, unknown>;
  phase: HandshakePhase;
  /** The quote with its signature, once made. */
  quote: SignedQuote | null;
  /** The hirer's CFO spend request holding the escrow. */
  escrow_request_id: string | null;
  result: Record<string, unknown> | null;
  receipt: SignedReceipt | null;
  failure: string | null;
  state_version: number;
  created_at: Date;
  updated_at: Date;
}

export type HandshakeRole = 'provider' | 'hirer';

/** What a handshake's phase move writes besides the phase. */
export type HandshakeChange = Partial<
  Pick<Handshake, 'quote' | 'escrow_request_id' | 'result' | 'receipt' | 'failure'>
> & { phase: HandshakePhase };

/**
 * The handshakes between nodes, each side's record keyed by its role and the A2A task id, and
 * the provider's A2A tasks as the SDK saves them. Deployment-wide: a hirer's record names its
 * agent and tenant.
 */
export interface HandshakeRepository {
  /** Inserts `handshake` unless its (role, task_id) exists; returns the stored record either way. */
  open(handshake: Omit<Handshake, 'state_version' | 'updated_at'>): Promise<Handshake>;
  get(role: HandshakeRole, taskId: string): Promise<Handshake | undefined>;
  /**
   * Moves a record from `version` to `change.phase`: false when another writer moved it first
   * (its state_version is no longer `version`).
   */
  move(
    role: HandshakeRole,
    taskId: string,
    version: number,
    change: HandshakeChange,
    at: Date,
  ): Promise<boolean>;
  /** Records of `role` not finished yet, oldest first. */
  listOpen(role: HandshakeRole, limit: number): Promise<Handshake[]>;
  /** Saves an A2A task's wire JSON for its owner (the node that opened it). */
  saveTask(
    task: { id: string; contextId: string },
    json: Record<string, unknown>,
    owner: string,
    at: Date,
  ): Promise<void>;
  /** The owner's A2A task's wire JSON, if it has one by that id. */
  loadTask(id: string, owner: string): Promise<Record<string, unknown> | undefined>;
}

export interface Store {
  readonly agents: AgentRepository;
  readonly campaigns: CampaignRepository;
  readonly campaignRuns: CampaignRunRepository;
  readonly tasks: TaskRepository;
  readonly results: ResultRepository;
  readonly reviews: ReviewRepository;
  readonly effects: EffectRepository;
  readonly traces: TraceRepository;
  readonly access: AccessRepository;
  readonly tenantViews: TenantViewRepository;
  readonly audit: AuditRepository;
  readonly jobs: JobQueue;
  readonly approvals: ApprovalWriter;
  readonly content: ContentRepository;
  readonly strategies: StrategyRepository;
  readonly cfo: CfoRepository;
  readonly memories: MemoryRepository;
  /** The network registry: deployment-wide, not scoped by tenant. */
  readonly network: NetworkRepository;
  /** Hires between nodes: deployment-wide; a hirer's record names its agent's tenant. */
  readonly handshakes: HandshakeRepository;
  /** Runs `work` in one transaction; inside one already, it joins it. */
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T>;
}
