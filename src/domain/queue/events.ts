import type { Satisfaction, VisitStep } from '../visit/types.ts';

/**
 * The store's event log. Every change is one immutable event; state is a fold over them.
 * `id` is `${device}:${seq}` so that redelivery is recognised without a lookup table.
 */
export interface EventMeta {
  readonly id: string;
  readonly store: string;
  readonly device: string;
  /** Per-device counter from 1 without gaps. */
  readonly seq: number;
  /** Encoded hybrid logical clock (see domain/clock/hlc). */
  readonly hlc: string;
}

/**
 * The longest wait a promise may hold: a number past a day is no promise a store makes, so a
 * kiosk records none (src/domain/wait/promise.ts) and receivers refuse one (validate.ts).
 */
export const MAX_PROMISE_SEC = 86_400;

/** A wait shown to a customer: whole seconds, low <= sec <= high. */
export interface WaitPromise {
  readonly sec: number;
  readonly low: number;
  readonly high: number;
}

export type EventBody =
  | {
      readonly type: 'ticket.issued';
      readonly ticket: string;
      readonly service: string;
      /** Display number, e.g. "A023". */
      readonly number: string;
      /** Numeric part, used for allocation. */
      readonly n: number;
      /** Present (true) when the customer asked for priority service; served before others. */
      readonly priority?: true;
      /**
       * The language the customer chose at the kiosk (a BCP 47 code such as "pl" or "ar"), so
       * the screens handed to them later (the clerk's rating) speak it. Optional: absent from
       * older logs and from devices that do not know it.
       */
      readonly lang?: string;
      /**
       * The wait the kiosk showed for the service when the customer tapped (whole seconds,
       * with its 80% range): the store's promise, which the accuracy audit holds against the
       * wait that happened. Absent when no number was shown (no counter open, or the wait
       * model not loaded yet) and from older logs.
       */
      readonly promised?: WaitPromise;
      /** Where the ticket was taken (TICKET_CHANNELS); absent: at a kiosk (and older logs). */
      readonly channel?: TicketChannel;
      /** The customer's first name, so the clerk can greet them; at most MAX_NAME_LENGTH. */
      readonly name?: string;
      /**
       * Present (true) when the customer must check in at the store before being called (a
       * phone ticket for a service that asks for it, domain/join): the ticket keeps its place.
       */
      readonly checkIn?: true;
      /**
       * The booking this ticket was issued for at check-in (channel "appointment"): its id and
       * its slot's start (wall ms). The ticket is called at its time ahead of walk-ins
       * (domain/queue/line-order.ts).
       */
      readonly appointment?: string;
      readonly slot?: number;
    }
  | { readonly type: 'ticket.called'; readonly ticket: string; readonly counter: string }
  | { readonly type: 'ticket.recalled'; readonly ticket: string; readonly counter: string }
  | { readonly type: 'ticket.started'; readonly ticket: string; readonly counter: string }
  | { readonly type: 'ticket.completed'; readonly ticket: string; readonly counter: string }
  | { readonly type: 'ticket.noShow'; readonly ticket: string; readonly counter: string }
  | {
      readonly type: 'ticket.cancelled';
      readonly ticket: string;
      /** Why, when the store (not the customer) ended it; absent: the customer left. */
      readonly reason?: CancelReason;
    }
  /**
   * A time booked for the day of this log (domain/booking). The hub keeps the bookings of
   * every day and writes each into its day's log (for a booking made that day, at once): so
   * every device knows the day's appointments offline. Booked again with the same id: moved.
   */
  | {
      readonly type: 'appointment.booked';
      readonly appointment: string;
      readonly service: string;
      /** The slot's start, wall ms. */
      readonly at: number;
      /** What the customer types at the kiosk to check in (BOOKING_CODE). */
      readonly code: string;
      readonly name?: string;
      readonly lang?: string;
    }
  | {
      readonly type: 'appointment.cancelled';
      readonly appointment: string;
      /** Why, when not the customer: moved to another day, or missed (never checked in). */
      readonly reason?: AppointmentCancelReason;
    }
  /** A remote customer arrived at the store ("I'm here" on the phone, or at the kiosk). */
  | { readonly type: 'ticket.checkedIn'; readonly ticket: string }
  | {
      readonly type: 'ticket.transferred';
      readonly ticket: string;
      readonly counter: string;
      readonly toService: string;
      /**
       * A handover to one counter: while it is open only that counter calls the ticket, first
       * in its line (domain/queue/handover.ts). Optional; readers that ignore it see a transfer.
       */
      readonly toCounter?: string;
      /** A handover to a colleague (staff id): the counter they are signed in at calls it. */
      readonly toStaff?: string;
      /** Why, for the clerk who takes the customer; at most 280 characters. */
      readonly reason?: string;
    }
  | {
      readonly type: 'counter.opened';
      readonly counter: string;
      readonly services: readonly string[];
    }
  | { readonly type: 'counter.closed'; readonly counter: string }
  /**
   * One step of a clerk's visit (DESIGN.md section 6), one event per transition of the visit
   * machine. `n` is the step's index in the visit's step log, so `${visit}:${n}` identifies it
   * even when a reloaded tablet writes it twice; `at` is when the step began (wall ms), which
   * for a re-check noticed late is the original deadline, not the event's own time.
   */
  | {
      readonly type: 'visit.step';
      readonly visit: string;
      /** The handheld that runs the visit (until staff sign in, the clerk is the device). */
      readonly clerk: string;
      readonly counter?: string;
      /** The queue ticket the customer came with; absent for a walk-in. */
      readonly ticket?: string;
      readonly step: VisitStep;
      readonly n: number;
      readonly at: number;
    }
  /** The customer's one-tap rating when thanked; NPS ("would you recommend us") optional. */
  | {
      readonly type: 'visit.feedback';
      readonly visit: string;
      readonly clerk: string;
      readonly satisfaction: Satisfaction;
      readonly nps?: number;
    }
  /**
   * The clerk's note on a visit ("wants the blue one in size 40"), shown with the ticket to
   * whoever serves the customer next. The last note in log order counts; "" clears it.
   */
  | {
      readonly type: 'visit.note';
      readonly visit: string;
      readonly clerk: string;
      readonly counter?: string;
      readonly ticket?: string;
      /** At most 280 characters. */
      readonly note: string;
    }
  /** A clerk asks for help ("Get a manager"); published on the public alerts topic. */
  | {
      readonly type: 'alert.raised';
      readonly alert: string;
      readonly kind: 'manager';
      readonly counter?: string;
      readonly visit?: string;
      /** Free text typed by the clerk, at most 280 characters. */
      readonly reason?: string;
    }
  | { readonly type: 'alert.acknowledged'; readonly alert: string }
  /**
   * A member of staff signs in to (or out of) the device that writes the event. Until the
   * next sign-out, the device's calls and visits are that person's in per-clerk reports.
   */
  | { readonly type: 'staff.signedIn'; readonly staff: string }
  | { readonly type: 'staff.signedOut'; readonly staff: string }
  /**
   * The store agent's verdict on events a device's role may write but that device could not
   * honestly have written (src/domain/sync/plausibility.ts). Every replica folds the day
   * without them, so every screen shows the same queue; only an agent's verdict counts.
   */
  | {
      readonly type: 'event.refused';
      /** Ids of the refused events, at most MAX_REFUSED_PER_EVENT. */
      readonly events: readonly string[];
      readonly reason: RefusalReason;
    };

