/**
 * The store's bookings as a pure fold of the records the hub keeps (src/hub/booking): booked,
 * moved, cancelled. Every day's bookings, not only today's: today's also go into the day's
 * log (day-log.ts). Free places in a slot are its capacity less its live bookings.
 */
import type { StoreConfig } from '../config/types.ts';

export type BookingRecord =
  | {
      readonly type: 'booked';
      readonly id: string;
      readonly service: string;
      /** The slot's start (ms). */
      readonly at: number;
      /** Six digits, typed at the kiosk to check in (BOOKING_CODE). */
      readonly code: string;
      /** The capability's digest: whoever holds the token may cancel or move it. */
      readonly key: string;
      readonly name?: string;
      readonly lang?: string;
      /** When it was booked (ms). */
      readonly t: number;
    }
  | {
      readonly type: 'moved';
      readonly id: string;
      readonly service: string;
      readonly at: number;
      readonly t: number;
    }
  | { readonly type: 'cancelled'; readonly id: string; readonly t: number };

export interface Booking {
  readonly id: string;
  readonly service: string;
  readonly at: number;
  readonly code: string;
  readonly key: string;
  readonly name?: string;
  readonly lang?: string;
  readonly bookedAt: number;
  readonly status: 'live' | 'cancelled';
}

export type Bookings = ReadonlyMap<string, Booking>;

/** One record applied: a new map entry, never a change in place. Unknown ids are ignored. */
export function applyBookingRecord(bookings: Map<string, Booking>, r: BookingRecord): void {
  if (r.type === 'booked') {
    if (bookings.has(r.id)) return;
    bookings.set(r.id, {
      id: r.id,
      service: r.service,
      at: r.at,
      code: r.code,
      key: r.key,
      bookedAt: r.t,
      status: 'live',
      ...(r.name !== undefined ? { name: r.name } : {}),
      ...(r.lang !== undefined ? { lang: r.lang } : {}),
    });
    return;
  }
  const found = bookings.get(r.id);
  if (!found || found.status !== 'live') return;
  bookings.set(
    r.id,
    r.type === 'moved'
      ? { ...found, service: r.service, at: r.at }
      : { ...found, status: 'cancelled' },
  );
}

export function foldBookings(records: readonly BookingRecord[]): Map<string, Booking> {
  const out = new Map<string, Booking>();
  for (const r of records) applyBookingRecord(out, r);
  return out;
}

/** Live bookings of a service's slot. */
export function bookedIn(bookings: Bookings, service: string, at: number): number {
  let n = 0;
  for (const b of bookings.values()) {
    if (b.status === 'live' && b.service === service && b.at === at) n++;
  }
  return n;
}

/** Places still free in a slot (never below zero). */
export function freeIn(cfg: StoreConfig, bookings: Bookings, service: string, at: number): number {
  const perSlot = cfg.services.find((s) => s.id === service)?.booking?.perSlot ?? 0;
  return Math.max(0, perSlot - bookedIn(bookings, service, at));
}

/** The live booking whose check-in code is `code`, if any. */
export function liveByCode(bookings: Bookings, code: string): Booking | undefined {
  for (const b of bookings.values()) if (b.status === 'live' && b.code === code) return b;
  return undefined;
}
