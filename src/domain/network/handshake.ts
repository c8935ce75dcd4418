// The handshake by which an agent on one node hires another node's skill (issue 13 §3): the
// payloads the two nodes exchange on an A2A task, and the phases each side's record moves
// through. Pure: the A2A transport, signatures and money are elsewhere.
//
//   hirer                                   provider
//   request {skill, input}          ──▶     verification, then negotiation: a signed quote
//   CFO approves, reserves escrow
//   acceptance {quote}              ──▶     execution: the skill runs, the Judge scores it
//                                   ◀──     settlement: result and a signed x402-shaped receipt
//   escrow released to the provider; both ledgers record the receipt
//
// On failure (quality below 0.8, over the SLA, an error) the provider fails the task and the
// hirer's escrow is refunded. Amounts are whole US cents, as decimal text.

import { z } from 'zod';
import { Capability, NodeId } from './heartbeat.js';

/** The least Judge confidence a hired result must reach to be paid for. */
export const MIN_HIRED_QUALITY = 0.8;
/** The most a synchronous skill may take, from acceptance to result, before it breaches its SLA. */
export const SYNC_SLA_MS = 2_000;
/** How long a quote may be accepted after it was made. */
export const QUOTE_TTL_MS = 60_000;

/** Whole US cents, as decimal text. */
export const Cents = z.string().regex(/^(0|[1-9][0-9]{0,11})$/, 'whole cents as decimal text');

/** The hirer's first message: run `skill` on `input`. */
export const HireRequest = z.strictObject({
  kind: z.literal('chimera.hire.request'),
  skill: Capability,
  input: z.record(z.string(), z.unknown()),
});
export type HireRequest = z.infer<typeof HireRequest>;

/** The provider's price for one run, signed by it (the signature travels beside it). */
export const Quote = z.strictObject({
  quote_id: z.uuid(),
  task_id: z.string().min(1).max(100),
  provider: NodeId,
  hirer: NodeId,
  skill: Capability,
  amount: Cents,
  currency: z.literal('USD'),
  sla_ms: z.number().int().positive(),
  expires_at: z.iso.datetime(),
});
export type Quote = z.infer<typeof Quote>;

/** The hirer's second message: it accepts the quote, its escrow holding the amount. */
export const HireAcceptance = z.strictObject({
  kind: z.literal('chimera.hire.accept'),
  quote_id: z.uuid(),
  amount: Cents,
  /** The hirer's CFO spend request that holds the escrow: a reference, never proof of payment. */
  escrow_ref: z.string().min(1).max(200),
});
export type HireAcceptance = z.infer<typeof HireAcceptance>;

/**
 * The provider's receipt for a paid run, shaped as x402's SettlementResponse (`success`,
 * `transaction`, `network`, `payer`, `amount`) with the asset, payee and the run's facts added;
 * `network` 'chimera:ledger' says the money moved in the nodes' CFO ledgers, not on a chain.
 */
export const Receipt = z.strictObject({
  success: z.literal(true),
  /** The settlement's id in both ledgers. */
  transaction: z.string().min(1).max(200),
  network: z.literal('chimera:ledger'),
  asset: z.literal('USD'),
  amount: Cents,
  payer: NodeId,
  payTo: NodeId,
  extensions: z.strictObject({
    chimera: z.strictObject({
      task_id: z.string().min(1).max(100),
      quote_id: z.uuid(),
      skill: Capability,
      quality: z.number().min(0).max(1),
      duration_ms: z.number().int().nonnegative(),
      settled_at: z.iso.datetime(),
    }),
  }),
});
export type Receipt = z.infer<typeof Receipt>;

/** A detached JWS by the provider over a quote's or receipt's canonical JSON. */
export const TermsSignature = z.strictObject({
  protected: z.string().min(1).max(2_000),
  signature: z.string().min(1).max(2_000),
});

/** A quote and the provider's signature of it. */
export const SignedQuote = z.strictObject({ quote: Quote, signature: TermsSignature });
export type SignedQuote = z.infer<typeof SignedQuote>;

/** A receipt and the provider's signature of it. */
export const SignedReceipt = z.strictObject({ receipt: Receipt, signature: TermsSignature });
export type SignedReceipt = z.infer<typeof SignedReceipt>;

/** Where one side's record of a hire stands. */
export const HANDSHAKE_PHASES = [
  'negotiation',
  'execution',
  'settlement',
  'settled',
  'refunded',
  'declined',
] as const;
export type HandshakePhase = (typeof HANDSHAKE_PHASES)[number];

const NEXT: Record<HandshakePhase, readonly HandshakePhase[]> = {
  negotiation: ['execution', 'declined'],
  execution: ['settlement', 'refunded'],
  settlement: ['settled', 'refunded'],
  settled: [],
  refunded: [],
  declined: [],
};

/** Whether a record may move from `from` to `to`. */
export function canMove(from: HandshakePhase, to: HandshakePhase): boolean {
  return NEXT[from].includes(to);
}

/** The settlement's transaction id for a quote: the same on both sides, and on every retry. */
export function settlementId(quote: Pick<Quote, 'quote_id'>): string {
  return `a2a-settlement:${quote.quote_id}`;
}
