/**
 * What the customer's confirmation page is told of a booking: its slot, code and where it
 * stands: booked, arrived (with the ticket in line), cancelled, or missed (its time and late
 * minutes passed, or the agent cancelled it so). And the menu of /book.
 */
import type { Booking } from '../../domain/booking/bookings.ts';
import { DEFAULT_DAYS_AHEAD, bookableService, firstOpenDay } from '../../domain/booking/slots.ts';
import { customerLanguages, type StoreConfig } from '../../domain/config/types.ts';
import { dateOfDayNumber, localAt } from '../../domain/hours/wall-time.ts';
import { lateLimit } from '../../domain/queue/booked-check-in.ts';
import type { QueueState } from '../../domain/queue/state.ts';

export type BookingStatus = 'booked' | 'arrived' | 'cancelled' | 'missed';

export function bookingView(cfg: StoreConfig, state: QueueState, b: Booking, now: number) {
  const inLog = state.appointments.get(b.id);
  const checkInUntil = lateLimit(cfg, b);
  const status: BookingStatus =
    b.status === 'cancelled'
      ? 'cancelled'
      : inLog?.status === 'arrived'
        ? 'arrived'
        : inLog?.status === 'cancelled' || now > checkInUntil
          ? 'missed'
          : 'booked';
  const tz = cfg.store.timeZone;
  const slotMin = cfg.services.find((s) => s.id === b.service)?.booking?.slotMin ?? 0;
  return {
    appointment: b.id,
    service: b.service,
    at: b.at,
    end: b.at + slotMin * 60_000,
    date: dateOfDayNumber(localAt(b.at, tz).day),
    code: b.code,
    ...(b.name !== undefined ? { name: b.name } : {}),
    status,
    ...(status === 'arrived' && inLog?.ticket !== undefined ? { ticket: inLog.ticket } : {}),
    checkInUntil,
    today: localAt(b.at, tz).day === localAt(now, tz).day,
  };
}

/**
 * The store and its bookable services, for /book: each with the first day it has a free time
 * (`firstOpen`, absent when none within daysAhead), by `hasFree` (the bookings' free places).
 */
export function bookingMenu(
  cfg: StoreConfig,
  now: number,
  hasFree: (service: string, at: number) => boolean,
) {
  const tz = cfg.store.timeZone;
  const today = localAt(now, tz).day;
  const daysAhead = cfg.booking?.daysAhead ?? DEFAULT_DAYS_AHEAD;
  const services = cfg.services.filter((s) => bookableService(cfg, s.id));
  return {
    offered: cfg.booking !== undefined && services.length > 0,
    store: {
      name: cfg.store.name,
      defaultLanguage: cfg.store.defaultLanguage,
      languages: customerLanguages(cfg),
      timeZone: tz,
    },
    daysAhead,
    days: Array.from({ length: daysAhead }, (_, i) => dateOfDayNumber(today + i)),
    services: services.map((s) => {
      const open = firstOpenDay(cfg, s.id, now, (at) => hasFree(s.id, at));
      return {
        id: s.id,
        name: s.name,
        slotMin: s.booking?.slotMin ?? 0,
        ...(open !== undefined ? { firstOpen: dateOfDayNumber(open) } : {}),
      };
    }),
  };
}
