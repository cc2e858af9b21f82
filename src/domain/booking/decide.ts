/**
 * What a customer may do with a booking, decided on the bookings as they are: book a slot
 * (offered, exists, has room, within the address's daily limit), move it to another slot,
 * cancel it. The answer is the record the hub writes, or the refusal the page says.
 */
import type { StoreConfig } from '../config/types.ts';
import { localAt } from '../hours/wall-time.ts';
import { lateLimit } from '../queue/booked-check-in.ts';
import type { Appointment } from '../queue/state.ts';
import { freeIn, liveByCode, type BookingRecord, type Bookings } from './bookings.ts';
import { bookableService, bookableSlotAt, DEFAULT_PER_ADDRESS_PER_DAY } from './slots.ts';

export type BookingRefusal =
  /** The store, or this service, takes no bookings. */
  | { readonly kind: 'notOffered' }
  | { readonly kind: 'unknownService' }
  /** No such slot to book now: past, beyond daysAhead, closed, or not a slot start. */
  | { readonly kind: 'noSuchSlot' }
  | { readonly kind: 'full' }
  /** Too many bookings from this network address today. */
  | { readonly kind: 'addressLimit' }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'cancelled' }
  /** The customer is already in line with the ticket of this booking. */
  | { readonly kind: 'arrived' }
  /** Its time (and its late minutes) has passed. */
  | { readonly kind: 'past' };

export type BookingDecision =
  | { readonly ok: true; readonly record: BookingRecord }
  | { readonly ok: false; readonly refusal: BookingRefusal };

export interface BookRequest {
  readonly id: string;
  readonly service: string;
  readonly at: number;
  readonly now: number;
  readonly code: string;
  readonly key: string;
  readonly name?: string | undefined;
  readonly lang?: string | undefined;
  /** Bookings made from the requesting address on the local day of `now`. */
  readonly addressToday: number;
}

const no = (refusal: BookingRefusal): BookingDecision => ({ ok: false, refusal });

/** Whether the slot exists for booking now and has a free place. */
function slotRefusal(
  cfg: StoreConfig,
  bookings: Bookings,
  service: string,
  at: number,
  now: number,
): BookingRefusal | undefined {
  if (!cfg.services.some((s) => s.id === service)) return { kind: 'unknownService' };
  if (!bookableService(cfg, service)) return { kind: 'notOffered' };
  if (!bookableSlotAt(cfg, service, at, now)) return { kind: 'noSuchSlot' };
  if (freeIn(cfg, bookings, service, at) <= 0) return { kind: 'full' };
  return undefined;
}

export function bookSlot(cfg: StoreConfig, bookings: Bookings, req: BookRequest): BookingDecision {
  const slot = slotRefusal(cfg, bookings, req.service, req.at, req.now);
  if (slot) return no(slot);
  const limit = cfg.booking?.perAddressPerDay ?? DEFAULT_PER_ADDRESS_PER_DAY;
  if (req.addressToday >= limit) return no({ kind: 'addressLimit' });
  return {
    ok: true,
    record: {
      type: 'booked',
      id: req.id,
      service: req.service,
      at: req.at,
      code: req.code,
      key: req.key,
      t: req.now,
      ...(req.name !== undefined ? { name: req.name } : {}),
      ...(req.lang !== undefined ? { lang: req.lang } : {}),
    },
  };
}

/**
 * Why a booking can no longer be changed: unknown, cancelled, its customer already in line
 * (today's log says so), or past its check-in time.
 */
function changeRefusal(
  cfg: StoreConfig,
  bookings: Bookings,
  id: string,
  inLog: Appointment | undefined,
  now: number,
): BookingRefusal | undefined {
  const b = bookings.get(id);
  if (!b) return { kind: 'notFound' };
  if (b.status === 'cancelled') return { kind: 'cancelled' };
  if (inLog?.status === 'arrived') return { kind: 'arrived' };
  if (inLog?.status === 'cancelled' && inLog.cancelReason === 'missed') return { kind: 'past' };
  if (now > lateLimit(cfg, b)) return { kind: 'past' };
  return undefined;
}

export function moveBooking(
  cfg: StoreConfig,
  bookings: Bookings,
  req: {
    readonly id: string;
    readonly at: number;
    readonly now: number;
    /** The booking in today's log, if it is there. */
    readonly inLog?: Appointment | undefined;
  },
): BookingDecision {
  const change = changeRefusal(cfg, bookings, req.id, req.inLog, req.now);
  if (change) return no(change);
  const b = bookings.get(req.id)!;
  const record: BookingRecord = {
    type: 'moved',
    id: b.id,
    service: b.service,
    at: req.at,
    t: req.now,
  };
  if (b.at === req.at) return { ok: true, record };
  const tz = cfg.store.timeZone;
  // moved away from today, it cannot come back: the day's log has it cancelled ('moved')
  const backToday = req.inLog?.status === 'cancelled';
  if (backToday && localAt(req.at, tz).day === localAt(req.now, tz).day) {
    return no({ kind: 'noSuchSlot' });
  }
  const slot = slotRefusal(cfg, bookings, b.service, req.at, req.now);
  return slot ? no(slot) : { ok: true, record };
}

export function cancelBooking(
  cfg: StoreConfig,
  bookings: Bookings,
  req: { readonly id: string; readonly now: number; readonly inLog?: Appointment | undefined },
): BookingDecision {
  const change = changeRefusal(cfg, bookings, req.id, req.inLog, req.now);
  if (change) return no(change);
  return { ok: true, record: { type: 'cancelled', id: req.id, t: req.now } };
}

/**
 * A six-digit check-in code no live booking has, from `random` (uniform in [0, 1)); a million
 * codes against a store's few hundred live bookings: a retry is rare, and bounded.
 */
export function newBookingCode(bookings: Bookings, random: () => number): string {
  for (let i = 0; i < 1000; i++) {
    const code = String(Math.floor(random() * 1_000_000)).padStart(6, '0');
    if (!liveByCode(bookings, code)) return code;
  }
  throw new Error('no free booking code: too many live bookings');
}
