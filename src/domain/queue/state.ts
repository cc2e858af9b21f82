import type { EventType } from './events.ts';

export type TicketStatus = 'waiting' | 'called' | 'serving' | 'done' | 'noShow' | 'cancelled';

export interface Ticket {
  readonly id: string;
  readonly number: string;
  readonly n: number;
  service: string;
  status: TicketStatus;
  /** Issue time (hlc wall, ms). */
  readonly issuedAt: number;
  /** Sort key for the line: hlc of issue; a transfer keeps the customer's original place. */
  readonly queuedHlc: string;
  readonly issuedBy: string;
  counter?: string;
  calledAt?: number;
  /** Device that made the call that counts. */
  calledBy?: string;
  recalls: number;
  endedAt?: number;
}

export interface CounterState {
  readonly id: string;
  open: boolean;
  services: readonly string[];
  device: string;
  since: number;
}

export interface Call {
  readonly ticket: string;
  readonly number: string;
  readonly service: string;
  readonly counter: string;
  readonly at: number;
  readonly recall: boolean;
  readonly eventId: string;
}

/** An action that lost against an earlier one after a merge; its device is told. */
export interface Conflict {
  readonly eventId: string;
  readonly device: string;
  readonly type: EventType;
  readonly ticket: string;
  readonly number: string;
  readonly reason: 'alreadyCalled' | 'notActive' | 'unknownTicket' | 'notYourTicket';
  /** The counter that holds the ticket, when that is why this action lost. */
  readonly heldBy?: string;
}

export interface QueueState {
  readonly tickets: Map<string, Ticket>;
  readonly numbers: Map<string, string>;
  readonly counters: Map<string, CounterState>;
  /** Most recent last; bounded. */
  readonly calls: Call[];
  readonly conflicts: Conflict[];
  /** Durations (ms) of finished visits per service, for the wait estimate. */
  readonly serviceTimes: Map<string, number[]>;
  applied: number;
}

export const RECENT_CALLS = 30;

export function emptyState(): QueueState {
  return {
    tickets: new Map(),
    numbers: new Map(),
    counters: new Map(),
    calls: [],
    conflicts: [],
    serviceTimes: new Map(),
    applied: 0,
  };
}
