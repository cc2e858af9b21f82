/**
 * The portable event log (DESIGN §5, a contract): JSON Lines, one event a line, ordered by time.
 * In memory `at` is milliseconds since the epoch; on disk it is an ISO 8601 string.
 */
export const PORTABLE_TYPES = [
  'ticket.issued',
  'ticket.called',
  'ticket.recalled',
  'ticket.started',
  'ticket.completed',
  'ticket.noShow',
  'ticket.cancelled',
  'ticket.transferred',
  'counter.opened',
  'counter.closed',
] as const;

export type PortableType = (typeof PORTABLE_TYPES)[number];

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
  | TicketTransferred
  | CounterOpened
  | CounterClosed;

export type TicketEvent = Exclude<PortableEvent, CounterOpened | CounterClosed>;

export function isTicketEvent(e: PortableEvent): e is TicketEvent {
  return e.type.startsWith('ticket.');
}

export function isPortableType(s: string): s is PortableType {
  return (PORTABLE_TYPES as readonly string[]).includes(s);
}
