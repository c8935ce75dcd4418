// Example objects for the API reference: one of each wire shape, consistent with each other.

const AT = '2026-11-29T09:00:00.000Z';
export const EXAMPLE_CAMPAIGN_ID = '0b5e2f7a-3c1d-4e8f-9a6b-1c2d3e4f5a6b';
export const EXAMPLE_RUN_ID = '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f';
export const EXAMPLE_TASK_ID = '7d9c1a2b-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
export const EXAMPLE_REVIEW_ID = '3f2e1d0c-9b8a-4765-8432-10fedcba9876';
export const EXAMPLE_TOKEN_ID = '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d';
export const EXAMPLE_SECOND_REVIEW_ID = '6c5d4e3f-2a1b-4c0d-9e8f-7a6b5c4d3e2f';
export const EXAMPLE_SECOND_TASK_ID = '8e7f6a5b-4c3d-4e2f-8a1b-0c9d8e7f6a5b';

export const exampleAgent = {
  id: 'noor',
  name: 'Noor',
  niche: 'wellness',
  status: 'active',
  tenant_id: 'default',
  persona: { voice_traits: ['warm', 'evidence-first'] },
  created_at: AT,
};

export const exampleStrategy = {
  agent_id: 'noor',
  posts: 2,
  format: [
    { value: 'image', posts: 2, mean_engagement_rate: 0.061 },
    { value: 'video', posts: 0, mean_engagement_rate: 0.04 },
  ],
  topic: [{ value: 'tips', posts: 2, mean_engagement_rate: 0.061 }],
  hook: [{ value: 'question', posts: 2, mean_engagement_rate: 0.061 }],
  hour: [{ value: 18, posts: 2, mean_engagement_rate: 0.061 }],
};

export const exampleMemory = {
  id: '5b0e8a61-3c52-8d41-a9f3-2e7c1b6d4f20',
  collection: 'agent_memory',
  text: '@sam_runs wrote on instagram: "which shoes for a first 10k?". I replied: "@sam_runs Great question! I will cover it in my next post."',
  metadata: { kind: 'reply', counterpart: 'sam_runs', platform: 'instagram' },
  similarity: 0.71,
  remembered_at: AT,
};

export const exampleCampaign = {
  id: EXAMPLE_CAMPAIGN_ID,
  tenant_id: 'default',
  name: 'Daily trend post',
  goal: 'post one on-trend piece per agent',
  agent_ids: ['noor'],
  status: 'active',
  state_version: 3,
  schedule: { kind: 'cron', cron: '0 9 * * *', timezone: 'Europe/Paris', allow_overlap: false },
  next_run_at: '2026-11-30T08:00:00.000Z',
  template: { steps: [{ key: 'scout', skill: 'scout.analyze', input: {} }] },
  created_at: AT,
  updated_at: AT,
};

export const exampleCampaignRun = {
  id: EXAMPLE_RUN_ID,
  campaign_id: EXAMPLE_CAMPAIGN_ID,
  seq: 1,
  scheduled_for: '2026-11-29T08:00:00.000Z',
  folded: 0,
  status: 'running',
  started_at: AT,
  finished_at: null,
};

export const exampleCampaignSummary = {
  campaign: exampleCampaign,
  tasks: { done: 2, awaiting_review: 1, pending: 1 },
  progress: 0.5,
};

export const exampleTask = {
  id: EXAMPLE_TASK_ID,
  campaign_id: EXAMPLE_CAMPAIGN_ID,
  campaign_run_id: EXAMPLE_RUN_ID,
  agent_id: 'noor',
  step_key: 'brief',
  type: 'director.create_brief',
  spec_id: 'SK-DIRECTOR-001',
  priority: 'medium',
  status: 'awaiting_review',
  attempt: 1,
  max_attempts: 3,
  state_version: 4,
  depends_on: [],
  input: {},
  output: { caption: 'Three breathing habits for calmer mornings', hashtags: ['#wellness'] },
  feedback: [],
  error_code: null,
  assigned_worker_id: null,
  lease_expires_at: null,
  created_at: AT,
  updated_at: AT,
};

export const exampleResult = {
  task_id: EXAMPLE_TASK_ID,
  attempt: 1,
  output: exampleTask.output,
  confidence: 0.93,
  verdict: 'escalate',
  reasons: ['sensitive-topics: health topic (breathing) needs a person'],
  judged_at: AT,
  duration_ms: 412,
};

export const exampleReview = {
  id: EXAMPLE_REVIEW_ID,
  task_id: EXAMPLE_TASK_ID,
  attempt: 1,
  kind: 'content',
  status: 'pending',
  reasons: exampleResult.reasons,
  decided_by: null,
  decision_reason: null,
  spend_request_id: null,
  created_at: AT,
  decided_at: null,
};

export const exampleReviewItem = {
  review: exampleReview,
  task: exampleTask,
  result: exampleResult,
  spend: null,
};

export const exampleBudget = {
  agent_id: 'noor',
  period: 'daily',
  period_start: '2026-11-29',
  category: 'all',
  limit: '50',
  spent: '1.25',
  reserved: '0',
  remaining: '48.75',
};

export const exampleToken = {
  id: EXAMPLE_TOKEN_ID,
  tenant_id: 'default',
  role: 'reviewer',
  agent_id: null,
  name: 'night-shift reviewer',
  created_by: 'token:00000000-0000-4000-8000-000000000000',
  created_at: AT,
  expires_at: null,
  revoked_at: null,
};

