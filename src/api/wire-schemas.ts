// The JSON shapes the operator API answers with, as zod schemas: timestamps are ISO 8601 text
// and money is decimal text. The OpenAPI document is generated from these.

import { z } from 'zod';
import { Role } from '../domain/actor.js';
import { TASK_STATUSES } from '../domain/task-status.js';

const Timestamp = z.string().describe('ISO 8601 date-time');
const Usd = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/)
  .describe('US dollars, exact decimal text');

export const AgentWire = z.object({
  id: z.string(),
  name: z.string(),
  niche: z.string(),
  status: z.enum(['active', 'frozen']),
  tenant_id: z.string(),
  persona: z.record(z.string(), z.unknown()),
  created_at: Timestamp.optional(),
});

export const TaskCounts = z.partialRecord(z.enum(TASK_STATUSES), z.number().int());

export const CampaignWire = z.object({
  id: z.string().uuid(),
  tenant_id: z.string(),
  name: z.string(),
  goal: z.string(),
  agent_ids: z.array(z.string()),
  status: z.enum(['active', 'paused', 'completed', 'failed', 'cancelled']),
  state_version: z.number().int(),
  schedule: z.record(z.string(), z.unknown()),
  /** When the next run is due; null when none is scheduled. */
  next_run_at: Timestamp.nullable(),
  template: z.unknown(),
  created_at: Timestamp,
  updated_at: Timestamp,
});

const StrategyArmWire = <V extends z.ZodType>(value: V) =>
  z.object({ value, posts: z.number().int(), mean_engagement_rate: z.number() });

export const StrategyWire = z.object({
  agent_id: z.string(),
  /** Posts that have rewarded the strategy. */
  posts: z.number().int(),
  format: z.array(StrategyArmWire(z.string())),
  topic: z.array(StrategyArmWire(z.string())),
  hook: z.array(StrategyArmWire(z.string())),
  hour: z.array(StrategyArmWire(z.number().int())),
});

export const MemoryWire = z.object({
  id: z.string().uuid(),
  collection: z.enum(['agent_memory', 'content_trend', 'skills']),
  text: z.string(),
  /** What it is about: `kind` ('post', 'reply', 'trend', 'skill'), the counterpart, engagement. */
  metadata: z.record(z.string(), z.unknown()),
  /** Cosine similarity to the query, from -1 to 1. */
  similarity: z.number(),
  remembered_at: Timestamp,
});

export const CampaignRunWire = z.object({
  id: z.string().uuid(),
  campaign_id: z.string().uuid(),
  seq: z.number().int(),
  scheduled_for: Timestamp,
  folded: z.number().int(),
  status: z.enum(['running', 'completed', 'failed', 'cancelled']),
  started_at: Timestamp,
  finished_at: Timestamp.nullable(),
});

export const CampaignSummaryWire = z.object({
  campaign: CampaignWire,
  tasks: TaskCounts,
  progress: z.number().min(0).max(1),
});

export const TaskWire = z.object({
  id: z.string().uuid(),
  campaign_id: z.string().uuid(),
  campaign_run_id: z.string().uuid(),
  agent_id: z.string(),
  step_key: z.string(),
  type: z.string(),
  spec_id: z.string(),
  priority: z.enum(['high', 'medium', 'low']),
  status: z.enum(TASK_STATUSES),
  attempt: z.number().int(),
  max_attempts: z.number().int(),
  state_version: z.number().int(),
  depends_on: z.array(z.string()),
  input: z.unknown(),
  output: z.unknown(),
  feedback: z.array(z.string()),
  error_code: z.string().nullable(),
  assigned_worker_id: z.string().nullable(),
  lease_expires_at: Timestamp.nullable(),
  created_at: Timestamp,
  updated_at: Timestamp,
});

export const DagNodeWire = TaskWire.pick({
  id: true,
  agent_id: true,
  step_key: true,
  type: true,
  spec_id: true,
  status: true,
  attempt: true,
  depends_on: true,
});

export const ResultWire = z.object({
  task_id: z.string(),
  attempt: z.number().int(),
  output: z.unknown(),
  confidence: z.number(),
  error_code: z.string().optional(),
  error_message: z.string().optional(),
  verdict: z.enum(['approve', 'escalate', 'reject']).optional(),
  reasons: z.array(z.string()),
  judged_at: Timestamp.optional(),
  duration_ms: z.number(),
});

