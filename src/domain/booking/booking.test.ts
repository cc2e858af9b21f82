import { describe, expect, it } from 'vitest';
import type { StoreConfig } from '../config/types.ts';
import { dayNumberOf, instantAt, localAt } from '../hours/wall-time.ts';
import type { EventBody } from '../queue/events.ts';
import { applyEvents, fold } from '../queue/fold.ts';
import { callNext } from '../queue/commands.ts';
import { validateEvent } from '../sync/validate.ts';
import { ev } from '../testing/store.ts';
import { testStore } from '../testing/store.ts';
import { arriveForBooking } from './arrive.ts';
import { foldBookings, freeIn, type BookingRecord } from './bookings.ts';
import {
  bookSlot,
  cancelBooking,
  moveBooking,
  newBookingCode,
  type BookRequest,
} from './decide.ts';
import { cancelMissed, missedAppointments, nextDayLogEvent, nextMissDeadline } from './day-log.ts';
import { bookableSlots, slotsOfDay } from './slots.ts';

const MIN = 60_000;
const DAY = dayNumberOf('2026-01-05')!; // a Monday
const T0 = instantAt(DAY, 8 * 60, 'UTC'); // 08:00
const at = (hh: number, mm = 0) => instantAt(DAY, hh * 60 + mm, 'UTC');

export const bookingStore: StoreConfig = {
  ...testStore,
  store: {
    ...testStore.store,
    hours: {
      weekly: { mon: { open: '09:00', close: '12:00' }, tue: { open: '09:00', close: '12:00' } },
    },
  },
  services: testStore.services.map((s) =>
    s.id === 'advice' ? { ...s, booking: { slotMin: 45, perSlot: 2, lateMin: 10 } } : s,
  ),
  booking: { range: { from: 5000, to: 5999 }, daysAhead: 2, perAddressPerDay: 3 },
};

const req = (over: Partial<BookRequest> = {}): BookRequest => ({
  id: 'b1',
  service: 'advice',
  at: at(9),
  now: T0,
  code: '123456',
  key: 'k1',
  addressToday: 0,
  ...over,
});

function book(records: BookingRecord[], over: Partial<BookRequest> = {}) {
  const d = bookSlot(bookingStore, foldBookings(records), req(over));
  if (!d.ok) throw new Error(d.refusal.kind);
  return [...records, d.record];
}

describe('slots of a day', () => {
  it('start every slotMin from opening, the last ending by closing', () => {
    const slots = slotsOfDay(bookingStore, 'advice', DAY);
    expect(slots.map((s) => localAt(s.at, 'UTC').minute)).toEqual([540, 585, 630, 675]);
    expect(slots.at(-1)!.end).toBeLessThanOrEqual(at(12));
  });

  it('are none on a closed day, for a service without booking, in the past or too far ahead', () => {
    expect(slotsOfDay(bookingStore, 'advice', DAY + 2)).toEqual([]); // Wednesday: closed
    expect(slotsOfDay(bookingStore, 'returns', DAY)).toEqual([]);
    expect(bookableSlots(bookingStore, 'advice', DAY, at(9, 30)).map((s) => s.at)).toEqual([
      at(9, 45),
      at(10, 30),
      at(11, 15),
    ]);
    expect(bookableSlots(bookingStore, 'advice', DAY + 1, T0)).toHaveLength(4);
    expect(bookableSlots(bookingStore, 'advice', DAY + 7, T0)).toEqual([]); // past daysAhead
    expect(bookableSlots(bookingStore, 'advice', DAY - 1, T0)).toEqual([]);
  });
});

