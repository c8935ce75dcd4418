// The CFO ledger's record: the decision fields the CFO signs and the row that links them into
// the hash chain. Types only; signing and chaining are commerce/ledger-chain.ts.

/** What the CFO signs: the decision and what it was about. */
export interface SignedDecisionFields {
  tx_id: string;
  agent_id: string;
  request_type: string;
  /** Minor units as decimal text (bigint-safe). */
  amount: string;
  currency: string;
  projected_roi: number | null;
  risk_score: number;
  decision: 'approve' | 'escalate' | 'reject';
  reasons: string[];
  cfo_agent_id: string;
  created_at: string;
}

/** A ledger row: the signed fields, the signature, its place in the chain and the hashes. */
export interface LedgerEntry extends SignedDecisionFields {
  seq: number;
  approval_signature: string;
  prev_hash: string;
  entry_hash: string;
}
