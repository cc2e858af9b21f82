/**
 * "I'm here" for a booking, from the customer's phone: allowed on the booking's local day up
 * to its slot plus the service's late minutes. The answer is the ticket the store agent
 * issues (channel 'appointment', with the booking and its slot, so it is called at its time,
 * domain/queue/line-order.ts), numbered from `booking.range` like /join's from its own.
 */
import type { StoreConfig } from '../config/types.ts';
import { dateOfDayNumber, localAt } from '../hours/wall-time.ts';
import { checkInBooked } from '../queue/booked-check-in.ts';
import type { EventBody } from '../queue/events.ts';
import type { QueueState } from '../queue/state.ts';
import type { Booking } from './bookings.ts';

export type ArrivalRefusal =
  | { readonly kind: 'cancelled' }
  /** The booking is for another day (`date`, the store's "YYYY-MM-DD"). */
  | { readonly kind: 'notToday'; readonly date: string }
  /** Past the slot and its late minutes: the booking was missed. */
  | { readonly kind: 'late' }
  /** Already checked in: the ticket in line. */
  | { readonly kind: 'arrived'; readonly ticket: string }
  /** Not in today's log yet (the hub writes it first, day-log.ts). */
  | { readonly kind: 'notInLog' }
  | { readonly kind: 'notOffered' }
  | { readonly kind: 'unknownService' }
  | { readonly kind: 'rangeExhausted' };

export type ArrivalDecision =
  | { readonly ok: true; readonly event: Extract<EventBody, { type: 'ticket.issued' }> }
  | { readonly ok: false; readonly refusal: ArrivalRefusal };

export function arriveForBooking(
  cfg: StoreConfig,
  state: QueueState,
  booking: Booking,
  req: { readonly ticketId: string; readonly now: number },
): ArrivalDecision {
  const no = (refusal: ArrivalRefusal): ArrivalDecision => ({ ok: false, refusal });
  if (booking.status === 'cancelled') return no({ kind: 'cancelled' });
  const tz = cfg.store.timeZone;
  const day = localAt(booking.at, tz).day;
  if (day !== localAt(req.now, tz).day) return no({ kind: 'notToday', date: dateOfDayNumber(day) });
  if (!cfg.booking) return no({ kind: 'notOffered' });
  // the rest is the day's log, decided as the kiosk decides a code (queue/booked-check-in.ts)
  const d = checkInBooked(state, cfg, {
    appointment: booking.id,
    ticketId: req.ticketId,
    now: req.now,
    range: cfg.booking.range,
  });
  if (d.ok) {
    if (d.event.type !== 'ticket.issued') throw new Error('a check-in issues a ticket');
    return { ok: true, event: d.event };
  }
  const inLog = state.appointments.get(booking.id);
  switch (d.error) {
    case 'unknownBooking':
      return no({ kind: 'notInLog' });
    case 'bookingArrived':
      return no({ kind: 'arrived', ticket: inLog?.ticket ?? '' });
    case 'bookingCancelled':
      return no({ kind: 'cancelled' });
    case 'bookingLate':
      return no({ kind: 'late' });
    case 'rangeExhausted':
      return no({ kind: 'rangeExhausted' });
    default:
      return no({ kind: 'unknownService' });
  }
}