describe('booking a slot', () => {
  it('takes a place until the slot is full, then says so', () => {
    const two = book(book([]), { id: 'b2', code: '222222' });
    const bookings = foldBookings(two);
    expect(freeIn(bookingStore, bookings, 'advice', at(9))).toBe(0);
    expect(bookSlot(bookingStore, bookings, req({ id: 'b3' }))).toEqual({
      ok: false,
      refusal: { kind: 'full' },
    });
    expect(bookSlot(bookingStore, bookings, req({ id: 'b3', at: at(9, 45) })).ok).toBe(true);
  });

  it('refuses what is not a slot, not offered, or past the address limit', () => {
    const none = foldBookings([]);
    const refusal = (over: Partial<BookRequest>, cfg = bookingStore) => {
      const d = bookSlot(cfg, none, req(over));
      return d.ok ? 'ok' : d.refusal.kind;
    };
    expect(refusal({ at: at(9, 10) })).toBe('noSuchSlot');
    expect(refusal({ now: at(9, 1) })).toBe('noSuchSlot');
    expect(refusal({ service: 'returns' })).toBe('notOffered');
    expect(refusal({ service: 'nope' })).toBe('unknownService');
    expect(refusal({}, { ...bookingStore, booking: undefined })).toBe('notOffered');
    expect(refusal({ addressToday: 3 })).toBe('addressLimit');
    expect(refusal({ addressToday: 2 })).toBe('ok');
  });

  it('moves to a free slot and frees the old one; cancels; not once past its time', () => {
    const records = book([]);
    const moved = moveBooking(bookingStore, foldBookings(records), {
      id: 'b1',
      at: at(10, 30),
      now: T0,
    });
    expect(moved).toMatchObject({ ok: true, record: { type: 'moved', at: at(10, 30) } });
    const after = foldBookings([...records, (moved as { record: BookingRecord }).record]);
    expect(freeIn(bookingStore, after, 'advice', at(9))).toBe(2);
    expect(freeIn(bookingStore, after, 'advice', at(10, 30))).toBe(1);
    const late = cancelBooking(bookingStore, after, { id: 'b1', now: at(10, 41) });
    expect(late).toEqual({ ok: false, refusal: { kind: 'past' } });
    const cancelled = cancelBooking(bookingStore, after, { id: 'b1', now: T0 });
    expect(cancelled).toMatchObject({ ok: true, record: { type: 'cancelled' } });
    const gone = foldBookings([...records, (cancelled as { record: BookingRecord }).record]);
    expect(cancelBooking(bookingStore, gone, { id: 'b1', now: T0 })).toEqual({
      ok: false,
      refusal: { kind: 'cancelled' },
    });
    expect(moveBooking(bookingStore, gone, { id: 'x', at: at(9), now: T0 })).toMatchObject({
      refusal: { kind: 'notFound' },
    });
  });

  it('gives six-digit codes no live booking has', () => {
    const bookings = foldBookings(book([], { code: '000000' }));
    const values = [0, 0, 0.5];
    expect(newBookingCode(bookings, () => values.shift() ?? 0.7)).toBe('500000');
  });
});

