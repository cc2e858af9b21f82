/**
 * The portable event log (DESIGN §5, a contract): JSON Lines, one event a line, ordered by time.
 * In memory `at` is milliseconds since the epoch; on disk it is an ISO 8601 string.
 */
import {
  EVENT_TYPES,
  type CancelReason,
  type EventType,
  type MustBeTrue,
  type SameUnion,
} from '../queue/events.ts';

/** The contract's types: the store's ticket and counter events (queue/events.ts lists them). */
export type PortableType = Extract<EventType, `ticket.${string}` | `counter.${string}`>;

function isPortableKind(t: EventType): t is PortableType {
  return t.startsWith('ticket.') || t.startsWith('counter.');
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

export type PortableEvent =
  | TicketIssued
  | TicketAtCounter
  | TicketCancelled
  | TicketCheckedIn
  | TicketTransferred
  | CounterOpened
  | CounterClosed;

/** A portable type without its event shape (or the reverse) does not compile. */
export type PortableEventsMatchTypes = MustBeTrue<SameUnion<PortableEvent['type'], PortableType>>;

export type TicketEvent = Exclude<PortableEvent, CounterOpened | CounterClosed>;

export function isTicketEvent(e: PortableEvent): e is TicketEvent {
  return e.type.startsWith('ticket.');
}

export function isPortableType(s: string): s is PortableType {
  return (PORTABLE_TYPES as readonly string[]).includes(s);
}
