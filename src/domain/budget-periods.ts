// Budget periods roll over at local midnight in the agent's time zone (default UTC): a day, an
// ISO week starting on Monday, or a calendar month. Returns the period's first local date.

export type BudgetPeriod = 'daily' | 'weekly' | 'monthly';

/** The agent's local calendar date at `at`, as 'YYYY-MM-DD'. Throws RangeError on a bad zone. */
export function localDate(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const part = (type: string) => parts.find((found) => found.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The first local date of the `period` that contains `at` in `timeZone`. */
export function periodStart(period: BudgetPeriod, at: Date, timeZone = 'UTC'): string {
  const today = localDate(at, timeZone);
  if (period === 'daily') return today;
  if (period === 'monthly') return `${today.slice(0, 8)}01`;
  const date = new Date(`${today}T00:00:00Z`);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - sinceMonday);
  return date.toISOString().slice(0, 10);
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    localDate(new Date(0), timeZone);
    return true;
  } catch {
    return false;
  }
}
