// Kysely table types mirroring migrations/*.sql. Generated-by-hand; keep in step with the SQL.

import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { SignedQuote, SignedReceipt } from '../../domain/network/handshake.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T extends object | null = object> = JSONColumnType<T, string, string>;
/** Any JSON value (objects, arrays, strings, numbers), written as a JSON string. */
type AnyJson = ColumnType<unknown, string, string>;

export interface AgentsTable {
  id: string;
  tenant_id: Generated<string>;
  name: string;
  niche: string;
  persona: Json<Record<string, unknown>>;
  status: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CampaignsTable {
  id: string;
  tenant_id: Generated<string>;
  name: string;
  goal: string;
  agent_ids: string[];
  schedule: Json<Record<string, unknown>>;
  template: AnyJson;
  status: string;
  next_run_at: Date | null;
  state_version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CampaignRunsTable {
  id: string;
  campaign_id: string;
  seq: number;
  scheduled_for: Date;
  folded: Generated<number>;
  status: Generated<string>;
  started_at: Timestamp;
  finished_at: Date | null;
}

export interface TasksTable {
  id: string;
  campaign_id: string;
  campaign_run_id: string;
  agent_id: string;
  step_key: string;
  type: string;
  spec_id: string;
  priority: string;
  deadline: Date | null;
  depends_on: string[];
  has_dependents: boolean;
  input: AnyJson;
  output: AnyJson | null;
  feedback: Json<string[]>;
  status: string;
  attempt: Generated<number>;
  max_attempts: number;
  idempotency_key: string;
  state_version: Generated<number>;
  assigned_worker_id: string | null;
  lease_expires_at: Date | null;
  run_at: Date | null;
  dispatched_at: Date | null;
  error_code: string | null;
  hold_reason: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TaskResultsTable {
  id: Generated<string>;
  task_id: string;
  attempt: number;
  output: AnyJson | null;
  confidence: number;
  error_code: string | null;
  error_message: string | null;
  verdict: string | null;
  verdict_confidence: number | null;
  reasons: Json<string[]>;
  judged_at: Date | null;
  duration_ms: number | null;
  created_at: Timestamp;
}

export interface ReviewsTable {
  id: string;
  task_id: string;
  attempt: number;
  kind: string;
  status: string;
  reasons: Json<string[]>;
  decided_by: string | null;
  decision_reason: string | null;
  created_at: Timestamp;
  decided_at: Date | null;
  spend_request_id: ColumnType<string | null, string | null | undefined, never>;
}

export interface EffectsTable {
  id: Generated<string>;
  task_id: string;
  kind: string;
  idempotency_key: string;
  payload: AnyJson;
  status: Generated<string>;
  attempts: Generated<number>;
  result: AnyJson | null;
  performed_at: Date | null;
  created_at: Timestamp;
}

export interface AuditLogsTable {
  id: Generated<string>;
  at: Timestamp;
  actor: string;
  action: string;
  subject_type: string;
  subject_id: string;
  detail: Json<Record<string, unknown>>;
  tenant_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface TraceEventsTable {
  id: Generated<string>;
  at: Timestamp;
  kind: string;
  spec_id: string;
  campaign_id: string | null;
  task_id: string | null;
  agent_id: string | null;
  attempt: number | null;
  duration_ms: number | null;
  outcome: string;
  detail: Json<Record<string, unknown>>;
}

export interface SandboxPostsTable {
  id: string;
  platform: string;
  author: string;
  text_content: string;
  media_urls: Json<string[]>;
  disclosure_level: string;
  idempotency_key: string;
  audience_labels: AnyJson | null;
  created_at: Timestamp;
}

export interface SandboxMentionsTable {
  id: string;
  platform: string;
  mentioned: string;
  author: string;
  text: string;
  created_at: Timestamp;
}

export interface SandboxRepliesTable {
  id: string;
  mention_id: string;
  author: string;
  text: string;
  idempotency_key: string;
  created_at: Timestamp;
}

export interface ContentPipelineTable {
  id: string;
  agent_id: string;
  campaign_id: string | null;
  trend_source_id: string | null;
  stage: string;
  format: string;
  caption: string | null;
  media_url: string | null;
  brief: AnyJson | null;
  strategy_choice: AnyJson | null;
  published_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TrendsTable {
  id: string;
  agent_id: string | null;
  topic: string;
  volume: number;
  sentiment_score: number;
  rising_velocity: number;
  platforms: string[];
  first_seen: Date | string;
  sources: Json<string[]>;
  /** When a Scout last reported it (migration 0015). */
  observed_at: Date;
  created_at: Timestamp;
}

export interface AgentStrategiesTable {
  agent_id: string;
  state: AnyJson;
  state_version: Generated<number>;
  updated_at: Timestamp;
}

export interface EngagementPointsTable {
  content_id: string;
  read_after: string;
  read_at: Date;
  views: number;
  likes: number;
  comments: number;
  shares: number;
}

export interface VideoMetadataTable {
  id: string;
  content_id: string;
  title: string;
  duration: number | null;
  resolution: string | null;
  video_url: string | null;
  platform_ids: Json<Record<string, string>>;
  engagement_metrics: Json<Record<string, unknown>>;
  updated_at: Timestamp;
}

/** The whole schema as Kysely sees it. */
export interface BudgetTrackingTable {
  agent_id: string;
  period: string;
  period_start: ColumnType<string, string, string>;
  category: string;
  limit_amount: ColumnType<string, string | bigint, string | bigint>;
  spent_amount: ColumnType<string, string | bigint | undefined, string | bigint>;
  reserved_amount: ColumnType<string, string | bigint | undefined, string | bigint>;
  currency: Generated<string>;
  updated_at: Generated<Date>;
}

export interface SpendRequestsTable {
  request_id: string;
  agent_id: string;
  request_type: string;
  amount: ColumnType<string, string, string>;
  currency: string;
  budget_amount: ColumnType<string, string | bigint, string | bigint>;
  projected_revenue: ColumnType<string | null, string | null, string | null>;
  counterparty: string | null;
  justification: string;
  task_id: string | null;
  decision: AnyJson;
  status: string;
  budget_keys: AnyJson;
  reserved_until: ColumnType<Date | null, Date | null, Date | null>;
  cost_key: ColumnType<string | null, string | null | undefined, never>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface LedgerTable {
  seq: ColumnType<string, number | string, never>;
  tx_id: string;
  agent_id: string;
  request_type: string;
  amount: ColumnType<string, string, never>;
  currency: string;
  projected_roi: number | null;
  risk_score: number;
  decision: string;
  reasons: AnyJson;
  approval_signature: string;
  cfo_agent_id: string;
  prev_hash: string;
  entry_hash: string;
  created_at: ColumnType<Date, Date | string, never>;
}

export interface WalletAccountsTable {
  agent_id: string;
  address: string;
  created_at: Generated<Date>;
}

export interface WalletBalancesTable {
  address: string;
  currency: string;
  /** numeric(78, 0) minor units; pg returns it as a string. */
  units: ColumnType<string, string, string>;
  updated_at: Generated<Date>;
}

export interface WalletTransactionsTable {
  tx_id: string;
  idempotency_key: string;
  from_address: string;
  to_address: string;
  amount: ColumnType<string, string, never>;
  currency: string;
  status: string;
  request_digest: string;
  created_at: Generated<Date>;
}

export interface TenantsTable {
  id: string;
  name: string;
  created_at: Timestamp;
}

export interface ApiTokensTable {
  id: string;
  tenant_id: string;
  role: string;
  agent_id: string | null;
  name: string;
  secret_hash: string;
  created_by: string;
  created_at: Timestamp;
  expires_at: Date | null;
  revoked_at: Date | null;
}

export interface LoginLinksTable {
  secret_hash: string;
  token_id: string;
  expires_at: Date;
  used_at: Date | null;
}

export interface BrowserSessionsTable {
  secret_hash: string;
  token_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Date;
}

export interface ApiEventsTable {
  id: Generated<string>;
  tenant_id: string;
  kind: string;
  subject_id: string;
  data: AnyJson;
  at: Timestamp;
}

export interface MemoriesTable {
  id: string;
  tenant_id: string;
  agent_id: string;
  collection: string;
  text: string;
  metadata: Json<Record<string, unknown>>;
  embedding_model: string;
  embedding: number[];
  created_at: Timestamp;
}

export interface NetworkPeersTable {
  node_id: string;
  public_jwk: Json<Record<string, unknown>>;
  endpoint: string;
  capabilities: string[];
  reputation_score: number;
  status: string;
  issued_at: Date;
  expires_at: Date;
  heartbeat: Json<Record<string, unknown>>;
  signature: Json<{ protected: string; signature: string }>;
  first_seen: Date;
  last_seen: Date;
}

export interface NetworkNoncesTable {
  signer: string;
  nonce: string;
  expires_at: Date;
}

export interface NetworkSleepTable {
  node_id: string;
  since: Date;
  actor: string;
}

export interface NetworkBeatsTable {
  node_id: string;
  issued_at: Date;
}

export interface NetworkReputationTable {
  node_id: string;
  computed_at: Date;
  score: number;
  inputs: Json<Record<string, unknown>>;
  components: Json<Record<string, number>>;
}

export interface A2aTasksTable {
  id: string;
  owner: string;
  context_id: string;
  task: Json<Record<string, unknown>>;
  updated_at: Date;
}

export interface NetworkHandshakesTable {
  role: string;
  task_id: string;
  counterparty: string;
  tenant_id: string | null;
  agent_id: string | null;
  skill: string;
  input: Json<Record<string, unknown>>;
  phase: string;
  quote: Json<SignedQuote | null>;
  escrow_request_id: string | null;
  result: Json<Record<string, unknown> | null>;
  receipt: Json<SignedReceipt | null>;
  failure: string | null;
  state_version: Generated<number>;
  created_at: Date;
  updated_at: Date;
}

export interface ChimeraSchema {
  agents: AgentsTable;
  campaigns: CampaignsTable;
  campaign_runs: CampaignRunsTable;
  tasks: TasksTable;
  task_results: TaskResultsTable;
  reviews: ReviewsTable;
  effects: EffectsTable;
  audit_logs: AuditLogsTable;
  trace_events: TraceEventsTable;
  sandbox_posts: SandboxPostsTable;
  trends: TrendsTable;
  content_pipeline: ContentPipelineTable;
  video_metadata: VideoMetadataTable;
  engagement_points: EngagementPointsTable;
  agent_strategies: AgentStrategiesTable;
  sandbox_mentions: SandboxMentionsTable;
  sandbox_replies: SandboxRepliesTable;
  budget_tracking: BudgetTrackingTable;
  spend_requests: SpendRequestsTable;
  ledger: LedgerTable;
  wallet_accounts: WalletAccountsTable;
  wallet_balances: WalletBalancesTable;
  wallet_transactions: WalletTransactionsTable;
  tenants: TenantsTable;
  api_tokens: ApiTokensTable;
  login_links: LoginLinksTable;
  browser_sessions: BrowserSessionsTable;
  api_events: ApiEventsTable;
  memories: MemoriesTable;
  network_peers: NetworkPeersTable;
  network_nonces: NetworkNoncesTable;
  network_sleep: NetworkSleepTable;
  network_beats: NetworkBeatsTable;
  network_reputation: NetworkReputationTable;
  a2a_tasks: A2aTasksTable;
  network_handshakes: NetworkHandshakesTable;
}
