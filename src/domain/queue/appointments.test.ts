import { describe, expect, it } from 'vitest';
import { validateEvent } from '../sync/validate.ts';
import { ev, testStore } from '../testing/store.ts';
import { DEFAULT_LATE_MIN } from '../booking/slots.ts';
import { checkInBooked, dayBookings } from './booked-check-in.ts';
import { callNext } from './commands.ts';
import type { EventBody } from './events.ts';
import { fold } from './fold.ts';
import { APPOINTMENT_EARLY_MS, compareInLine, isCallable } from './line-order.ts';

const T0 = Date.UTC(2026, 0, 5, 9, 0);
const MIN = 60_000;
const SLOT = T0 + 60 * MIN; // 10:00

type Issued = Extract<EventBody, { type: 'ticket.issued' }>;

const walkIn = (ticket: string, n: number): Issued => ({
  type: 'ticket.issued',
  ticket,
  service: 'advice',
  number: `A${String(n).padStart(3, '0')}`,
  n,
});
const booked = (appointment: string, at: number, code = '123456'): EventBody => ({
  type: 'appointment.booked',
  appointment,
  service: 'advice',
  at,
  code,
  name: 'Ana',
});
const bookedTicket = (ticket: string, n: number, appointment: string, slot: number): EventBody => ({
  ...walkIn(ticket, n),
  channel: 'appointment',
  appointment,
  slot,
});
const open: EventBody = { type: 'counter.opened', counter: 'c1', services: ['advice'] };

/** A day's log from (device, time, body) steps, one sequence per device. */
function log(steps: readonly [string, number, EventBody][]) {
  const seq = new Map<string, number>();
  return steps.map(([device, at, body]) => {
    const n = (seq.get(device) ?? 0) + 1;
    seq.set(device, n);
    return ev(device, n, at, body);
  });
}

describe('a booked time in the day', () => {
  it('is booked, moved by a second booking with its id, and cancelled with its reason', () => {
    const s = fold(
      log([
        ['agent-s', T0, booked('b1', SLOT)],
        ['agent-s', T0 + MIN, booked('b1', SLOT + 30 * MIN)],
        ['agent-s', T0 + 2 * MIN, booked('b2', SLOT)],
        [
          'agent-s',
          T0 + 3 * MIN,
          { type: 'appointment.cancelled', appointment: 'b2', reason: 'missed' },
        ],
      ]),
    );
    expect(s.appointments.get('b1')).toMatchObject({
      at: SLOT + 30 * MIN,
      status: 'booked',
      name: 'Ana',
    });
    expect(s.appointments.get('b2')).toMatchObject({ status: 'cancelled', cancelReason: 'missed' });
  });

  it('arrives with the ticket issued at check-in; a later move or cancel does not undo it', () => {
    const s = fold(
      log([
        ['agent-s', T0, booked('b1', SLOT)],
        ['kiosk-1', T0 + 50 * MIN, bookedTicket('t1', 1, 'b1', SLOT)],
        ['agent-s', T0 + 51 * MIN, booked('b1', SLOT + 60 * MIN)],
        ['agent-s', T0 + 52 * MIN, { type: 'appointment.cancelled', appointment: 'b1' }],
      ]),
    );
    expect(s.appointments.get('b1')).toMatchObject({ status: 'arrived', ticket: 't1', at: SLOT });
    expect(s.tickets.get('t1')).toMatchObject({
      appointment: 'b1',
      slotAt: SLOT,
      channel: 'appointment',
    });
  });

  it('stands after priority customers and before walk-ins, booked customers by their time', () => {
    const line = [
      { id: 'w1', queuedHlc: '1' },
      { id: 'b2', queuedHlc: '2', slotAt: SLOT + 15 * MIN },
      { id: 'p', queuedHlc: '9', priority: true as const },
      { id: 'b1', queuedHlc: '8', slotAt: SLOT },
    ].sort(compareInLine);
    expect(line.map((t) => t.id)).toEqual(['p', 'b1', 'b2', 'w1']);
  });

  it('is called at its time ahead of walk-ins who came earlier or later, not before', () => {
    const day = log([
      ['clerk-1', T0, open],
      ['kiosk-1', T0 + 10 * MIN, walkIn('w1', 1)],
      ['kiosk-1', T0 + 20 * MIN, bookedTicket('b', 2, 'b1', SLOT)],
      ['kiosk-1', T0 + 30 * MIN, walkIn('w2', 3)],
    ]);
    const s = fold(day);
    const early = SLOT - APPOINTMENT_EARLY_MS - 1;
    expect(isCallable(s.tickets.get('b')!, early)).toBe(false);
    expect(callNext(s, 'c1', ['advice'], early)).toMatchObject({ event: { ticket: 'w1' } });
    expect(callNext(s, 'c1', ['advice'], SLOT - APPOINTMENT_EARLY_MS)).toMatchObject({
      event: { ticket: 'b' },
    });
  });

  it('is called early when no one else can be called: a free counter serves them now', () => {
    const s = fold(
      log([
        ['clerk-1', T0, open],
        ['kiosk-1', T0 + 20 * MIN, bookedTicket('b', 2, 'b1', SLOT)],
      ]),
    );
    expect(callNext(s, 'c1', ['advice'], T0 + 21 * MIN)).toMatchObject({ event: { ticket: 'b' } });
  });

  it('is validated: a booking needs a six-digit code, a booked ticket its channel', () => {
    const ok = ev('agent-s', 1, T0, booked('b1', SLOT));
    expect(validateEvent(ok)).toEqual({ ok: true, value: ok });
    expect(validateEvent(ev('agent-s', 1, T0, booked('b1', SLOT, '12ab')))).toMatchObject({
      ok: false,
    });
    const noChannel: EventBody = { ...walkIn('t1', 1), appointment: 'b1', slot: SLOT };
    expect(validateEvent(ev('kiosk-1', 1, T0, noChannel))).toMatchObject({ ok: false });
    const ticket = ev('kiosk-1', 1, T0, bookedTicket('t1', 1, 'b1', SLOT));
    expect(validateEvent(ticket)).toEqual({ ok: true, value: ticket });
  });
});

