import { describe, expect, it } from 'vitest';
import { CampaignSchedule, dueOccurrences, firstOccurrence } from './campaign-schedule.js';
import { fieldProblems } from './field-problems.js';

const at = (iso: string) => new Date(iso);
const parse = (value: unknown) => CampaignSchedule.parse(value);

function problems(value: unknown): string[] {
  const parsed = CampaignSchedule.safeParse(value);
  return parsed.success ? [] : fieldProblems(parsed.error);
}

describe('CampaignSchedule', () => {
  it('defaults to once, and refuses bad intervals, cron expressions and time zones by field', () => {
    expect(parse({})).toEqual({ kind: 'once' });
    expect(parse({ kind: 'interval', every: '15m' })).toEqual({
      kind: 'interval',
      every: '15m',
      allow_overlap: false,
    });
    expect(problems({ kind: 'interval', every: '15 minutes' })).toEqual([
      expect.stringMatching(/^every: write a whole number and a unit/),
    ]);
    expect(problems({ kind: 'cron', cron: '61 * * * *' })).toEqual([
      expect.stringMatching(/^cron: not a cron expression/),
    ]);
    expect(problems({ kind: 'cron', cron: '0 9 * * *', timezone: 'Mars/Olympus' })).toEqual([
      expect.stringMatching(/^timezone: use an IANA time zone/),
    ]);
    expect(problems({ kind: 'weekly' })).toEqual([expect.stringMatching(/^kind: /)]);
  });
});

describe('occurrences', () => {
  const launched = at('2026-11-30T10:00:30Z');

  it('runs once at launch, or at start_at', () => {
    expect(firstOccurrence(parse({}), launched)).toEqual(launched);
    const later = at('2026-12-01T08:00:00Z');
    expect(firstOccurrence(parse({ start_at: later }), launched)).toEqual(later);
    expect(dueOccurrences(parse({}), launched, launched)).toEqual({
      scheduledFor: launched,
      folded: 0,
      next: undefined,
    });
  });

  it('steps an interval from its first occurrence, and folds missed ones into the latest', () => {
    const schedule = parse({ kind: 'interval', every: '1m' });
    expect(firstOccurrence(schedule, launched)).toEqual(launched);
    expect(dueOccurrences(schedule, launched, at('2026-11-30T10:00:29Z'))).toBeUndefined();
    expect(dueOccurrences(schedule, launched, launched)).toEqual({
      scheduledFor: launched,
      folded: 0,
      next: at('2026-11-30T10:01:30Z'),
    });
    // Ten minutes down: one run, for the latest occurrence; the ten before it are folded.
    expect(dueOccurrences(schedule, launched, at('2026-11-30T10:10:45Z'))).toEqual({
      scheduledFor: at('2026-11-30T10:10:30Z'),
      folded: 10,
      next: at('2026-11-30T10:11:30Z'),
    });
  });

  it('walks a year of a seconds interval without counting every occurrence', () => {
    const schedule = parse({ kind: 'interval', every: '1s' });
    const due = dueOccurrences(schedule, launched, at('2027-11-30T10:00:30Z'));
    expect(due?.scheduledFor).toEqual(at('2027-11-30T10:00:30Z'));
    expect(due?.folded).toBe(100_000);
  });

  it('follows a cron expression in its time zone, across a change of daylight saving time', () => {
    const schedule = parse({ kind: 'cron', cron: '0 9 * * *', timezone: 'Europe/Paris' });
    expect(firstOccurrence(schedule, launched)).toEqual(at('2026-12-01T08:00:00Z'));
    const march = at('2027-03-27T08:00:00Z'); // 09:00 in Paris, the day before summer time
    expect(dueOccurrences(schedule, march, march)?.next).toEqual(at('2027-03-28T07:00:00Z'));
  });

  it('runs a cron campaign launched on an occurrence for that occurrence', () => {
    const schedule = parse({ kind: 'cron', cron: '0 9 * * *' });
    expect(firstOccurrence(schedule, at('2026-12-01T09:00:00Z'))).toEqual(
      at('2026-12-01T09:00:00Z'),
    );
  });

  it('stops at end_at', () => {
    const schedule = parse({ kind: 'interval', every: '1h', end_at: '2026-11-30T12:00:30Z' });
    const due = dueOccurrences(schedule, launched, at('2026-11-30T13:30:00Z'));
    expect(due).toEqual({ scheduledFor: at('2026-11-30T12:00:30Z'), folded: 2, next: undefined });
    expect(firstOccurrence(schedule, at('2026-11-30T13:00:00Z'))).toBeUndefined();
  });
});