export const TraceEventWire = z.object({
  kind: z.string(),
  spec_id: z.string(),
  task_id: z.string().nullable(),
  campaign_id: z.string().nullable(),
  agent_id: z.string().nullable(),
  attempt: z.number().nullable(),
  duration_ms: z.number().nullable(),
  outcome: z.string(),
  detail: z.record(z.string(), z.unknown()),
  at: Timestamp,
});

export const ReviewWire = z.object({
  id: z.string().uuid(),
  task_id: z.string().uuid(),
  attempt: z.number().int(),
  kind: z.enum(['content', 'spend']),
  status: z.enum(['pending', 'approved', 'rejected']),
  reasons: z.array(z.string()),
  decided_by: z.string().nullable(),
  decision_reason: z.string().nullable(),
  spend_request_id: z.string().nullable(),
  created_at: Timestamp,
  decided_at: Timestamp.nullable(),
});

export const SpendWire = z.object({
  request_id: z.string(),
  agent_id: z.string(),
  request_type: z.string(),
  amount: z.string().describe("minor units of the request's currency"),
  currency: z.string(),
  status: z.string(),
  decision: z.object({
    decision: z.enum(['approve', 'escalate', 'reject']),
    reasons: z.array(z.string()),
    risk_score: z.number(),
    roi: z.number().optional(),
  }),
});

export const ReviewItemWire = z.object({
  review: ReviewWire,
  task: TaskWire,
  result: ResultWire.nullable(),
  spend: SpendWire.nullable(),
});

export const BudgetWire = z.object({
  agent_id: z.string(),
  period: z.enum(['daily', 'weekly', 'monthly']),
  period_start: z.string(),
  category: z.string(),
  limit: Usd,
  spent: Usd,
  reserved: Usd,
  remaining: Usd,
});

export const LedgerEntryWire = z.object({
  seq: z.number().int(),
  tx_id: z.string(),
  agent_id: z.string(),
  request_type: z.string(),
  amount: z.string(),
  currency: z.string(),
  decision: z.enum(['approve', 'escalate', 'reject']),
  reasons: z.array(z.string()),
  risk_score: z.number(),
  projected_roi: z.number().nullable(),
  approval_signature: z.string(),
  cfo_agent_id: z.string(),
  prev_hash: z.string(),
  entry_hash: z.string(),
  created_at: Timestamp,
});

export const LedgerCheckWire = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  key_id: z.string().nullable().describe("the CFO key's id; null before the first entry"),
  broken: z
    .object({ seq: z.number().int(), tx_id: z.string(), problem: z.string() })
    .nullable()
    .optional(),
});

export const WalletWire = z.object({
  agent_id: z.string(),
  address: z.string(),
  wallet: z.string(),
  balances: z.array(z.object({ currency: z.string(), balance: z.string(), units: z.string() })),
});

export const PostWire = z.object({
  content_id: z.string(),
  agent_id: z.string(),
  campaign_id: z.string().nullable(),
  format: z.enum(['text', 'image', 'video']),
  caption: z.string(),
  media_url: z.string().nullable(),
  platform: z.string(),
  post_id: z.string(),
  url: z.string(),
  engagement: z.record(z.string(), z.unknown()),
  published_at: Timestamp,
  /** The trend the post was about, when a Scout reported it. */
  trend: z
    .object({
      id: z.string(),
      topic: z.string(),
      volume: z.number(),
      rising_velocity: z.number(),
      first_seen: Timestamp,
    })
    .nullable(),
  brief_id: z.string().nullable(),
  /** Every engagement read, oldest first: at each delay after publication. */
  engagement_series: z.array(
    z.object({
      read_after: z.string(),
      read_at: Timestamp,
      views: z.number().int(),
      likes: z.number().int(),
      comments: z.number().int(),
      shares: z.number().int(),
    }),
  ),
});

const FleetStates = z.enum(['frozen', 'judging', 'working', 'planning', 'sleeping']);

export const FleetWire = z.object({
  agents: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      state: FleetStates,
      tasks_in_flight: z.number().int(),
      spent_today: Usd.nullable(),
      daily_cap: Usd.nullable(),
      last_post_at: Timestamp.nullable(),
    }),
  ),
  by_state: z.record(FleetStates, z.number().int()),
  queue_depth: z.number().int(),
  reviews_waiting: z.number().int(),
});

export const TokenWire = z.object({
  id: z.string().uuid(),
  tenant_id: z.string(),
  role: Role,
  agent_id: z.string().nullable(),
  name: z.string(),
  created_by: z.string(),
  created_at: Timestamp,
  expires_at: Timestamp.nullable(),
  revoked_at: Timestamp.nullable(),
});