describe('a booked customer checking in', () => {
  const range = { from: 1, to: 499 };
  const day = log([
    ['agent-s', T0, booked('b1', SLOT, '111111')],
    ['agent-s', T0, booked('b2', SLOT + 30 * MIN, '222222')],
    ['agent-s', T0, { type: 'appointment.cancelled', appointment: 'b2' }],
    ['kiosk-1', T0 + 5 * MIN, walkIn('w1', 1)],
  ]);
  const s = fold(day);
  const req = { ticketId: 't9', range, now: SLOT - 20 * MIN };

  it('becomes a ticket of the booked service with its slot, name and next number', () => {
    expect(checkInBooked(s, testStore, { ...req, code: '111111', lang: 'pl' })).toEqual({
      ok: true,
      event: {
        type: 'ticket.issued',
        ticket: 't9',
        service: 'advice',
        number: 'A002',
        n: 2,
        channel: 'appointment',
        appointment: 'b1',
        slot: SLOT,
        lang: 'pl',
        name: 'Ana',
      },
    });
  });

  it('refuses an unknown code, a cancelled booking, one already here and one too late', () => {
    expect(checkInBooked(s, testStore, { ...req, code: '999999' })).toMatchObject({
      error: 'unknownBooking',
    });
    expect(checkInBooked(s, testStore, { ...req, code: '222222' })).toMatchObject({
      error: 'bookingCancelled',
    });
    const late = SLOT + DEFAULT_LATE_MIN * MIN + 1;
    const missed = fold([
      ...day,
      ev('agent-s', 9, late, {
        type: 'appointment.cancelled',
        appointment: 'b1',
        reason: 'missed',
      }),
    ]);
    expect(checkInBooked(missed, testStore, { ...req, code: '111111', now: late })).toMatchObject({
      error: 'bookingLate',
    });
    expect(checkInBooked(s, testStore, { ...req, code: '111111', now: late })).toMatchObject({
      error: 'bookingLate',
    });
    const done = checkInBooked(s, testStore, { ...req, code: '111111' });
    if (!done.ok) throw new Error(done.error);
    const here = fold([...day, ev('kiosk-1', 9, SLOT - 20 * MIN, done.event)]);
    expect(checkInBooked(here, testStore, { ...req, appointment: 'b1' })).toMatchObject({
      error: 'bookingArrived',
    });
    const list = dayBookings(here, testStore, late);
    expect(list.map((b) => [b.appointment.id, b.appointment.status, b.ticketNumber])).toEqual([
      ['b1', 'arrived', 'A002'],
      ['b2', 'cancelled', undefined],
    ]);
  });

  it('lists a booking past its late limit without a check-in as overdue', () => {
    const list = dayBookings(s, testStore, SLOT + DEFAULT_LATE_MIN * MIN + 1);
    expect(list[0]).toMatchObject({ overdue: true });
    expect(dayBookings(s, testStore, SLOT)[0]).toMatchObject({ overdue: false });
  });
});
