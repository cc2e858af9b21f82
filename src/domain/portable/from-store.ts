import { wallOf } from '../clock/hlc.ts';
import { compareEvents, type StoreEvent } from '../queue/events.ts';
import { refusedIds } from '../queue/fold.ts';
import type { PortableEvent } from './types.ts';

/**
 * One store event (the replicated log) as a portable event; `at` is its clock's wall time.
 * Events that are not about the queue (visits, alerts) have no portable form: undefined.
 */
export function portableFromStoreEvent(e: StoreEvent): PortableEvent | undefined {
  const at = wallOf(e.hlc);
  switch (e.type) {
    case 'ticket.issued':
      return {
        at,
        type: e.type,
        ticket: e.ticket,
        service: e.service,
        number: e.number,
        ...(e.priority ? { priority: true as const } : {}),
        ...(e.channel !== undefined ? { channel: e.channel } : {}),
        ...(e.checkIn ? { checkIn: true as const } : {}),
        ...(e.appointment !== undefined ? { appointment: e.appointment } : {}),
        ...(e.slot !== undefined ? { slot: e.slot } : {}),
      };
    case 'appointment.booked':
      // the store event's `at` is the slot; the portable `at` is when it was booked
      return { at, type: e.type, appointment: e.appointment, service: e.service, slot: e.at };
    case 'appointment.cancelled':
      return {
        at,
        type: e.type,
        appointment: e.appointment,
        ...(e.reason ? { reason: e.reason } : {}),
      };
    case 'ticket.called':
    case 'ticket.recalled':
    case 'ticket.started':
    case 'ticket.completed':
    case 'ticket.noShow':
      return { at, type: e.type, ticket: e.ticket, counter: e.counter };
    case 'ticket.cancelled':
      return { at, type: e.type, ticket: e.ticket, ...(e.reason ? { reason: e.reason } : {}) };
    case 'ticket.checkedIn':
      return { at, type: e.type, ticket: e.ticket };
    case 'ticket.transferred':
      return { at, type: e.type, ticket: e.ticket, counter: e.counter, toService: e.toService };
    case 'counter.opened':
      return { at, type: e.type, counter: e.counter, services: [...e.services] };
    case 'counter.closed':
      return { at, type: e.type, counter: e.counter };
    default:
      return undefined;
  }
}

/**
 * A store's events as a portable log, in the fold's total order (hlc, device, seq), which is
 * also time order because the hybrid clock's wall part never goes backwards in it.
 */
export function portableLog(events: readonly StoreEvent[]): PortableEvent[] {
  const out: PortableEvent[] = [];
  // what the store agent refused did not happen in the queue
  const refused = refusedIds(events);
  for (const e of [...events].sort(compareEvents)) {
    if (refused.has(e.id)) continue;
    const p = portableFromStoreEvent(e);
    if (p) out.push(p);
  }
  return out;
}