export const examplePost = {
  content_id: '9a8b7c6d-5e4f-4321-8fed-cba987654321',
  agent_id: 'noor',
  campaign_id: EXAMPLE_CAMPAIGN_ID,
  format: 'image',
  caption: 'Three breathing habits for calmer mornings',
  media_url: 'file:///var/chimera/media/abc.png',
  platform: 'sandbox',
  post_id: 'post-1',
  url: 'sandbox://posts/post-1',
  engagement: { views: 120, likes: 14, comments: 2, shares: 1, read_at: AT },
  published_at: '2026-11-29T08:00:00.000Z',
  trend: {
    id: 'trend-breathwork',
    topic: 'morning breathwork',
    volume: 5400,
    rising_velocity: 2.1,
    first_seen: '2026-11-29T05:00:00.000Z',
  },
  brief_id: 'brief-42',
  engagement_series: [
    {
      read_after: '1h',
      read_at: AT,
      views: 120,
      likes: 14,
      comments: 2,
      shares: 1,
    },
  ],
};

export const exampleTraceEvent = {
  kind: 'task-judge',
  spec_id: 'SK-DIRECTOR-001',
  task_id: EXAMPLE_TASK_ID,
  campaign_id: EXAMPLE_CAMPAIGN_ID,
  agent_id: 'noor',
  attempt: 1,
  duration_ms: null,
  outcome: 'escalate',
  detail: { confidence: 0.93 },
  at: AT,
};

export const examplePeer = {
  node_id: 'pZ7tS8c2q1mYc0e8m7fS2nQ0g6yXq3wJ4d9Kx1vB5aE',
  endpoint: 'https://node-b.example/a2a',
  capabilities: ['director.create_brief', 'scout.analyze'],
  reputation_score: 87.5,
  status: 'ready',
  issued_at: '2026-11-29T08:59:48.000Z',
  expires_at: '2026-11-29T09:01:18.000Z',
  first_seen: '2026-11-28T17:20:03.000Z',
  last_seen: '2026-11-29T08:59:48.000Z',
};

export const exampleHire = {
  status: 'settled',
  task_id: '6f1d3c52-8a0e-4a51-9b57-0d5f3f0c9e21',
  output: { trends: [] },
  receipt: {
    success: true,
    transaction: 'a2a-settlement:0f6a0d2e-51c4-4c86-9d55-3a8c2b61f7d4',
    network: 'chimera:ledger',
    asset: 'USD',
    amount: '25',
    payer: 'q2Xv8bT0sM4nL7cR1yW9eK3uJ6hG5fD0aZ8pV2iO4tE',
    payTo: 'pZ7tS8c2q1mYc0e8m7fS2nQ0g6yXq3wJ4d9Kx1vB5aE',
  },
  providers: ['pZ7tS8c2q1mYc0e8m7fS2nQ0g6yXq3wJ4d9Kx1vB5aE'],
};

/** A calibration tally: decided, approved, rejected and the agreement rate. */
const calibrationTally = (decided: number, approved: number) => ({
  decided,
  approved,
  rejected: decided - approved,
  approval_rate: decided === 0 ? null : approved / decided,
});

/** The six confidence bands with [decided, approved] each, lowest first. */
const calibrationBands = (counts: ReadonlyArray<readonly [number, number]>) =>
  [
    ['< 0.70', 0, 0.7],
    ['0.70–0.75', 0.7, 0.75],
    ['0.75–0.80', 0.75, 0.8],
    ['0.80–0.85', 0.8, 0.85],
    ['0.85–0.90', 0.85, 0.9],
    ['≥ 0.90', 0.9, null],
  ].map(([band, from, to], index) => ({
    band,
    from,
    to,
    ...calibrationTally(...(counts[index] ?? [0, 0])),
  }));

export const exampleCalibration = {
  since: '2026-10-30T09:00:00.000Z',
  thresholds: { approveAt: 0.9, escalateAt: 0.7 },
  target_rejection_recall: 0.99,
  min_decisions: 30,
  min_rejections: 5,
  by_policy: [
    {
      policy: 'judge',
      ...calibrationTally(160, 120),
      by_band: calibrationBands([
        [0, 0],
        [40, 25],
        [40, 25],
        [40, 30],
        [40, 40],
        [0, 0],
      ]),
      recommendation: {
        status: 'threshold',
        outcome: {
          threshold: 0.82,
          reviews_needed: 96,
          reviews_taken: 160,
          rejections_missed: 0,
          rejection_recall: 1,
        },
        setting: 'approveAt',
        current: 0.9,
        variable: 'CHIMERA_JUDGE_APPROVE_AT',
        explanation:
          'lower approveAt from 0.90 to 0.82: skipping review at 0.82 or above would have needed 96 of the 160 reviews taken and missed 0 rejection(s) (recall 1.000)',
      },
    },
    {
      policy: 'sensitive-topics',
      ...calibrationTally(30, 28),
      by_band: calibrationBands([
        [0, 0],
        [0, 0],
        [0, 0],
        [0, 0],
        [0, 0],
        [30, 28],
      ]),
      recommendation: {
        status: 'always-review',
        outcome: null,
        setting: null,
        current: null,
        variable: null,
        explanation:
          'always review: sensitive topics always go to a person, whatever the confidence (FR-POLICY-001)',
      },
    },
  ],
};
