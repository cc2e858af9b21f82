import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APPOINTMENT_EARLY_MS } from '../queue/line-order.ts';
import { simulate, type CounterShift, type SimBooking, type SimCustomer } from './engine.ts';

/**
 * The simulator's remote and booked customers (issue 19), by line-order.ts's rule: a remote
 * customer is passed over until checked in and dropped after the grace time; a booked one is
 * called from 5 minutes before the slot ahead of walk-ins, earlier only when nobody else can be.
 */
const T = Date.UTC(2025, 0, 6, 9);
const MIN = 60_000;
const at = (min: number): number => T + min * MIN;
const customer = (
  ticket: string,
  arrivalMin: number,
  minutes: number,
  extra: Partial<SimCustomer> = {},
): SimCustomer => ({
  ticket,
  service: 'A',
  arrival: at(arrivalMin),
  patienceMs: Infinity,
  visits: [{ durationMs: minutes * MIN, outcome: 'completed' }],
  ...extra,
});
const counter = (from = 0, to = 240): CounterShift => ({
  counter: 'c1',
  services: ['A'],
  from: at(from),
  to: at(to),
});
const firstCalls = (
  customers: SimCustomer[],
  shifts: CounterShift[],
  bookings: SimBooking[] = [],
): (number | null)[] =>
  [...simulate(customers, shifts, bookings).firstCall].map((t) =>
    Number.isNaN(t) ? null : (t - T) / MIN,
  );

describe('simulation engine: remote and booked customers', () => {
  it('a remote customer keeps the place but is called only once checked in', () => {
    const c = [
      customer('r1', 0, 5, { channel: 'phone', checkInAfterMs: 12 * MIN, graceMs: 30 * MIN }),
      customer('w1', 1, 5),
      customer('w2', 2, 5),
    ];
    // w1 at once, w2 at 6, r1 checked in at 12 and first in line when c1 frees at 11... at 12
    expect(firstCalls(c, [counter()])).toEqual([12, 1, 6]);
    const events = simulate(c, [counter()]).events;
    expect(events.find((e) => e.type === 'ticket.issued' && e.ticket === 'r1')).toMatchObject({
      channel: 'phone',
      checkIn: true,
    });
    expect(events.find((e) => e.type === 'ticket.checkedIn')).toMatchObject({ at: at(12) });
  });

  it('one who never checks in is dropped after the grace time, reason noCheckIn', () => {
    const c = [
      customer('r1', 0, 5, { checkInAfterMs: Infinity, graceMs: 20 * MIN }),
      customer('w1', 1, 5),
    ];
    const r = simulate(c, [counter()]);
    expect(firstCalls(c, [counter()])).toEqual([null, 1]);
    expect(r.events.filter((e) => e.type === 'ticket.cancelled')).toEqual([
      { at: at(20), type: 'ticket.cancelled', ticket: 'r1', reason: 'noCheckIn' },
    ]);
  });

  it('a booked customer goes ahead of earlier walk-ins from 5 min before the slot', () => {
    const slot = at(20);
    const c = [
      customer('w1', 0, 10),
      customer('w2', 1, 10),
      customer('w3', 2, 10),
      customer('b1', 8, 10, { channel: 'appointment', appointment: 'a1', slotAt: slot }),
    ];
    // c1 frees at 10 (b1 too early: w2), at 20 (b1's time has come: b1 before w3)
    expect(firstCalls(c, [counter()])).toEqual([0, 10, 30, 20]);
  });

  it('an early booked customer is called when nobody else can be (firstToCall)', () => {
    const c = [customer('b1', 0, 5, { appointment: 'a1', slotAt: at(30) }), customer('w1', 10, 5)];
    expect(firstCalls(c, [counter()])).toEqual([0, 10]);
  });

  it('writes the bookings and cancels the missed ones', () => {
    const bookings: SimBooking[] = [
      { appointment: 'a1', service: 'A', bookedAt: at(-60), slotAt: at(20) },
      { appointment: 'a2', service: 'A', bookedAt: at(-59), slotAt: at(40), missedAt: at(50) },
    ];
    const events = simulate([], [counter()], bookings).events;
    expect(events.filter((e) => e.type.startsWith('appointment.'))).toEqual([
      { at: at(-60), type: 'appointment.booked', appointment: 'a1', service: 'A', slot: at(20) },
      { at: at(-59), type: 'appointment.booked', appointment: 'a2', service: 'A', slot: at(40) },
      { at: at(50), type: 'appointment.cancelled', appointment: 'a2', reason: 'missed' },
    ]);
  });

  it('nobody is called before they may be (property)', () => {
    const arb = fc.array(
      fc.record({
        arrival: fc.integer({ min: 0, max: 120 }),
        minutes: fc.integer({ min: 1, max: 15 }),
        kind: fc.constantFrom('walk', 'remote', 'never', 'booked'),
        delay: fc.integer({ min: 0, max: 40 }),
        slot: fc.integer({ min: -10, max: 40 }),
      }),
      { maxLength: 25 },
    );
    fc.assert(
      fc.property(arb, (spec) => {
        const sorted = [...spec].sort((a, b) => a.arrival - b.arrival);
        const customers = sorted.map((s, i) =>
          customer(`t${i}`, s.arrival, s.minutes, {
            ...(s.kind === 'remote' ? { checkInAfterMs: s.delay * MIN, graceMs: 30 * MIN } : {}),
            ...(s.kind === 'never' ? { checkInAfterMs: Infinity, graceMs: 30 * MIN } : {}),
            ...(s.kind === 'booked'
              ? { appointment: `a${i}`, slotAt: at(s.arrival + s.slot) }
              : {}),
          }),
        );
        const r = simulate(customers, [counter(0, 100_000)]);
        customers.forEach((c, i) => {
          const call = r.firstCall[i]!;
          const after = c.checkInAfterMs ?? 0;
          if (after > 30 * MIN) expect(call).toBeNaN();
          else expect(call).toBeGreaterThanOrEqual(c.arrival + after);
        });
        // one counter: a booked customer called before slot - 5 min means nobody else was
        // callable then (every other ticket waiting at that moment was not yet callable)
        customers.forEach((c, i) => {
          const call = r.firstCall[i]!;
          if (c.slotAt === undefined || !(call < c.slotAt - APPOINTMENT_EARLY_MS)) return;
          customers.forEach((o, j) => {
            if (j === i || o.slotAt !== undefined) return;
            const after = o.checkInAfterMs ?? 0;
            const ready = after > 30 * MIN ? Infinity : o.arrival + after;
            const later = Number.isNaN(r.firstCall[j]!) || r.firstCall[j]! > call;
            expect(ready < call && later, `t${j} was callable when t${i} came early`).toBe(false);
          });
        });
      }),
      { numRuns: 200 },
    );
  });
});