/** A live peer of the agent network (GET /api/v1/network/peers). */
export const PeerWire = z.object({
  node_id: z.string().describe("the node key's JWK thumbprint"),
  endpoint: z.string(),
  capabilities: z.array(z.string()).describe('skill names it offers'),
  reputation_score: z.number().min(0).max(100),
  status: z.enum(['ready', 'saturated', 'sleeping']),
  issued_at: Timestamp.describe('when its latest heartbeat was issued, by its clock'),
  expires_at: Timestamp.describe('when it stops being listed unless it beats again'),
  first_seen: Timestamp,
  last_seen: Timestamp,
});

/** How a hire between nodes ended (services/network-service.ts). */
export const HireWire = z.object({
  status: z.enum(['settled', 'refunded', 'declined', 'awaiting-approval']),
  task_id: z.string().describe("the A2A task's id on the provider"),
  reason: z.string().optional().describe('why it was refunded, declined or waits'),
  output: z.record(z.string(), z.unknown()).optional().describe("the skill's output, when settled"),
  receipt: z
    .record(z.string(), z.unknown())
    .optional()
    .describe("the provider's x402-shaped receipt, when settled"),
  providers: z.array(z.string()).optional().describe('the peers tried, in order'),
});

/** RFC 9457 problem details, with the field at fault. */
export const ProblemWire = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  field: z.string().describe('the request field, parameter or header at fault'),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

const AgreementTally = {
  decided: z.number().int(),
  approved: z.number().int(),
  approval_rate: z.number().nullable().describe('approved / decided; null when none decided'),
};

/** Judge–human agreement (GET /api/v1/judge/agreement). */
export const JudgeAgreementWire = z.object({
  since: z.string().describe('decisions from this instant on'),
  overall: z.object(AgreementTally),
  by_policy: z.array(z.object({ policy: z.string(), ...AgreementTally })),
  by_band: z.array(
    z.object({
      band: z.string(),
      from: z.number(),
      to: z.number().nullable().describe('exclusive; null: no upper bound'),
      ...AgreementTally,
    }),
  ),
  by_day: z.array(z.object({ day: z.string().describe('UTC, YYYY-MM-DD'), ...AgreementTally })),
});

const CalibrationTally = {
  decided: z.number().int(),
  approved: z.number().int(),
  rejected: z.number().int(),
  approval_rate: z
    .number()
    .nullable()
    .describe('the agreement rate: approved / decided; null when none decided'),
};

/** Judge calibration (GET /api/v1/judge/calibration): figures and recommended thresholds. */
export const JudgeCalibrationWire = z.object({
  since: z.string().describe('decisions from this instant on'),
  thresholds: z
    .object({ approveAt: z.number(), escalateAt: z.number() })
    .describe('the thresholds in force'),
  target_rejection_recall: z
    .number()
    .describe("the share of people's rejections a recommended threshold must still catch"),
  min_decisions: z.number().int().describe('decided escalations a policy needs for a threshold'),
  min_rejections: z.number().int().describe('rejections a policy needs for a threshold'),
  by_policy: z.array(
    z.object({
      policy: z.string().describe("the policy named in a reason; 'judge' for the band rule"),
      ...CalibrationTally,
      by_band: z.array(
        z.object({
          band: z.string(),
          from: z.number(),
          to: z.number().nullable().describe('exclusive; null: no upper bound'),
          ...CalibrationTally,
        }),
      ),
      recommendation: z.object({
        status: z.enum(['threshold', 'always-review', 'not-enough-decisions', 'no-threshold']),
        outcome: z
          .object({
            threshold: z.number(),
            reviews_needed: z.number().int().describe('decided escalations below the threshold'),
            reviews_taken: z.number().int(),
            rejections_missed: z
              .number()
              .int()
              .describe('rejections at or above the threshold, which would have gone out'),
            rejection_recall: z.number().nullable(),
          })
          .nullable()
          .describe("the recommended threshold's effect on the window; null without one"),
        setting: z
          .enum(['approveAt', 'escalateAt'])
          .nullable()
          .describe('the Judge setting it is for; null for a policy (no setting holds it)'),
        current: z.number().nullable().describe("the setting's current value"),
        variable: z
          .string()
          .nullable()
          .describe('the environment variable to set, e.g. CHIMERA_JUDGE_APPROVE_AT'),
        explanation: z.string(),
      }),
    }),
  ),
});