describe("today's log and checking in", () => {
  const agent = 'agent-test-store';
  /** Writes every event the day's log needs, as the hub does. */
  function writeDayLog(records: BookingRecord[], events: EventBody[], now: number) {
    const bookings = foldBookings(records);
    const out = [...events];
    for (;;) {
      const state = fold(out.map((e, i) => ev(agent, i + 1, now, e)));
      const next = nextDayLogEvent(bookings, state, 'UTC', now);
      if (!next.ok) return out;
      out.push(next.event);
    }
  }

  it("writes today's live bookings once, moves, and cancels with the reason", () => {
    const records = book(book([]), {
      id: 'b2',
      code: '222222',
      at: instantAt(DAY + 1, 540, 'UTC'),
    });
    const day = writeDayLog(records, [], T0);
    expect(day).toEqual([
      {
        type: 'appointment.booked',
        appointment: 'b1',
        service: 'advice',
        at: at(9),
        code: '123456',
      },
    ]);
    expect(writeDayLog(records, day, T0)).toEqual(day); // idempotent
    const moved: BookingRecord = {
      type: 'moved',
      id: 'b1',
      service: 'advice',
      at: at(9, 45),
      t: T0,
    };
    const day2 = writeDayLog([...records, moved], day, T0);
    expect(day2.at(-1)).toMatchObject({ type: 'appointment.booked', at: at(9, 45) });
    const away: BookingRecord = { ...moved, at: instantAt(DAY + 1, 585, 'UTC') };
    const day3 = writeDayLog([...records, moved, away], day2, T0);
    expect(day3.at(-1)).toEqual({
      type: 'appointment.cancelled',
      appointment: 'b1',
      reason: 'moved',
    });
    const dropped: BookingRecord = { type: 'cancelled', id: 'b1', t: T0 };
    expect(writeDayLog([...records, dropped], day, T0).at(-1)).toEqual({
      type: 'appointment.cancelled',
      appointment: 'b1',
    });
    for (const e of day3) expect(validateEvent(ev(agent, 1, T0, e)).ok).toBe(true);
  });

  it('checks in on the day up to the late minutes, and is called at its time before later walk-ins', () => {
    const records = book([]);
    const bookings = foldBookings(records);
    const b = bookings.get('b1')!;
    const log = writeDayLog(records, [], T0).map((e, i) => ev(agent, i + 1, T0, e));
    const s0 = fold(log);
    const arrive = (now: number, state = s0) =>
      arriveForBooking(bookingStore, state, b, { ticketId: 't1', now });
    expect(arrive(at(9, 10) + 1)).toEqual({ ok: false, refusal: { kind: 'late' } });
    const dayBefore = arriveForBooking(bookingStore, fold([]), b, {
      ticketId: 't1',
      now: T0 - 1440 * MIN,
    });
    expect(dayBefore).toEqual({ ok: false, refusal: { kind: 'notToday', date: '2026-01-05' } });
    const d = arrive(at(8, 50));
    expect(d).toMatchObject({
      ok: true,
      event: { channel: 'appointment', appointment: 'b1', slot: at(9), number: 'A5000', n: 5000 },
    });
    const issued = (d as { event: EventBody }).event;
    expect(validateEvent(ev(agent, 9, at(8, 50), issued)).ok).toBe(true);
    const s1 = applyEvents(s0, [
      ev('clerk-1', 1, at(8, 40), { type: 'counter.opened', counter: 'c1', services: ['advice'] }),
      ev(agent, 9, at(8, 50), issued),
      ev('kiosk-1', 1, at(8, 52), {
        type: 'ticket.issued',
        ticket: 'w',
        service: 'advice',
        number: 'A001',
        n: 1,
      }),
    ]);
    expect(s1.appointments.get('b1')).toMatchObject({ status: 'arrived', ticket: 't1' });
    expect(arrive(at(8, 55), s1)).toEqual({
      ok: false,
      refusal: { kind: 'arrived', ticket: 't1' },
    });
    // before its time the walk-in goes; from five minutes before it, the booked customer
    expect(callNext(s1, 'c1', ['advice'], at(8, 53))).toMatchObject({ event: { ticket: 'w' } });
    expect(callNext(s1, 'c1', ['advice'], at(8, 55))).toMatchObject({ event: { ticket: 't1' } });
    expect(missedAppointments(bookingStore, s1, at(12))).toEqual([]);
  });

  it('cancels a booking missed at its slot plus the late minutes, once', () => {
    const s0 = fold(writeDayLog(book([]), [], T0).map((e, i) => ev(agent, i + 1, T0, e)));
    expect(nextMissDeadline(bookingStore, s0, T0)).toBe(at(9, 10));
    expect(missedAppointments(bookingStore, s0, at(9, 10) - 1)).toEqual([]);
    const miss = cancelMissed(bookingStore, s0, 'b1', at(9, 10));
    expect(miss).toEqual({
      ok: true,
      event: { type: 'appointment.cancelled', appointment: 'b1', reason: 'missed' },
    });
    const s1 = applyEvents(s0, [ev(agent, 5, at(9, 10), (miss as { event: EventBody }).event)]);
    expect(cancelMissed(bookingStore, s1, 'b1', at(9, 20)).ok).toBe(false);
    expect(nextMissDeadline(bookingStore, s1, T0)).toBeUndefined();
    // the day's log is not written again, and the booking can no longer change
    expect(nextDayLogEvent(foldBookings(book([])), s1, 'UTC', at(9, 11)).ok).toBe(false);
    const inLog = s1.appointments.get('b1');
    expect(
      moveBooking(bookingStore, foldBookings(book([])), {
        id: 'b1',
        at: at(9, 45),
        now: at(9, 11),
        inLog,
      }),
    ).toMatchObject({ refusal: { kind: 'past' } });
  });
});
