import { describe, expect, it } from 'vitest';
import { addDays } from '../reports/request.ts';
import { dayAfter, LOOKUP_DAYS_WITHOUT_LIMIT, lookupDays } from './lookup.ts';

/** A year of day files, oldest first. */
const days = Array.from({ length: 365 }, (_, i) => addDays('2026-01-01', i));
const scope = { days, today: '2026-12-31', timeZone: 'Europe/Warsaw', keepDays: 30 };

describe('the day files a lookup of a ticket’s data reads', () => {
  it('reads the day the link names, and the neighbouring one only near midnight', () => {
    const at = (iso: string) => ({ ...scope, takenAt: Date.parse(iso) });
    expect(lookupDays(at('2026-06-10T10:00:00Z'))).toEqual(['2026-06-10']);
    // 23:30 in Warsaw: the next day too, newest first
    expect(lookupDays(at('2026-06-10T21:30:00Z'))).toEqual(['2026-06-11', '2026-06-10']);
    // a day the history does not hold: nothing to read
    expect(lookupDays(at('2025-06-10T10:00:00Z'))).toEqual([]);
  });

  it('without the link’s time, reads only the retention window, newest first', () => {
    const window = lookupDays(scope);
    expect(window).toHaveLength(31);
    expect(window[0]).toBe('2026-12-31');
    expect(window.at(-1)).toBe('2026-12-01');
    expect(lookupDays({ ...scope, keepDays: 0 })).toHaveLength(LOOKUP_DAYS_WITHOUT_LIMIT + 1);
  });

  it('finds the day after a ticket’s, for a visit that ended past midnight', () => {
    expect(dayAfter(['2026-01-10', '2026-03-01'], '2026-01-10')).toBe('2026-03-01');
    expect(dayAfter(['2026-01-10'], '2026-01-10')).toBeUndefined();
  });
});
