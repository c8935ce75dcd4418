// When a campaign runs: once, every fixed interval, or on a cron expression in a time zone. Each
// occurrence starts a run (a task DAG of its own). After downtime, the occurrences missed are
// folded into one run at the latest of them; a run never overlaps the previous one unless the
// schedule allows it. Pure: the clock is always passed in.
//
//   { "kind": "once" }                                            (the default)
//   { "kind": "interval", "every": "1d", "start_at": "2026-12-01T09:00:00Z" }
//   { "kind": "cron", "cron": "0 9 * * 1-5", "timezone": "Europe/Paris" }

import { Cron } from 'croner';
import { z } from 'zod';

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const EVERY = /^([1-9]\d{0,5})([smhd])$/;

/** An interval such as `30s`, `15m`, `2h` or `1d`. */
const Every = z
  .string()
  .regex(EVERY, 'write a whole number and a unit: s, m, h or d (e.g. "15m", "1d")');

/** An IANA time zone such as `Europe/Paris`. */
const TimeZone = z.string().refine(isTimeZone, 'use an IANA time zone such as "Europe/Paris"');

/** A cron expression (5 or 6 fields, croner's syntax). */
const CronExpression = z
  .string()
  .min(1)
  .max(200)
  .superRefine((pattern, context) => {
    const problem = cronProblem(pattern);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

/** What every recurring schedule shares. */
const recurring = {
  /** The first occurrence is not before this. Default: the launch. */
  start_at: z.coerce.date().optional(),
  /** No occurrence after this; the campaign completes once its last run settles. */
  end_at: z.coerce.date().optional(),
  /** Start an occurrence's run while the previous run is still open. Default false. */
  allow_overlap: z.boolean().default(false),
};

export const CampaignSchedule = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('once').default('once'),
    /** When the one run starts. Default: at launch. */
    start_at: z.coerce.date().optional(),
  }),
  z.object({ kind: z.literal('interval'), every: Every, ...recurring }),
  z.object({
    kind: z.literal('cron'),
    cron: CronExpression,
    timezone: TimeZone.default('UTC'),
    ...recurring,
  }),
]);
export type CampaignSchedule = z.infer<typeof CampaignSchedule>;

/** The occurrences due at a sweep: the run to start, how many it stands for, and the next one. */
export interface DueOccurrences {
  /** The latest occurrence at or before now: the run starts for it. */
  scheduledFor: Date;
  /**
   * Earlier occurrences at or before now that get no run of their own (downtime, overlap);
   * counted up to 100,000, then at least that many.
   */
  folded: number;
  /** The next occurrence after now, or undefined when the schedule has ended. */
  next: Date | undefined;
}

/** Occurrences counted one by one before a fold is reported as "at least" this many. */
const MAX_COUNTED = 100_000;

/** The first occurrence of `schedule` for a campaign launched at `launchedAt`. */
export function firstOccurrence(schedule: CampaignSchedule, launchedAt: Date): Date | undefined {
  const from = schedule.start_at && schedule.start_at > launchedAt ? schedule.start_at : launchedAt;
  if (schedule.kind === 'once' || schedule.kind === 'interval') return within(schedule, from);
  // A cron campaign launched exactly on an occurrence runs for it.
  return within(schedule, cronOf(schedule).nextRun(new Date(from.getTime() - 1)) ?? undefined);
}

/**
 * The occurrences due at `now`, given the campaign's next occurrence `nextRunAt` (≤ now), or
 * undefined when none is due.
 */
export function dueOccurrences(
  schedule: CampaignSchedule,
  nextRunAt: Date,
  now: Date,
): DueOccurrences | undefined {
  if (nextRunAt > now) return undefined;
  if (schedule.kind === 'once') return { scheduledFor: nextRunAt, folded: 0, next: undefined };
  let last = nextRunAt;
  let folded = 0;
  for (
    let next = following(schedule, last);
    next && next <= now;
    next = following(schedule, last)
  ) {
    if (schedule.end_at && next > schedule.end_at) break;
    last = next;
    folded += 1;
    if (folded >= MAX_COUNTED) {
      // Jump to the latest occurrence: a long outage on a seconds schedule is not walked.
      const end = schedule.end_at && schedule.end_at < now ? schedule.end_at : now;
      last = latestAtOrBefore(schedule, last, end);
      break;
    }
  }
  return { scheduledFor: last, folded, next: within(schedule, following(schedule, last)) };
}

/** The occurrence after `after` (itself an occurrence), ignoring end_at. */
function following(schedule: CampaignSchedule, after: Date): Date | undefined {
  if (schedule.kind === 'once') return undefined;
  if (schedule.kind === 'interval') return new Date(after.getTime() + everyMs(schedule.every));
  return cronOf(schedule).nextRun(after) ?? undefined;
}

/** The latest occurrence at or before `now`, from the occurrence `from`; ignores end_at. */
function latestAtOrBefore(schedule: CampaignSchedule, from: Date, now: Date): Date {
  if (schedule.kind === 'once') return from;
  if (schedule.kind === 'interval') {
    const step = everyMs(schedule.every);
    return new Date(from.getTime() + Math.floor((now.getTime() - from.getTime()) / step) * step);
  }
  return cronOf(schedule).previousRuns(1, new Date(now.getTime() + 1))[0] ?? from;
}

/** `at` when the schedule has not ended by then. */
function within(schedule: CampaignSchedule, at: Date | undefined): Date | undefined {
  if (!at) return undefined;
  return schedule.kind !== 'once' && schedule.end_at && at > schedule.end_at ? undefined : at;
}

/** `every` in milliseconds. */
export function everyMs(every: string): number {
  const [, amount, unit] = EVERY.exec(every) ?? [];
  return Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS];
}

function cronOf(schedule: Extract<CampaignSchedule, { kind: 'cron' }>): Cron {
  return new Cron(schedule.cron, { timezone: schedule.timezone, paused: true });
}

function cronProblem(pattern: string): string | undefined {
  try {
    new Cron(pattern, { paused: true });
    return undefined;
  } catch (error) {
    return `not a cron expression: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