/** Where a ticket was taken: the lobby kiosk, a customer's phone (/join), a booking (/book). */
export const TICKET_CHANNELS = ['kiosk', 'phone', 'appointment'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

/** A customer's first name on a ticket: short, one line. */
export const MAX_NAME_LENGTH = 40;

/**
 * Why the store ended a waiting ticket: its service closed (domain/hours/closing.ts), or a
 * remote customer never checked in within the grace time (domain/join/grace.ts).
 */
export const CANCEL_REASONS = ['closed', 'noCheckIn'] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

/** Why an appointment ended without its customer cancelling it. */
export const APPOINTMENT_CANCEL_REASONS = ['moved', 'missed'] as const;
export type AppointmentCancelReason = (typeof APPOINTMENT_CANCEL_REASONS)[number];

/** A booking's check-in code: six digits, typed on the kiosk's keypad. */
export const BOOKING_CODE = /^[0-9]{6}$/;

/** Why the agent refused an event (see src/domain/sync/plausibility.ts for each rule). */
export const REFUSAL_REASONS = [
  'clockAhead',
  'clockBehind',
  'clockBackwards',
  'ticketTaken',
  'numberTaken',
  'numberOutOfRange',
  'unknownService',
  'priorityNotAllowed',
  'rateLimited',
  'notBooked',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** Keeps a verdict small: a chunk of 100 events stays well under the message cap. */
export const MAX_REFUSED_PER_EVENT = 50;

/**
 * Every event type, the one list the validator, the roles table and the portable log derive
 * from. `EventTypesMatchBodies` makes a type missing here or in `EventBody` a compile error.
 */
export const EVENT_TYPES = [
  'ticket.issued',
  'ticket.called',
  'ticket.recalled',
  'ticket.started',
  'ticket.completed',
  'ticket.noShow',
  'ticket.cancelled',
  'ticket.transferred',
  'ticket.checkedIn',
  'appointment.booked',
  'appointment.cancelled',
  'counter.opened',
  'counter.closed',
  'visit.step',
  'visit.feedback',
  'visit.note',
  'alert.raised',
  'alert.acknowledged',
  'staff.signedIn',
  'staff.signedOut',
  'event.refused',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];
export type EventTypesMatchBodies = MustBeTrue<SameUnion<EventType, EventBody['type']>>;
export type StoreEvent = EventMeta & EventBody;

/** Whether unions A and B have the same members; with MustBeTrue, drift is a compile error. */
export type SameUnion<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type MustBeTrue<T extends true> = T;

export function eventId(device: string, seq: number): string {
  return `${device}:${seq}`;
}

/** The total order of the log: hlc, then device, then seq. */
export function compareEvents(a: EventMeta, b: EventMeta): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  if (a.device !== b.device) return a.device < b.device ? -1 : 1;
  return a.seq - b.seq;
}
