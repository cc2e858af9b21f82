import type { StoreEvent } from '../queue/events.ts';

/**
 * What in the store's log is personal, and how it is removed. Free text typed about a
 * customer (a clerk's note on a visit, the reason given with a handover or a call for a
 * manager) may name or describe them, and so does the first name a customer gave with a phone
 * ticket (/join) or with a booking (/book); everything else is the store's own bookkeeping (ticket numbers, services,
 * counters, times, ratings without words) and stays, so reports keep counting.
 *
 * Removing keeps the event (its id, its place in every device's vector, its effect on the
 * queue) and blanks the text: a note becomes "" (which clears a note), a reason or a name is
 * left out.
 */
export const PERSONAL_FIELDS = {
  'ticket.issued': 'name',
  'appointment.booked': 'name',
  'visit.note': 'note',
  'ticket.transferred': 'reason',
  'alert.raised': 'reason',
} as const satisfies Partial<Record<StoreEvent['type'], string>>;

/** The event without its personal text, or undefined when it holds none. */
export function withoutPersonal(e: StoreEvent): StoreEvent | undefined {
  switch (e.type) {
    case 'visit.note':
      return e.note === '' ? undefined : { ...e, note: '' };
    case 'ticket.issued':
    case 'appointment.booked': {
      if (e.name === undefined) return undefined;
      const copy = { ...e };
      delete copy.name;
      return copy;
    }
    case 'ticket.transferred':
    case 'alert.raised': {
      if (e.reason === undefined) return undefined;
      const copy = { ...e };
      delete copy.reason;
      return copy;
    }
    default:
      return undefined;
  }
}

/** How many events of `events` would lose personal text. */
export function countPersonal(events: readonly StoreEvent[]): number {
  return events.reduce((n, e) => n + (withoutPersonal(e) ? 1 : 0), 0);
}

/**
 * Everything the log holds about one ticket: its own events, the booking it came with, the
 * visits it was served in (steps, feedback, notes) and calls for a manager during those visits.
 */
export function eventsOfTicket(events: readonly StoreEvent[], ticket: string): StoreEvent[] {
  const visits = new Set<string>();
  const bookings = new Set<string>();
  for (const e of events) {
    if (e.type === 'ticket.issued' && e.ticket === ticket && e.appointment !== undefined) {
      bookings.add(e.appointment);
    }
    if (e.type === 'visit.step' && e.ticket === ticket) visits.add(e.visit);
    if (e.type === 'visit.note' && e.ticket === ticket) visits.add(e.visit);
  }
  return events.filter((e) => {
    switch (e.type) {
      case 'visit.step':
      case 'visit.note':
      case 'visit.feedback':
        return visits.has(e.visit) || ('ticket' in e && e.ticket === ticket);
      case 'alert.raised':
        return e.visit !== undefined && visits.has(e.visit);
      case 'appointment.booked':
      case 'appointment.cancelled':
        return bookings.has(e.appointment);
      default:
        return 'ticket' in e && e.ticket === ticket;
    }
  });
}
