import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayKey, startOfDay, startOfDaysBack } from './day.ts';

describe('store days', () => {
  it('finds local midnight in the store time zone, across DST changes', () => {
    expect(new Date(startOfDay(Date.UTC(2026, 10, 23, 10), 'Europe/Warsaw')).toISOString()).toBe(
      '2026-11-22T23:00:00.000Z',
    );
    expect(new Date(startOfDay(Date.UTC(2026, 6, 1, 10), 'Europe/Warsaw')).toISOString()).toBe(
      '2026-06-30T22:00:00.000Z',
    );
    expect(new Date(startOfDay(Date.UTC(2026, 2, 29, 12), 'Europe/Warsaw')).toISOString()).toBe(
      '2026-03-28T23:00:00.000Z',
    );
    expect(new Date(startOfDaysBack(Date.UTC(2026, 10, 23, 10), 1, 'UTC')).toISOString()).toBe(
      '2026-11-22T00:00:00.000Z',
    );
  });

  it('the start of a day is in that day and a moment earlier is not (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }),
        fc.constantFrom(
          'UTC',
          'Europe/Warsaw',
          'America/New_York',
          'Asia/Kolkata',
          'Australia/Lord_Howe',
        ),
        (ms, tz) => {
          const s = startOfDay(ms, tz);
          expect(s).toBeLessThanOrEqual(ms);
          expect(dayKey(s, tz)).toBe(dayKey(ms, tz));
          expect(dayKey(s - 1, tz)).not.toBe(dayKey(ms, tz));
        },
      ),
    );
  });
});
