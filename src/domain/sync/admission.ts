import { wallOf } from '../clock/hlc.ts';
import {
  eventId,
  MAX_REFUSED_PER_EVENT,
  type EventBody,
  type RefusalReason,
  type StoreEvent,
} from '../queue/events.ts';
import { isAgentDevice } from '../security/provenance.ts';
import {
  heardBefore,
  judge,
  type BookingSight,
  type ContactBook,
  type PlausibilityRules,
} from './plausibility.ts';

type Issued = Extract<StoreEvent, { type: 'ticket.issued' }>;

/**
 * The receiver's day's tickets as it took them: by ticket id and by number (the event that
 * issued each; the first in log order, as the fold keeps it) and issue times per device. Kept
 * apart from the folded state, which a device refolds a moment later than events arrive.
 */
export interface TicketIndex {
  readonly byId: Map<string, string>;
  readonly byNumber: Map<string, string>;
  readonly issues: Map<string, number[]>;
}

export function emptyTicketIndex(): TicketIndex {
  return { byId: new Map(), byNumber: new Map(), issues: new Map() };
}

/** Adds a ticket the receiver took (a later one with the same id or number does not replace). */
export function indexTicket(index: TicketIndex, e: Issued): void {
  if (!index.byId.has(e.ticket)) index.byId.set(e.ticket, e.id);
  if (!index.byNumber.has(e.number)) index.byNumber.set(e.number, e.id);
  const times = index.issues.get(e.device) ?? [];
  times.push(wallOf(e.hlc));
  index.issues.set(e.device, times);
}

/** What a receiver holds when a batch of peers' events arrives. */
export interface AdmissionView {
  /** The receiver's clock (the store clock on a device that follows the agent's). */
  readonly now: number;
  readonly rules: PlausibilityRules;
  readonly contacts: ContactBook;
  /** An event already in the receiver's log. */
  held(device: string, seq: number): StoreEvent | undefined;
  /** Today's tickets the receiver took. */
  readonly tickets: TicketIndex;
  /** Events the agent's verdicts refused. */
  readonly refused: { has(eventId: string): boolean };
  /** Whether an event belongs to the receiver's current day (the day `tickets` is). */
  isToday(e: StoreEvent): boolean;
  /** The day's bookings, where the receiver writes them (the agent); absent: not judged. */
  readonly bookings?: { get(id: string): BookingSight | undefined };
}

/**
 * Judges a batch of events new to the receiver, in the order given (first seen wins between
 * two events of the batch). Returns the refused ones with why. The agent's own events, and
 * events an agent's verdict already refused, are not judged.
 */
export function judgeBatch(
  batch: readonly StoreEvent[],
  view: AdmissionView,
): Map<string, RefusalReason> {
  const refused = new Map<string, RefusalReason>();
  const inBatch = new Map(batch.map((e) => [e.id, e]));
  const taken = emptyTicketIndex();
  const issuesOf = (device: string): number[] => [
    ...(view.tickets.issues.get(device) ?? []),
    ...(taken.issues.get(device) ?? []),
  ];
  // a neighbour that was itself refused says nothing about the author's clock
  const near = (device: string, seq: number): StoreEvent | undefined => {
    const id = eventId(device, seq);
    if (refused.has(id) || view.refused.has(id)) return undefined;
    return view.held(device, seq) ?? inBatch.get(id);
  };
  // bookings taken by tickets earlier in this batch (first seen wins)
  const booked = new Map<string, string>();
  const bookingOf = (id: string): BookingSight | null => {
    const b = view.bookings?.get(id);
    if (!b) return null;
    return { ...b, ticket: b.ticket ?? booked.get(id) };
  };
  for (const e of batch) {
    if (isAgentDevice(e.device) || view.refused.has(e.id)) continue;
    const ticket = e.type === 'ticket.issued' && view.isToday(e) ? e : undefined;
    const appointment = view.bookings ? ticket?.appointment : undefined;
    const reason = judge(
      e,
      {
        now: view.now,
        heardAt: heardBefore(view.contacts, e.device, e.seq),
        prevHlc: near(e.device, e.seq - 1)?.hlc,
        nextHlc: near(e.device, e.seq + 1)?.hlc,
        ...(ticket
          ? {
              ticketTaken: view.tickets.byId.has(ticket.ticket) || taken.byId.has(ticket.ticket),
              numberTaken:
                view.tickets.byNumber.has(ticket.number) || taken.byNumber.has(ticket.number),
              // only the configured rate limit reads them
              ...(view.rules.config ? { authorIssues: issuesOf(ticket.device) } : {}),
              ...(appointment !== undefined ? { booking: bookingOf(appointment) } : {}),
            }
          : {}),
      },
      view.rules,
    );
    if (reason) refused.set(e.id, reason);
    else if (ticket) {
      indexTicket(taken, ticket);
      if (appointment !== undefined) booked.set(appointment, ticket.ticket);
    }
  }
  return refused;
}

/** The agent's verdicts for refused events: one event per reason and chunk of ids. */
export function verdictBodies(refused: ReadonlyMap<string, RefusalReason>): EventBody[] {
  const byReason = new Map<RefusalReason, string[]>();
  for (const [id, reason] of refused) {
    const ids = byReason.get(reason) ?? [];
    ids.push(id);
    byReason.set(reason, ids);
  }
  const out: EventBody[] = [];
  for (const [reason, ids] of byReason) {
    for (let i = 0; i < ids.length; i += MAX_REFUSED_PER_EVENT) {
      out.push({ type: 'event.refused', events: ids.slice(i, i + MAX_REFUSED_PER_EVENT), reason });
    }
  }
  return out;
}
