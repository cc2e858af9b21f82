import type { Satisfaction, VisitStep } from '../visit/types.ts';
import type {
  AppointmentCancelReason,
  CancelReason,
  EventType,
  RefusalReason,
  TicketChannel,
} from './events.ts';

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
  /** Asked for priority service at the kiosk: goes before the other customers in line. */
  readonly priority?: boolean;
  /** The customer's language, chosen at the kiosk (absent when not known). */
  readonly lang?: string;
  /** Where it was taken; absent: the kiosk. */
  readonly channel?: TicketChannel;
  /** The customer's first name, when they gave one (a phone ticket). */
  readonly name?: string;
  /** Must check in before being called, and has not yet (domain/queue/line-order.ts). */
  awaitingCheckIn?: boolean;
  /** When the customer checked in (ticket.checkedIn). */
  checkedInAt?: number;
  /** The booking it was issued for at check-in, and the booked slot's start (wall ms). */
  readonly appointment?: string;
  readonly slotAt?: number;
  /** Why the store cancelled it; absent for a customer who left. */
  cancelReason?: CancelReason;
  counter?: string;
  calledAt?: number;
  /** Device that made the call that counts. */
  calledBy?: string;
  recalls: number;
  endedAt?: number;
  /** The last handover of this customer from one clerk to another (ticket.transferred). */
  handover?: Handover;
  /** The last note a clerk wrote on a visit with this customer (visit.note). */
  note?: TicketNote;
}

/** Who passed the customer on, to whom, and why: shown to the clerk who calls them next. */
export interface Handover {
  readonly fromCounter: string;
  readonly fromDevice: string;
  /** The member of staff signed in on that device at the time, if any. */
  readonly fromStaff?: string;
  readonly toCounter?: string;
  readonly toStaff?: string;
  readonly reason?: string;
  readonly at: number;
}

export interface TicketNote {
  readonly text: string;
  readonly visit: string;
  readonly at: number;
}

/** A time booked for the day (appointment.booked), until its customer checks in or it ends. */
export interface Appointment {
  readonly id: string;
  service: string;
  /** The slot's start, wall ms (a later booking with the same id moves it). */
  at: number;
  readonly code: string;
  name?: string;
  lang?: string;
  status: 'booked' | 'arrived' | 'cancelled';
  cancelReason?: AppointmentCancelReason;
  /** The ticket issued when its customer checked in. */
  ticket?: string;
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

/** One step of a visit as the log recorded it. */
export interface LoggedStep {
  readonly n: number;
  readonly step: VisitStep;
  readonly at: number;
}

/** A clerk's visit with one customer, as the store's log knows it (see visit.* events). */
export interface VisitRecord {
  readonly id: string;
  readonly clerk: string;
  /** The device that wrote its first event; events for it from other devices are ignored. */
  readonly device: string;
  counter?: string;
  ticket?: string;
  /** The step with the highest `n`. */
  step: VisitStep;
  /** Ordered by `n`, without repeats. */
  readonly steps: LoggedStep[];
  feedback?: { readonly satisfaction: Satisfaction; readonly nps?: number; readonly at: number };
  /** The clerk's note (visit.note), the last one in log order. */
  note?: string;
}

export type AlertStatus = 'open' | 'acknowledged';

/** A call for a manager, from raise to acknowledgement. */
export interface Alert {
  readonly id: string;
  readonly kind: 'manager';
  readonly counter?: string;
  readonly visit?: string;
  readonly reason?: string;
  /** The device that raised it (the clerk's handheld). */
  readonly raisedBy: string;
  readonly raisedAt: number;
  status: AlertStatus;
  acknowledgedAt?: number;
  acknowledgedBy?: string;
}

/** Steps kept per visit; a runaway device cannot grow one visit without bound. */
export const MAX_VISIT_STEPS = 500;

export interface QueueState {
  readonly tickets: Map<string, Ticket>;
  readonly numbers: Map<string, string>;
  readonly counters: Map<string, CounterState>;
  /** Most recent last; bounded. */
  readonly calls: Call[];
  readonly conflicts: Conflict[];
  /** Durations (ms) of finished visits per service, for the wait estimate. */
  readonly serviceTimes: Map<string, number[]>;
  /** The day's visits by id (clerk's assistant). */
  readonly visits: Map<string, VisitRecord>;
  /** The day's manager alerts by id, in the order raised. */
  readonly alerts: Map<string, Alert>;
  /** Who is signed in on each device (device id to staff id), from staff.signedIn/Out. */
  readonly staffOn: Map<string, string>;
  /** Events the store agent refused (event id to why); the fold leaves them out. */
  readonly refused: Map<string, RefusalReason>;
  /** The day's bookings by id (appointment.*). */
  readonly appointments: Map<string, Appointment>;
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
    visits: new Map(),
    alerts: new Map(),
    staffOn: new Map(),
    refused: new Map(),
    appointments: new Map(),
    applied: 0,
  };
}
