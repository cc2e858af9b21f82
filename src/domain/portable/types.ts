/**
 * The portable event log (DESIGN §5, a contract): JSON Lines, one event a line, ordered by time.
 * In memory `at` is milliseconds since the epoch; on disk it is an ISO 8601 string.
 */
import {
  EVENT_TYPES,
  type AppointmentCancelReason,
  type CancelReason,
  type EventType,
  type MustBeTrue,
  type SameUnion,
  type TicketChannel,
} from '../queue/events.ts';

/**
 * The contract's types: the store's ticket and counter events (queue/events.ts lists them),
 * and, as an extension, the day's bookings (`appointment.*`), which the wait model needs to
 * count booked times ahead of a walk-in. Readers that predate them skip them as unknown types.
 */
export type PortableType = Extract<
  EventType,
  `ticket.${string}` | `counter.${string}` | `appointment.${string}`
>;

function isPortableKind(t: EventType): t is PortableType {
  return t.startsWith('ticket.') || t.startsWith('counter.') || t.startsWith('appointment.');
}

export const PORTABLE_TYPES: readonly PortableType[] = EVENT_TYPES.filter(isPortableKind);

interface Base {
  /** Milliseconds since the epoch. */
  readonly at: number;
  /** Display number ("A023"); informational. */
  readonly number?: string;
}

export interface TicketIssued extends Base {
  readonly type: 'ticket.issued';
  readonly ticket: string;
  readonly service: string;
  /** Priority service (an extension of the contract): served before the others in line. */
  readonly priority?: true;
  /** Where it was taken (an extension): absent means at a kiosk. */
  readonly channel?: TicketChannel;
  /** A remote ticket that is not called until `ticket.checkedIn` (an extension). */
  readonly checkIn?: true;
  /** A booked customer's ticket (an extension): the booking's id and its slot's start, ms. */
  readonly appointment?: string;
  readonly slot?: number;
}

/** A step at a counter; `counter` may be absent in foreign logs. */
export interface TicketAtCounter extends Base {
  readonly type:
    'ticket.called' | 'ticket.recalled' | 'ticket.started' | 'ticket.completed' | 'ticket.noShow';
  readonly ticket: string;
  readonly counter?: string;
  readonly service?: string;
}

export interface TicketCancelled extends Base {
  readonly type: 'ticket.cancelled';
  readonly ticket: string;
  readonly service?: string;
  /** The store ended it (an extension): 'closed' at closing, 'noCheckIn' after the grace time. */
  readonly reason?: CancelReason;
}

/** A remote customer arrived (an extension); replay and what-if read it as nothing happening. */
export interface TicketCheckedIn extends Base {
  readonly type: 'ticket.checkedIn';
  readonly ticket: string;
  readonly service?: string;
}

export interface TicketTransferred extends Base {
  readonly type: 'ticket.transferred';
  readonly ticket: string;
  readonly toService: string;
  readonly counter?: string;
  readonly service?: string;
}

export interface CounterOpened extends Base {
  readonly type: 'counter.opened';
  readonly counter: string;
  readonly services: readonly string[];
}

export interface CounterClosed extends Base {
  readonly type: 'counter.closed';
  readonly counter: string;
}

/**
 * A time booked for the log's day (an extension). `at` is when it was booked or moved (a second
 * one with the same id moves it), `slot` the booked time, ms. The booking code and the
 * customer's name stay in the store: the wait model needs neither.
 */
export interface AppointmentBooked extends Base {
  readonly type: 'appointment.booked';
  readonly appointment: string;
  readonly service: string;
  readonly slot: number;
}

/** A booking ended without a ticket (an extension); reason 'missed': its customer never came. */
export interface AppointmentCancelled extends Base {
  readonly type: 'appointment.cancelled';
  readonly appointment: string;
  readonly reason?: AppointmentCancelReason;
}

export type PortableEvent =
  | TicketIssued
  | TicketAtCounter
  | TicketCancelled
  | TicketCheckedIn
  | TicketTransferred
  | CounterOpened
  | CounterClosed
  | AppointmentBooked
  | AppointmentCancelled;

/** A portable type without its event shape (or the reverse) does not compile. */
export type PortableEventsMatchTypes = MustBeTrue<SameUnion<PortableEvent['type'], PortableType>>;

export type AppointmentEvent = AppointmentBooked | AppointmentCancelled;

export type TicketEvent = Exclude<PortableEvent, CounterOpened | CounterClosed | AppointmentEvent>;

export function isTicketEvent(e: PortableEvent): e is TicketEvent {
  return e.type.startsWith('ticket.');
}

export function isPortableType(s: string): s is PortableType {
  return (PORTABLE_TYPES as readonly string[]).includes(s);
}
