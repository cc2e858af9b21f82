import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zoneOffsetMs } from '../clock/zone-offset.ts';
import type { OpeningHours, OpeningSpan } from '../config/types.ts';
import { issuing, lastTicketAt } from './last-ticket.ts';
import { isOpenAt, nextOpeningAfter, openingOn } from './schedule.ts';
import { dayNumberOf, instantAt, localAt } from './wall-time.ts';

const ZONES = ['Europe/Warsaw', 'America/New_York', 'UTC', 'Asia/Kolkata', 'Australia/Sydney'];
const day = (date: string): number => dayNumberOf(date) ?? Number.NaN;
/** Daylight-saving change days (Warsaw: last Sundays of March and October; New York). */
const CHANGE_DAYS = ['2026-03-29', '2026-10-25', '2026-03-08', '2026-11-01', '2027-03-28'].map(day);

const zone = fc.constantFrom(...ZONES);
/** Any day of 2025..2028, with the change days and their neighbours drawn often. */
const aDay = fc.oneof(
  fc.integer({ min: day('2025-01-01'), max: day('2028-12-31') }),
  fc.constantFrom(...CHANGE_DAYS).chain((d) => fc.integer({ min: d - 1, max: d + 1 })),
);
const hhmm = (m: number): string =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
/** Spans within 04:00..24:00, away from the night hours the clocks change in. */
const aSpan = fc
  .tuple(fc.integer({ min: 240, max: 1380 }), fc.integer({ min: 1, max: 600 }))
  .map(([open, len]): OpeningSpan => ({
    open: hhmm(open),
    close: hhmm(Math.min(1440, open + len)),
  }));
const someHours = fc
  .record({
    mon: aSpan,
    tue: aSpan,
    wed: aSpan,
    thu: aSpan,
    fri: aSpan,
    sat: aSpan,
    sun: aSpan,
  })
  .chain((week) =>
    fc
      .subarray(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const, { minLength: 1 })
      .map((days): OpeningHours => ({
        weekly: Object.fromEntries(days.map((d) => [d, week[d]])),
      })),
  );
const DAY_MS = 86_400_000;

describe('opening-hours arithmetic across time zones and daylight-saving changes', () => {
  it('a wall time read back is the same wall time, or an hour later inside a spring gap', () => {
    fc.assert(
      fc.property(zone, aDay, fc.integer({ min: 0, max: 1439 }), (tz, d, minute) => {
        const back = localAt(instantAt(d, minute, tz), tz);
        const moved = back.day * 1440 + back.minute - (d * 1440 + minute);
        const offsetChanges =
          zoneOffsetMs(d * DAY_MS - DAY_MS, tz) !== zoneOffsetMs(d * DAY_MS + 2 * DAY_MS, tz);
        expect(moved === 0 || (moved === 60 && offsetChanges)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('an opening lasts its wall-clock length less the hour the clocks move within it', () => {
    fc.assert(
      fc.property(zone, aDay, aSpan, (tz, d, span) => {
        const o = openingOn({ weekly: { [weekday(d)]: span } }, d, tz);
        if (!o) throw new Error('a listed day must open');
        const [open, close] = [span.open, span.close].map(toMinutes) as [number, number];
        const shift = zoneOffsetMs(o.closeAt - 1, tz) - zoneOffsetMs(o.openAt, tz);
        expect(o.closeAt - o.openAt).toBe((close - open) * 60_000 - shift);
        expect(localAt(o.openAt, tz)).toEqual({ day: d, minute: open });
      }),
      { numRuns: 1000 },
    );
  });

  it('the next opening is open, and nothing between a closed instant and it is', () => {
    fc.assert(
      fc.property(
        zone,
        someHours,
        aDay,
        fc.integer({ min: 0, max: DAY_MS - 1 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 5 }),
        (tz, hours, d, offset, probes) => {
          const t = d * DAY_MS + offset;
          const next = nextOpeningAfter(hours, tz, t);
          if (next === undefined) throw new Error('a weekly opening recurs within a week');
          expect(next).toBeGreaterThan(t);
          expect(next - t).toBeLessThanOrEqual(8 * DAY_MS);
          expect(isOpenAt(hours, tz, next)).toBe(true);
          expect(isOpenAt(hours, tz, next - 1)).toBe(false);
          if (isOpenAt(hours, tz, t)) return;
          for (const p of probes) {
            expect(isOpenAt(hours, tz, t + Math.floor(p * (next - t - 1)))).toBe(false);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a ticket is refused exactly when its wait passes closing minus the typical time', () => {
    fc.assert(
      fc.property(
        zone,
        aDay,
        aSpan,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 4 * 3600 }),
        fc.integer({ min: 0, max: 3600 }),
        (tz, d, span, where, waitSec, typicalSec) => {
          const hours: OpeningHours = { weekly: { [weekday(d)]: span } };
          const o = openingOn(hours, d, tz);
          if (!o) throw new Error('a listed day must open');
          const now = o.openAt + Math.floor(where * (o.closeAt - o.openAt - 1));
          const got = issuing({ hours, timeZone: tz, now, typicalSec, waitSec, issuedToday: 0 });
          const late = now + waitSec * 1000 > lastTicketAt(o.closeAt, typicalSec);
          expect(got.kind).toBe(late ? 'lineFull' : 'open');
          if (got.kind === 'lineFull') expect(got.opensAt).toBeGreaterThanOrEqual(o.closeAt);
          // a longer line is never less full
          const longer = issuing({
            hours,
            timeZone: tz,
            now,
            typicalSec,
            waitSec: waitSec + 60,
            issuedToday: 0,
          });
          if (late) expect(longer.kind).toBe('lineFull');
        },
      ),
      { numRuns: 1000 },
    );
  });
});

function weekday(d: number): 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun' {
  return (['thu', 'fri', 'sat', 'sun', 'mon', 'tue', 'wed'] as const)[((d % 7) + 7) % 7] ?? 'mon';
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}
