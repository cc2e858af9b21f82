import type { IssuingDeviceConfig, StoreConfig } from '../config/types.ts';
import type { CancelReason, EventBody } from './events.ts';
import { nextNumber } from './numbering.ts';
import { waitingAt } from './handover.ts';
import { firstToCall } from './line-order.ts';
import { ticketAtCounter } from './selectors.ts';
import type { QueueState } from './state.ts';

/**
 * Commands decide, from the current state, which event a user action becomes, or why it
 * cannot happen. They hold the queue's rules so screens only render and send.
 */
export type CommandResult = { ok: true; event: EventBody } | { ok: false; error: CommandError };

export type CommandError =
  | 'unknownService'
  | 'rangeExhausted'
  | 'queueEmpty'
  | 'counterBusy'
  | 'notAtCounter'
  | 'unknownTicket'
  // a handover to a counter or colleague that is not (or no longer) open (queue/handover.ts)
  | 'counterClosed'
  // a kiosk's own rules (domain/kiosk/issue.ts)
  | 'rateLimited'
  | 'priorityNotAllowed'
  // opening hours, the last ticket and the daily cap (domain/hours/last-ticket.ts)
  | 'closed'
  | 'lineFull'
  | 'capReached'
  | 'notWaiting'
  // a booked customer checking in (queue/booked-check-in.ts)
  | 'unknownBooking'
  | 'bookingCancelled'
  | 'bookingArrived'
  | 'bookingLate'
  // visits and alerts (domain/visit/commands.ts)
  | 'alreadyRecorded'
  | 'unknownVisit'
  | 'unknownAlert'
  | 'alertClosed'
  | 'counterNotHeld';

const ok = (event: EventBody): CommandResult => ({ ok: true, event });
const fail = (error: CommandError): CommandResult => ({ ok: false, error });

export function issueTicket(
  state: QueueState,
  cfg: StoreConfig,
  kiosk: IssuingDeviceConfig,
  serviceId: string,
  ticketId: string,
  /** The customer asked for priority service (the kiosk offers it where config allows). */
  priority = false,
  /** The language the customer chose, recorded so later screens for them speak it. */
  lang?: string,
): CommandResult {
  const service = cfg.services.find((s) => s.id === serviceId);
  if (!service) return fail('unknownService');
  const next = nextNumber(state, service, kiosk.range);
  if (!next) return fail('rangeExhausted');
  return ok({
    type: 'ticket.issued',
    ticket: ticketId,
    service: service.id,
    number: next.number,
    n: next.n,
    ...(priority ? { priority: true as const } : {}),
    ...(lang !== undefined ? { lang } : {}),
  });
}

export function openCounter(counter: string, services: readonly string[]): CommandResult {
  return ok({ type: 'counter.opened', counter, services: [...services] });
}

export function closeCounter(counter: string): CommandResult {
  return ok({ type: 'counter.closed', counter });
}

/**
 * Closes `counter` on behalf of `device`, which can no longer do it itself (revoked), only
 * while that device still holds it open: a counter another tablet reopened is left be.
 */
export function closeCounterHeldBy(
  state: QueueState,
  counter: string,
  device: string,
): CommandResult {
  const c = state.counters.get(counter);
  if (!c?.open || c.device !== device) return fail('counterNotHeld');
  return closeCounter(counter);
}

/**
 * Calls the first customer in line among the counter's services who can be called at `now`
 * (line-order.ts: a booked customer at their time, an early one only when no one else waits).
 */
export function callNext(
  state: QueueState,
  counter: string,
  services: readonly string[],
  now: number,
): CommandResult {
  if (ticketAtCounter(state, counter)) return fail('counterBusy');
  const next = firstToCall(waitingAt(state, counter, services), now);
  if (!next) return fail('queueEmpty');
  return ok({ type: 'ticket.called', ticket: next.id, counter });
}

type CounterAction = 'ticket.recalled' | 'ticket.started' | 'ticket.completed' | 'ticket.noShow';

/** Acts on the ticket this counter currently holds. */
export function actOnCurrent(
  state: QueueState,
  counter: string,
  type: CounterAction,
): CommandResult {
  const t = ticketAtCounter(state, counter);
  if (!t) return fail('notAtCounter');
  if (type === 'ticket.started' && t.status !== 'called') return fail('notAtCounter');
  return ok({ type, ticket: t.id, counter });
}

export function transferCurrent(
  state: QueueState,
  counter: string,
  toService: string,
  cfg: StoreConfig,
): CommandResult {
  if (!cfg.services.some((s) => s.id === toService)) return fail('unknownService');
  const t = ticketAtCounter(state, counter);
  if (!t) return fail('notAtCounter');
  return ok({ type: 'ticket.transferred', ticket: t.id, counter, toService });
}

export function cancelTicket(
  state: QueueState,
  ticketId: string,
  /** Why the store ends it; absent when the customer leaves. */
  reason?: CancelReason,
): CommandResult {
  const t = state.tickets.get(ticketId);
  if (!t) return fail('unknownTicket');
  return ok({ type: 'ticket.cancelled', ticket: ticketId, ...(reason ? { reason } : {}) });
}

/** A remote customer says they are in the store: only a ticket still waiting for it. */
export function checkIn(state: QueueState, ticketId: string): CommandResult {
  const t = state.tickets.get(ticketId);
  if (!t) return fail('unknownTicket');
  if (t.status !== 'waiting' || !t.awaitingCheckIn) return fail('notWaiting');
  return ok({ type: 'ticket.checkedIn', ticket: ticketId });
}

/** A ticket number as a customer types it from their phone: spaces around, any case. */
export const typedTicketNumber = (typed: string): string => typed.trim().toUpperCase();

/** Check-in at the kiosk by the number the customer's phone shows (the kiosk has no camera). */
export function checkInByNumber(state: QueueState, typed: string): CommandResult {
  const id = state.numbers.get(typedTicketNumber(typed));
  return id === undefined ? fail('unknownTicket') : checkIn(state, id);
}
