/**
 * "I'm here" for a booking, from the customer's phone: allowed on the booking's local day up
 * to its slot plus the service's late minutes. The answer is the ticket the store agent
 * issues (channel 'appointment', with the booking and its slot, so it is called at its time,
 * domain/queue/line-order.ts), numbered from `booking.range` like /join's from its own.
 */
import type { StoreConfig } from '../config/types.ts';
import { dateOfDayNumber, localAt } from '../hours/wall-time.ts';
import type { EventBody } from '../queue/events.ts';
import { nextNumber } from '../queue/numbering.ts';
import type { QueueState } from '../queue/state.ts';
import type { Booking } from './bookings.ts';
import { lateMinOf } from './slots.ts';

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
  const inLog = state.appointments.get(booking.id);
  if (inLog?.status === 'arrived' && inLog.ticket !== undefined) {
    return no({ kind: 'arrived', ticket: inLog.ticket });
  }
  if (inLog?.status === 'cancelled') {
    return no(inLog.cancelReason === 'missed' ? { kind: 'late' } : { kind: 'cancelled' });
  }
  if (req.now > booking.at + lateMinOf(cfg, booking.service) * 60_000) return no({ kind: 'late' });
  if (!inLog) return no({ kind: 'notInLog' });
  if (!cfg.booking) return no({ kind: 'notOffered' });
  const service = cfg.services.find((s) => s.id === inLog.service);
  if (!service) return no({ kind: 'unknownService' });
  const next = nextNumber(state, service, cfg.booking.range);
  if (!next) return no({ kind: 'rangeExhausted' });
  return {
    ok: true,
    event: {
      type: 'ticket.issued',
      ticket: req.ticketId,
      service: service.id,
      number: next.number,
      n: next.n,
      channel: 'appointment',
      appointment: booking.id,
      slot: inLog.at,
      ...(inLog.lang !== undefined ? { lang: inLog.lang } : {}),
      ...(inLog.name !== undefined ? { name: inLog.name } : {}),
    },
  };
}
