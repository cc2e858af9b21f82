import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PortableEvent } from '../portable/types.ts';
import { fold } from '../queue/fold.ts';
import { appointmentPlace } from '../queue/line-order.ts';
import { ev } from '../testing/store.ts';
import { ChannelRates } from './channels.ts';
import { WaitEstimator } from './estimator.ts';
import { LineTracker, type CounterEntry, type LineSnapshot, type WaitingEntry } from './line.ts';
import { channelFigures, lineFromQueueState } from './queue-state.ts';

/**
 * Waits that know the channels (issue 19): remote tickets not checked in and booked times, in
 * the line tracker, the learned rates and the forward simulation.
 */
const T = Date.UTC(2025, 0, 6, 10);
const MIN = 60_000;
const at = (min: number): number => T + min * MIN;
const many = { replications: { budget: 1e9, min: 3000, max: 3000 } };

describe('the line tracker and the learned rates', () => {
  it('says what check-ins and bookings taught', () => {
    const line = new LineTracker();
    const apply = (e: PortableEvent) => line.apply(e);
    apply({
      at: at(-60),
      type: 'appointment.booked',
      appointment: 'a1',
      service: 'A',
      slot: at(5),
    });
    apply({
      at: at(-59),
      type: 'appointment.booked',
      appointment: 'a2',
      service: 'A',
      slot: at(9),
    });
    apply({ at: at(0), type: 'ticket.issued', ticket: 'r1', service: 'A', checkIn: true });
    apply({ at: at(1), type: 'ticket.issued', ticket: 'r2', service: 'A', checkIn: true });
    expect(line.snapshot()).toMatchObject({
      waiting: [
        { ticket: 'r1', awaitingCheckIn: true },
        { ticket: 'r2', awaitingCheckIn: true },
      ],
      booked: [
        { appointment: 'a1', service: 'A', slotAt: at(5) },
        { appointment: 'a2', service: 'A', slotAt: at(9) },
      ],
    });
    expect(apply({ at: at(4), type: 'ticket.checkedIn', ticket: 'r1' })).toEqual([
      { kind: 'checkInEnded', service: 'A', checkedIn: true, delayMs: 4 * MIN },
    ]);
    // the booked customer checks in: a ticket with its slot, placed ahead of the walk-ins
    expect(
      apply({
        at: at(4),
        type: 'ticket.issued',
        ticket: 'b1',
        service: 'A',
        channel: 'appointment',
        appointment: 'a1',
        slot: at(5),
      }),
    ).toEqual([{ kind: 'appointmentEnded', service: 'A', showed: true, offsetMs: -MIN }]);
    expect(line.waitingTicket('b1')).toMatchObject({ key: appointmentPlace(at(5)), slotAt: at(5) });
    expect(line.snapshot().waiting[0]!.ticket).toBe('b1');
    // never came: not an abandonment (the model skips it there), a check-in that did not happen
    expect(
      apply({ at: at(20), type: 'ticket.cancelled', ticket: 'r2', reason: 'noCheckIn' }),
    ).toMatchObject([
      { kind: 'waitEnded', abandoned: true, noCheckIn: true },
      { kind: 'checkInEnded', checkedIn: false },
    ]);
    expect(
      apply({ at: at(20), type: 'appointment.cancelled', appointment: 'a2', reason: 'missed' }),
    ).toEqual([{ kind: 'appointmentEnded', service: 'A', showed: false }]);
    expect(line.snapshot()).not.toHaveProperty('booked');
  });

  it('assumes everyone comes, at once, until it has learned otherwise', () => {
    const rates = new ChannelRates();
    expect(rates.remoteShowProb('A')).toBe(1);
    expect(rates.bookedShowProb('A')).toBe(1);
    expect(rates.checkInMeanMs('A')).toBe(0);
    for (let i = 0; i < 200; i++) {
      rates.learn({ kind: 'checkInEnded', service: 'A', checkedIn: i % 5 !== 0, delayMs: 6 * MIN });
      rates.learn({ kind: 'appointmentEnded', service: 'A', showed: i % 10 !== 0 });
    }
    expect(rates.remoteShowProb('A')).toBeCloseTo(0.8, 1);
    expect(rates.bookedShowProb('A')).toBeCloseTo(0.9, 1);
    expect(rates.checkInMeanMs('A') / MIN).toBeCloseTo(6, 0);
    expect(rates.checkInLearned('A')).toBe(true);
    // another service learned nothing
    expect(rates.remoteShowProb('B')).toBe(1);
  });

  it('learns when booked customers check in around their slot', () => {
    const rates = new ChannelRates();
    expect(rates.bookedLeadLearned('A')).toBe(false);
    for (let i = 0; i < 40; i++)
      rates.learn({ kind: 'appointmentEnded', service: 'A', showed: true, offsetMs: -4 * MIN });
    expect(rates.bookedLeadLearned('A')).toBe(true);
    // measured from BOOKED_LEAD_MS (30 min) before the slot: 4 min early is 26 min
    expect(rates.bookedLeadMeanMs('A') / MIN).toBeCloseTo(26, 6);
  });
});

