import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoreConfig } from '../config/types.ts';
import { dayNumberOf, instantAt, localAt } from '../hours/wall-time.ts';
import { testStore } from '../testing/store.ts';
import { applyBookingRecord, bookedIn, type Booking } from './bookings.ts';
import { bookSlot, cancelBooking, moveBooking } from './decide.ts';
import { slotsOfDay } from './slots.ts';

const day = (date: string): number => dayNumberOf(date) ?? Number.NaN;
const hhmm = (m: number): string =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

function store(timeZone: string, slotMin: number, perSlot: number, hours?: [number, number]) {
  const span = hours ? { open: hhmm(hours[0]), close: hhmm(hours[1]) } : undefined;
  const weekly = span
    ? { mon: span, tue: span, wed: span, thu: span, fri: span, sat: span, sun: span }
    : undefined;
  return {
    ...testStore,
    store: { ...testStore.store, timeZone, ...(weekly ? { hours: { weekly } } : {}) },
    services: testStore.services.map((s) =>
      s.id === 'advice' ? { ...s, booking: { slotMin, perSlot } } : s,
    ),
    booking: { range: { from: 5000, to: 5999 }, daysAhead: 3 },
  } satisfies StoreConfig;
}

const wallMinutes = (cfg: StoreConfig, d: number) =>
  slotsOfDay(cfg, 'advice', d).map((s) => {
    const wall = localAt(s.at, cfg.store.timeZone);
    expect(wall.day).toBe(d);
    return wall.minute;
  });

describe('slots across time zones and daylight-saving changes', () => {
  it('skip the hour Warsaw and New York skip in spring, and keep every other wall time', () => {
    for (const [zone, date] of [
      ['Europe/Warsaw', '2026-03-29'],
      ['America/New_York', '2026-03-08'],
    ] as const) {
      const cfg = store(zone, 30, 1);
      const expected = Array.from({ length: 48 }, (_, i) => i * 30).filter(
        (m) => m < 120 || m >= 180,
      );
      expect(wallMinutes(cfg, day(date)), zone).toEqual(expected);
      const slots = slotsOfDay(cfg, 'advice', day(date));
      // a 23-hour day: the last slot ends at the next midnight, the real length of each is 30 min
      expect(slots.at(-1)!.end).toBe(instantAt(day(date) + 1, 0, zone));
    }
  });

  it('give each wall time once on the autumn day, the repeated hour at its first instant', () => {
    for (const [zone, date] of [
      ['Europe/Warsaw', '2026-10-25'],
      ['America/New_York', '2026-11-01'],
    ] as const) {
      const cfg = store(zone, 60, 1, [0, 1440]);
      expect(wallMinutes(cfg, day(date)), zone).toEqual(
        Array.from({ length: 24 }, (_, i) => i * 60),
      );
    }
  });

  it('start on the wall clock every slotMin from opening and end by closing (property)', () => {
    const zones = ['Europe/Warsaw', 'America/New_York', 'UTC', 'Asia/Kolkata', 'Australia/Sydney'];
    const changeDays = ['2026-03-29', '2026-10-25', '2026-03-08', '2026-11-01'].map(day);
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.oneof(
          fc.integer({ min: day('2026-01-01'), max: day('2027-12-31') }),
          fc.constantFrom(...changeDays),
        ),
        fc.integer({ min: 5, max: 240 }),
        fc.integer({ min: 0, max: 1400 }),
        fc.integer({ min: 1, max: 1440 }),
        (zone, d, slotMin, open, len) => {
          const close = Math.min(1440, open + len);
          const cfg = store(zone, slotMin, 1, [open, close]);
          const slots = slotsOfDay(cfg, 'advice', d);
          const closeAt = instantAt(d, close, zone);
          const openAt = instantAt(d, open, zone);
          let last = -Infinity;
          for (const s of slots) {
            const wall = localAt(s.at, zone);
            expect(wall.day).toBe(d);
            expect((wall.minute - localAt(openAt, zone).minute) % slotMin).toBe(0);
            expect(s.at).toBeGreaterThanOrEqual(openAt);
            expect(s.end).toBeLessThanOrEqual(closeAt);
            expect(s.end - s.at).toBe(slotMin * 60_000);
            expect(s.at).toBeGreaterThan(last);
            // the wall time exists: reading it back gives the same instant
            expect(instantAt(d, wall.minute, zone)).toBe(s.at);
            last = s.at;
          }
          // no slot is missing: a wall time that exists and fits before closing has one
          if (zone === 'UTC') {
            expect(slots.length).toBe(Math.floor((close - open) / slotMin));
          }
        },
      ),
    );
  });
});

describe('slot capacity', () => {
  it('is never exceeded under any interleaving of book, move and cancel (property)', () => {
    const cfg = store('Europe/Warsaw', 60, 2, [540, 720]);
    const now = instantAt(day('2026-03-28'), 480, 'Europe/Warsaw');
    const slotStarts = [0, 1].flatMap((k) =>
      slotsOfDay(cfg, 'advice', day('2026-03-28') + k).map((s) => s.at),
    );
    const op = fc.oneof(
      fc.record({ kind: fc.constant('book' as const), slot: fc.nat(slotStarts.length - 1) }),
      fc.record({
        kind: fc.constant('move' as const),
        who: fc.nat(40),
        slot: fc.nat(slotStarts.length - 1),
      }),
      fc.record({ kind: fc.constant('cancel' as const), who: fc.nat(40) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const bookings = new Map<string, Booking>();
        let n = 0;
        for (const o of ops) {
          const id = o.kind === 'book' ? `b${n++}` : `b${o.who}`;
          const d =
            o.kind === 'book'
              ? bookSlot(cfg, bookings, {
                  id,
                  service: 'advice',
                  at: slotStarts[o.slot]!,
                  now,
                  code: String(100000 + n),
                  key: 'k',
                  addressToday: 0,
                })
              : o.kind === 'move'
                ? moveBooking(cfg, bookings, { id, at: slotStarts[o.slot]!, now })
                : cancelBooking(cfg, bookings, { id, now });
          if (d.ok) applyBookingRecord(bookings, d.record);
          for (const at of slotStarts) {
            expect(bookedIn(bookings, 'advice', at)).toBeLessThanOrEqual(2);
          }
        }
        // and every place refused was really taken: a slot with room always takes one more
        for (const at of slotStarts) {
          const d = bookSlot(cfg, bookings, {
            id: 'last',
            service: 'advice',
            at,
            now,
            code: '999999',
            key: 'k',
            addressToday: 0,
          });
          expect(d.ok).toBe(bookedIn(bookings, 'advice', at) < 2);
        }
      }),
    );
  });
});
