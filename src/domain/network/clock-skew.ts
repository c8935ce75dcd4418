// The network's one rule for time: a signed statement (a heartbeat, a handshake message) issued
// more than 30 s before the receiver's clock is stale, more than 30 s after it is from the future.
// Pure.

/** The most a statement's issue time may lie before or after the receiver's clock (ms). */
export const MAX_CLOCK_SKEW_MS = 30_000;

/** Why a statement's issue time is refused. */
export interface ClockSkewProblem {
  reason: 'stale' | 'future';
  /** For people: what was received and what is accepted. */
  message: string;
}

/** Why `issuedAt` (ISO 8601), received at `now`, is out of the skew window; undefined if within. */
export function clockSkewProblem(issuedAt: string, now: Date): ClockSkewProblem | undefined {
  const age = now.getTime() - Date.parse(issuedAt);
  if (age > MAX_CLOCK_SKEW_MS) {
    return {
      reason: 'stale',
      message: `issued_at ${issuedAt} is ${seconds(age)} s old; at most ${seconds(MAX_CLOCK_SKEW_MS)} s is accepted`,
    };
  }
  if (-age > MAX_CLOCK_SKEW_MS) {
    return {
      reason: 'future',
      message: `issued_at ${issuedAt} is ${seconds(-age)} s ahead of this node's clock; at most ${seconds(MAX_CLOCK_SKEW_MS)} s is accepted`,
    };
  }
  return undefined;
}

function seconds(ms: number): string {
  return (ms / 1_000).toFixed(1).replace(/\.0$/, '');
}