function busyCounters(n: number): CounterEntry[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `c${i}`,
    open: true,
    services: ['A'],
    busy: { ticket: `x${i}`, service: 'A', key: -1, calledAt: at(-1), started: true },
  }));
}

/** A line of plain and remote tickets ahead of a new walk-in. */
function lineOf(remote: readonly boolean[], counters: number): LineSnapshot {
  const waiting: WaitingEntry[] = remote.map((r, i) => ({
    ticket: `t${i}`,
    service: 'A',
    key: i,
    since: at(-10 + i),
    ...(r ? { awaitingCheckIn: true as const } : {}),
  }));
  return { waiting, counters: busyCounters(counters) };
}

/** An estimator that has seen `n` phone customers: one in three never came, the others in ~8 min. */
function learned(n: number): WaitEstimator {
  const est = new WaitEstimator({ defaultServiceSec: 300, ...many });
  const day = at(-24 * 60);
  est.observe({ at: day, type: 'counter.opened', counter: 'c0', services: ['A'] });
  for (let i = 0; i < n; i++) {
    const t0 = day + i * 20 * MIN;
    const ticket = `p${i}`;
    est.observe({ at: t0, type: 'ticket.issued', ticket, service: 'A', checkIn: true });
    if (i % 3 === 0) {
      est.observe({ at: t0 + 15 * MIN, type: 'ticket.cancelled', ticket, reason: 'noCheckIn' });
      continue;
    }
    est.observe({ at: t0 + (6 + (i % 5)) * MIN, type: 'ticket.checkedIn', ticket });
    est.observe({ at: t0 + 11 * MIN, type: 'ticket.called', ticket, counter: 'c0' });
    const done = t0 + (13 + (i % 7)) * MIN;
    est.observe({ at: done, type: 'ticket.completed', ticket, counter: 'c0' });
  }
  est.observe({ at: at(-1), type: 'counter.closed', counter: 'c0' });
  return est;
}

const mean = (est: WaitEstimator, line: LineSnapshot): number =>
  est.estimateInLine(line, 'A', Infinity, T).meanSec;

