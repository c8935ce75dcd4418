// A node's reputation in the agent network, by the seed's formula: success rate 40 %, response
// time 30 %, uptime 20 %, satisfaction 10 %, on a 0–100 scale. Every input is a fraction from 0
// to 1 before weighting; response time is turned into one against the synchronous SLA. Pure: the
// caller gathers the inputs (hires, their durations, heartbeats seen, quality) and stores them
// beside the score, so a score can always be explained. Recomputed every 15 min over the last
// 7 days (REPUTATION_INTERVAL_MS, REPUTATION_WINDOW_MS).

import { HEARTBEAT_INTERVAL_MS } from './heartbeat.js';

/** How often a node recomputes its reputation (the seed's 15 min). */
export const REPUTATION_INTERVAL_MS = 15 * 60_000;
/** How far back the evidence reaches. */
export const REPUTATION_WINDOW_MS = 7 * 24 * 3_600_000;

/** The seed's weights; they sum to 1. */
export const REPUTATION_WEIGHTS = {
  successRate: 0.4,
  responseTime: 0.3,
  uptime: 0.2,
  satisfaction: 0.1,
} as const;

/** A response at or under this is worth full marks (ms). */
export const FAST_RESPONSE_MS = 500;
/** The synchronous SLA: a response at or over it is worth nothing (ms). */
export const SLA_RESPONSE_MS = 2_000;

/** What a reputation is computed from, over the window the caller chose (e.g. the last 7 days). */
export interface ReputationInputs {
  /** Hires the node took that settled or failed in the window. */
  hires: number;
  /** Of those, the ones that settled (quality passed, within the SLA). */
  succeeded: number;
  /** Median response time of those hires, in ms; undefined without hires. */
  medianResponseMs: number | undefined;
  /** Heartbeats expected in the window (one a minute). */
  heartbeatsExpected: number;
  /** Heartbeats received in the window. */
  heartbeatsSeen: number;
  /** Mean Judge quality of the delivered results, from 0 to 1; undefined without any. */
  meanQuality: number | undefined;
}

/** What a node did over a window, as the store finds it: the evidence for its inputs. */
export interface ReputationEvidence {
  /** Heartbeats accepted in the window, and the first one's issue time. */
  beats: number;
  firstBeatAt: Date | undefined;
  /** Hires provided that finished in the window, and how many of them settled. */
  hires: number;
  succeeded: number;
  /** The settled hires' run durations (ms) and Judge qualities (0–1). */
  durationsMs: number[];
  qualities: number[];
}

/**
 * The inputs `evidence` gives, at `now`: uptime counts the whole minutes from the first heartbeat
 * in the window (a node is not blamed for before it joined) up to `now`, one beat expected in
 * each (at least one, the first).
 */
export function reputationInputsOf(evidence: ReputationEvidence, now: Date): ReputationInputs {
  const expected =
    evidence.firstBeatAt === undefined
      ? 0
      : Math.max(
          1,
          Math.floor((now.getTime() - evidence.firstBeatAt.getTime()) / HEARTBEAT_INTERVAL_MS),
        );
  return {
    hires: evidence.hires,
    succeeded: evidence.succeeded,
    medianResponseMs: median(evidence.durationsMs),
    heartbeatsExpected: expected,
    heartbeatsSeen: Math.min(evidence.beats, expected),
    meanQuality:
      evidence.qualities.length === 0
        ? undefined
        : evidence.qualities.reduce((sum, quality) => sum + quality, 0) / evidence.qualities.length,
  };
}

/** A reputation with the fractions it was made of. */
export interface Reputation {
  /** 0–100, rounded to one decimal. */
  score: number;
  /** Each component as a fraction from 0 to 1. */
  components: Record<keyof typeof REPUTATION_WEIGHTS, number>;
}

/**
 * A node without history is neither trusted nor distrusted: each component it has no evidence
 * for counts as one half.
 */
const NO_EVIDENCE = 0.5;

/** The reputation the inputs earn. */
export function reputationOf(inputs: ReputationInputs): Reputation {
  const components = {
    successRate: inputs.hires > 0 ? clamp(inputs.succeeded / inputs.hires) : NO_EVIDENCE,
    responseTime:
      inputs.medianResponseMs === undefined
        ? NO_EVIDENCE
        : clamp((SLA_RESPONSE_MS - inputs.medianResponseMs) / (SLA_RESPONSE_MS - FAST_RESPONSE_MS)),
    uptime:
      inputs.heartbeatsExpected > 0
        ? clamp(inputs.heartbeatsSeen / inputs.heartbeatsExpected)
        : NO_EVIDENCE,
    satisfaction: inputs.meanQuality === undefined ? NO_EVIDENCE : clamp(inputs.meanQuality),
  };
  const weighted = (
    Object.keys(REPUTATION_WEIGHTS) as Array<keyof typeof REPUTATION_WEIGHTS>
  ).reduce((sum, key) => sum + REPUTATION_WEIGHTS[key] * components[key], 0);
  return { score: Math.round(weighted * 1_000) / 10, components };
}

function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function clamp(fraction: number): number {
  return Math.min(1, Math.max(0, fraction));
}
