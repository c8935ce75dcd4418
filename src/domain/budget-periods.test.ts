// FR-CFO-004: budget periods roll over at the agent's local midnight (default UTC).

import { describe, expect, it } from 'vitest';
import { isTimeZone, localDate, periodStart } from './budget-periods.js';

describe('periodStart', () => {
  const at = new Date('2026-11-22T23:30:00Z'); // a Sunday, 23:30 UTC

  it('starts days, ISO weeks (Monday) and months in UTC by default', () => {
    expect(periodStart('daily', at)).toBe('2026-11-22');
    expect(periodStart('weekly', at)).toBe('2026-11-16');
    expect(periodStart('monthly', at)).toBe('2026-11-01');
  });

  it("rolls over by the agent's time zone", () => {
    // 23:30 UTC Sunday is already Monday 08:30 in Tokyo, and still Sunday 15:30 in Los Angeles.
    expect(periodStart('daily', at, 'Asia/Tokyo')).toBe('2026-11-23');
    expect(periodStart('weekly', at, 'Asia/Tokyo')).toBe('2026-11-23');
    expect(periodStart('daily', at, 'America/Los_Angeles')).toBe('2026-11-22');
    expect(periodStart('monthly', new Date('2026-11-30T20:00:00Z'), 'Pacific/Auckland')).toBe(
      '2026-12-01',
    );
  });

  it('changes period exactly at local midnight', () => {
    expect(localDate(new Date('2026-11-22T23:59:59.999Z'), 'UTC')).toBe('2026-11-22');
    expect(localDate(new Date('2026-11-23T00:00:00Z'), 'UTC')).toBe('2026-11-23');
  });

  it('knows real zones and refuses made-up ones', () => {
    expect(isTimeZone('Europe/Lisbon')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