describe('the forward simulation with the channels', () => {
  const lines = fc.record({
    remote: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
    counters: fc.integer({ min: 1, max: 3 }),
  });

  it('with nothing learned, a remote ticket ahead counts as a customer here (property)', () => {
    fc.assert(
      fc.property(lines, ({ remote, counters }) => {
        const est = new WaitEstimator({ defaultServiceSec: 300 });
        const plain = lineOf(
          remote.map(() => false),
          counters,
        );
        expect(est.estimateInLine(lineOf(remote, counters), 'A', Infinity, T)).toEqual(
          est.estimateInLine(plain, 'A', Infinity, T),
        );
      }),
      { numRuns: 30 },
    );
  });

  it('learned: remote tickets ahead weigh between absent and here (property)', () => {
    const est = learned(90);
    fc.assert(
      fc.property(lines, ({ remote, counters }) => {
        if (!remote.includes(true)) return;
        const known = mean(est, lineOf(remote, counters));
        const here = mean(
          est,
          lineOf(
            remote.map(() => false),
            counters,
          ),
        );
        const absent = mean(
          est,
          lineOf(
            remote.filter((r) => !r),
            counters,
          ),
        );
        // never below the line without them, never above the line with them all here
        // (sampling noise of 3000 replications: 4%)
        expect(known).toBeGreaterThanOrEqual(absent * 0.96);
        expect(known).toBeLessThanOrEqual(here * 1.04);
      }),
      { numRuns: 15 },
    );
    // one counter, one phone ticket ahead (one in three never came): less than one here
    const one = mean(est, lineOf([true], 1));
    expect(one).toBeLessThan(mean(est, lineOf([false], 1)) * 0.9);
    expect(one).toBeGreaterThan(mean(est, lineOf([], 1)) * 1.02);
  });

  it('a booked time jumps ahead of a walk-in at slot - 5 min, not before', () => {
    const est = new WaitEstimator({ defaultServiceSec: 300, ...many });
    const none: LineSnapshot = { waiting: [], counters: busyCounters(1) };
    const booked = (slotIn: number): LineSnapshot => ({
      ...none,
      booked: [{ appointment: 'a', service: 'A', slotAt: at(slotIn) }],
    });
    const base = mean(est, none);
    // one busy counter, five minutes a customer: due now, the booking is served first
    expect(mean(est, booked(3))).toBeGreaterThan(base * 1.8);
    // due in an hour: the walk-in is long called by then
    expect(mean(est, booked(60))).toBeLessThan(base * 1.05);
    // past its time by more than the longest late window a store may set: taken as missed
    expect(mean(est, booked(-121))).toBeLessThan(base * 1.05);
    // within it, with nothing learned: still assumed to come (never rosier)
    expect(mean(est, booked(-30))).toBeGreaterThan(base * 1.8);
    // learned that booked customers come 1 min after their slot, all of them: a booking due
    // in 3 min is not here when the busy counter frees in 4 min less often than assumed unlearned
    const late = new WaitEstimator({ defaultServiceSec: 300, ...many });
    late.observe({ at: at(-600), type: 'counter.opened', counter: 'k', services: ['A'] });
    for (let i = 0; i < 40; i++) {
      const slot = at(-590 + i * 10);
      const appointment = `p${i}`;
      late.observe({
        at: at(-595 + i * 10),
        type: 'appointment.booked',
        appointment,
        service: 'A',
        slot,
      });
      late.observe({
        at: slot + MIN,
        type: 'ticket.issued',
        ticket: `b${i}`,
        service: 'A',
        channel: 'appointment',
        appointment,
        slot,
      });
    }
    late.observe({ at: at(-100), type: 'counter.closed', counter: 'k' });
    const lateMean = mean(late, booked(3));
    expect(lateMean).toBeLessThan(mean(est, booked(3)) * 0.95);
    expect(lateMean).toBeGreaterThan(mean(late, none) * 1.05);
    // a checked-in booked customer whose time is far off does not hold up a free counter
    const free: LineSnapshot = {
      waiting: [
        { ticket: 'b', service: 'A', key: appointmentPlace(at(45)), since: T, slotAt: at(45) },
      ],
      counters: [{ id: 'c0', open: true, services: ['A'] }],
    };
    expect(mean(est, free)).toBe(0);
  });
});

describe('the app line and the public figures', () => {
  it('carry the remote tickets awaiting check-in and the booked times', () => {
    const state = fold([
      ev('agent', 1, at(-60), {
        type: 'appointment.booked',
        appointment: 'a1',
        service: 'advice',
        at: at(30),
        code: '123456',
      }),
      ev('agent', 2, at(-59), {
        type: 'appointment.booked',
        appointment: 'a2',
        service: 'advice',
        at: at(15),
        code: '654321',
      }),
      ev('agent', 3, at(0), {
        type: 'ticket.issued',
        ticket: 'p1',
        service: 'advice',
        number: 'A001',
        n: 1,
        channel: 'phone',
        checkIn: true,
      }),
    ]);
    const line = lineFromQueueState(state);
    expect(line.waiting).toMatchObject([{ ticket: 'p1', awaitingCheckIn: true }]);
    expect(line.booked?.map((b) => b.appointment).sort()).toEqual(['a1', 'a2']);
    expect(channelFigures(state, 'advice', at(1))).toEqual({
      remoteWaiting: 1,
      nextSlot: new Date(at(15)).toISOString(),
    });
    expect(channelFigures(state, 'advice', at(20))).toMatchObject({
      nextSlot: new Date(at(30)).toISOString(),
    });
    expect(channelFigures(state, 'returns', at(1))).toEqual({ remoteWaiting: 0 });
  });
});
