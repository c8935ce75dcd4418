// Trend drift (FR-PLAN-008): whether the trend a brief is about has gone stale by the time its
// post would be published, as a reason a person (and the Director) can read. Pure: the Planner
// reads the trend's latest observation and acts on the answer (swarm/content-drift.ts).

/** One hour in milliseconds. */
const HOUR_MS = 3_600_000;

/** The source name drift reasons start with (`trend-drift: …`), as the Judge's policies do. */
export const TREND_DRIFT = 'trend-drift';

/** When a trend counts as stale. */
export interface TrendDriftLimits {
  /**
   * Lowest rising velocity (the Scout's recent rate against its earlier rate: 1 steady, below 1
   * fading) a trend may have. A trend below it has decayed. `@defaultValue` 0.5.
   */
  minVelocity: number;
  /**
   * Longest time, in milliseconds, since a Scout last reported the trend. A trend not seen for
   * longer is stale. `@defaultValue` 86 400 000 (24 hours).
   */
  maxAgeMs: number;
}

/**
 * The defaults. A shipped feed snapshot's trends measure 0.75 (one item, earlier in the Scout's
 * four-hour window) or 2 (one item in its last hour), so 0.5 lets them through; 0.5 itself takes
 * a trend whose earlier pace is twice its recent one, e.g. three items three hours ago, none since.
 */
export const DEFAULT_TREND_DRIFT_LIMITS: TrendDriftLimits = {
  minVelocity: 0.5,
  maxAgeMs: 24 * HOUR_MS,
};

/** A trend as last observed: the trends table's row for it. */
export interface TrendObservation {
  trend_id: string;
  /** Readable label, quoted in the reason. */
  topic: string;
  rising_velocity: number;
  /** When a Scout last reported it. */
  observed_at: Date;
}

/**
 * Why `trend` has drifted at `now`, or undefined while it holds. Age comes first: a velocity
 * measured longer ago than the limit says nothing about the trend now. Each reason starts
 * `trend-drift: trend '<id>'`, names the measure and the limit, and is read back by
 * `driftedTrendIds`.
 */
export function trendDrift(
  trend: TrendObservation,
  now: Date,
  limits: TrendDriftLimits,
): string | undefined {
  const subject = `${TREND_DRIFT}: trend '${trend.trend_id}' (${trend.topic})`;
  const ageMs = Math.max(0, now.getTime() - trend.observed_at.getTime());
  if (ageMs > limits.maxAgeMs) {
    return `${subject} was last seen ${duration(ageMs)} ago, more than the ${duration(limits.maxAgeMs)} limit`;
  }
  if (trend.rising_velocity < limits.minVelocity) {
    return `${subject} has decayed: rising velocity ${trend.rising_velocity.toFixed(2)} is below ${limits.minVelocity.toFixed(2)}`;
  }
  return undefined;
}

const DRIFT_REASON = new RegExp(`^${TREND_DRIFT}: trend '([^']+)'`);

/** The ids of the trends that `feedback`'s drift reasons name, in order, each once. */
export function driftedTrendIds(feedback: readonly string[]): string[] {
  const ids = feedback.map((reason) => DRIFT_REASON.exec(reason.trim())?.[1]);
  return [...new Set(ids.filter((id): id is string => id !== undefined))];
}

/** A duration for a person: whole minutes under an hour, else hours to one decimal. */
function duration(ms: number): string {
  if (ms < HOUR_MS) return `${Math.round(ms / 60_000)} min`;
  return `${Number((ms / HOUR_MS).toFixed(1))} h`;
}
