import type { NumberRange, StoreConfig } from '../config/types.ts';
import { lateMinOf } from '../booking/slots.ts';
import type { CommandResult } from './commands.ts';
import { remoteTicketIssued } from './remote-ticket.ts';
import type { Appointment, QueueState } from './state.ts';

/**
 * Owns a booked customer's check-in at the store: the booking found by its code (or id) in
 * the day's log, the window in which it still counts, and the ticket it becomes (channel
 * "appointment", its slot kept for the line order). Used by the kiosk (its own number range)
 * and by the hub for "I'm here" on the phone (booking.range), so both decide alike, offline.
 */

export interface BookedCheckIn {
  /** The six-digit code the customer types, or the booking's id (the phone's link). */
  readonly code?: string;
  readonly appointment?: string;
  readonly ticketId: string;
  readonly now: number;
  /** The range the ticket's number comes from. */
  readonly range: NumberRange;
  /** The customer's language (the kiosk's choice); else the one they booked in. */
  readonly lang?: string | undefined;
}

/** The day's booking with this code (live first: a code is unique among live bookings). */
export function bookingByCode(state: QueueState, code: string): Appointment | undefined {
  let found: Appointment | undefined;
  for (const a of state.appointments.values()) {
    if (a.code !== code) continue;
    if (a.status !== 'cancelled') return a;
    found ??= a;
  }
  return found;
}

/** The last moment (ms) a booking may check in: its slot plus the service's late minutes. */
export function lateLimit(cfg: StoreConfig, a: Pick<Appointment, 'service' | 'at'>): number {
  return a.at + lateMinOf(cfg, a.service) * 60_000;
}

export function checkInBooked(
  state: QueueState,
  cfg: StoreConfig,
  req: BookedCheckIn,
): CommandResult {
  const a =
    req.appointment !== undefined
      ? state.appointments.get(req.appointment)
      : req.code !== undefined
        ? bookingByCode(state, req.code)
        : undefined;
  if (!a) return { ok: false, error: 'unknownBooking' };
  if (a.status === 'cancelled') {
    // the hub marks a booking missed once its late limit passed: to the customer, too late
    return { ok: false, error: a.cancelReason === 'missed' ? 'bookingLate' : 'bookingCancelled' };
  }
  if (a.status === 'arrived') return { ok: false, error: 'bookingArrived' };
  if (req.now > lateLimit(cfg, a)) return { ok: false, error: 'bookingLate' };
  const service = cfg.services.find((s) => s.id === a.service);
  if (!service) return { ok: false, error: 'unknownService' };
  const issued = remoteTicketIssued(state, service, req.range, {
    ticket: req.ticketId,
    channel: 'appointment',
    lang: req.lang ?? a.lang,
    name: a.name,
  });
  if (!issued) return { ok: false, error: 'rangeExhausted' };
  return { ok: true, event: { ...issued, appointment: a.id, slot: a.at } };
}

/** Where a booking of the day stands, as the manager reads it. */
export type DayBookingStatus = 'booked' | 'here' | 'cancelled' | 'missed' | 'late';

/** The day's bookings by time, for the manager: each with its ticket once its customer came. */
export interface DayBooking {
  readonly appointment: Appointment;
  readonly ticketNumber?: string;
  /** Booked, its late limit passed and no check-in: the hub will mark it missed. */
  readonly overdue: boolean;
  readonly status: DayBookingStatus;
}

export function dayBookings(state: QueueState, cfg: StoreConfig, now: number): DayBooking[] {
  return [...state.appointments.values()]
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1))
    .map((a) => {
      const number = a.ticket !== undefined ? state.tickets.get(a.ticket)?.number : undefined;
      const overdue = a.status === 'booked' && now > lateLimit(cfg, a);
      return {
        appointment: a,
        ...(number !== undefined ? { ticketNumber: number } : {}),
        overdue,
        status: statusOf(a, overdue),
      };
    });
}

function statusOf(a: Appointment, overdue: boolean): DayBookingStatus {
  if (a.status === 'arrived') return 'here';
  if (a.status === 'cancelled') return a.cancelReason === 'missed' ? 'missed' : 'cancelled';
  return overdue ? 'late' : 'booked';
}
