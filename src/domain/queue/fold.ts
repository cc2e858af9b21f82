import { wallOf } from '../clock/hlc.ts';
import { roleOfDevice } from '../security/roles.ts';
import { compareEvents, type StoreEvent } from './events.ts';
import { applyAppointmentEvent, arrive } from './fold-appointments.ts';
import { applyAlertEvent, applyVisitEvent, applyVisitNote } from './fold-visits.ts';
import { StateWriter } from './state-writer.ts';
import {
  emptyState,
  RECENT_CALLS,
  type Conflict,
  type Handover,
  type QueueState,
  type Ticket,
} from './state.ts';

/**
 * Owns the fold: how each event, in log order, changes the queue state (tickets, counters,
 * calls, conflicts, verdicts); visits and alerts are in fold-visits.ts.
 */

/**
 * Applies one event, in log order, to a state it updates in place (a state being built, as in
 * `fold`). A state already handed out changes only through `applyEvents`.
 */
export function applyEvent(state: QueueState, e: StoreEvent): void {
  write(new StateWriter(state, true), e);
}

/**
 * Applies events, in log order, to a copy of `state`: the result is a new object that shares
 * what did not change, and `state` is left as it was (React compares states by identity).
 */
export function applyEvents(state: QueueState, events: Iterable<StoreEvent>): QueueState {
  const w = new StateWriter(state, false);
  for (const e of events) write(w, e);
  return w.next;
}

function write(w: StateWriter, e: StoreEvent): void {
  const state = w.next;
  if (state.refused.has(e.id)) return;
  state.applied++;
  const at = wallOf(e.hlc);
  switch (e.type) {
    case 'event.refused':
      return noteRefusal(w, e);
    case 'ticket.issued': {
      if (state.tickets.has(e.ticket)) return;
      w.map('tickets').set(e.ticket, issuedTicket(e, at));
      w.map('numbers').set(e.number, e.ticket);
      if (e.appointment !== undefined) arrive(w, e.appointment, e.ticket);
      return;
    }
    case 'appointment.booked':
    case 'appointment.cancelled':
      return applyAppointmentEvent(w, e);
    case 'counter.opened':
      return openCounter(w, e, at);
    case 'counter.closed': {
      const c = w.counter(e.counter);
      if (c) c.open = false;
      return;
    }
    case 'visit.step':
    case 'visit.feedback':
      return applyVisitEvent(w, e, at);
    case 'visit.note':
      return applyVisitNote(w, e, at);
    case 'alert.raised':
    case 'alert.acknowledged':
      return applyAlertEvent(w, e, at);
    case 'staff.signedIn':
      w.map('staffOn').set(e.device, e.staff);
      return;
    case 'staff.signedOut':
      if (state.staffOn.get(e.device) === e.staff) w.map('staffOn').delete(e.device);
      return;
    default:
      applyTicketAction(w, e, at);
  }
}

/**
 * The ticket an issue event makes. Optional fields are set only when present, one by one: a
 * literal with a spread per field made every ticket of a refold allocate and copy six objects.
 */
function issuedTicket(e: Extract<StoreEvent, { type: 'ticket.issued' }>, at: number): Ticket {
  const ticket: { -readonly [K in keyof Ticket]: Ticket[K] } = {
    id: e.ticket,
    number: e.number,
    n: e.n,
    service: e.service,
    status: 'waiting',
    issuedAt: at,
    queuedHlc: e.hlc,
    issuedBy: e.device,
    recalls: 0,
  };
  if (e.priority) ticket.priority = true;
  if (e.lang !== undefined) ticket.lang = e.lang;
  if (e.channel !== undefined && e.channel !== 'kiosk') ticket.channel = e.channel;
  if (e.name !== undefined) ticket.name = e.name;
  if (e.checkIn) ticket.awaitingCheckIn = true;
  if (e.appointment !== undefined && e.slot !== undefined) {
    ticket.appointment = e.appointment;
    ticket.slotAt = e.slot;
  }
  return ticket;
}

function openCounter(
  w: StateWriter,
  e: Extract<StoreEvent, { type: 'counter.opened' }>,
  at: number,
): void {
  const counter = {
    id: e.counter,
    open: true,
    services: [...e.services],
    device: e.device,
    since: at,
  };
  w.map('counters').set(e.counter, counter);
  // a tablet that opens a counter takes over the customer standing there
  for (const t of w.next.tickets.values()) {
    if ((t.status === 'called' || t.status === 'serving') && t.counter === e.counter) {
      w.ticket(t.id)!.calledBy = e.device;
    }
  }
}

type TicketAction = Exclude<
  Extract<StoreEvent, { ticket: string }>,
  { type: 'visit.note' | 'appointment.booked' | 'appointment.cancelled' }
>;

function conflict(
  w: StateWriter,
  e: TicketAction,
  t: Ticket | undefined,
  reason: Conflict['reason'],
): void {
  w.conflicts().push({
    eventId: e.id,
    device: e.device,
    type: e.type,
    ticket: e.ticket,
    number: t?.number ?? '',
    reason,
    ...(t?.counter !== undefined ? { heldBy: t.counter } : {}),
  });
}

/** Only the counter (and device) that made the winning call may act on a called ticket. */
function holds(t: Ticket, e: { counter: string; device: string }): boolean {
  return t.counter === e.counter && t.calledBy === e.device;
}

function pushCall(w: StateWriter, t: Ticket, e: StoreEvent, at: number, recall: boolean): void {
  const calls = w.calls();
  calls.push({
    ticket: t.id,
    number: t.number,
    service: t.service,
    counter: t.counter ?? '',
    at,
    recall,
    eventId: e.id,
  });
  if (calls.length > RECENT_CALLS) calls.splice(0, calls.length - RECENT_CALLS);
}

function finish(w: StateWriter, t: Ticket, status: 'done' | 'noShow', at: number): void {
  t.status = status;
  t.endedAt = at;
  if (status === 'done' && t.calledAt !== undefined)
    w.serviceTimes(t.service).push(at - t.calledAt);
}

/** Whether a ticket action may act, from the ticket as it stands. */
function refusal(
  t: Ticket,
  e: Exclude<TicketAction, { type: 'ticket.issued' }>,
): Conflict['reason'] | undefined {
  const live = t.status === 'called' || t.status === 'serving';
  switch (e.type) {
    case 'ticket.called':
      if (t.status === 'waiting') return undefined;
      return live ? 'alreadyCalled' : 'notActive';
    case 'ticket.recalled':
    case 'ticket.started':
      return t.status === 'called' && holds(t, e) ? undefined : 'notYourTicket';
    case 'ticket.completed':
    case 'ticket.noShow':
    case 'ticket.transferred':
      return live && holds(t, e) ? undefined : 'notYourTicket';
    case 'ticket.cancelled':
      return t.status === 'waiting' || t.status === 'called' ? undefined : 'notActive';
    case 'ticket.checkedIn':
      return t.status === 'waiting' && t.awaitingCheckIn ? undefined : 'notActive';
  }
}

function applyTicketAction(
  w: StateWriter,
  e: Exclude<TicketAction, { type: 'ticket.issued' }>,
  at: number,
): void {
  const found = w.next.tickets.get(e.ticket);
  if (!found) return conflict(w, e, found, 'unknownTicket');
  const refused = refusal(found, e);
  if (refused) return conflict(w, e, found, refused);
  const t = w.ticket(e.ticket)!;
  switch (e.type) {
    case 'ticket.called':
      t.status = 'called';
      t.counter = e.counter;
      t.calledBy = e.device;
      t.calledAt = at;
      return pushCall(w, t, e, at, false);
    case 'ticket.recalled':
      t.recalls++;
      return pushCall(w, t, e, at, true);
    case 'ticket.started':
      t.status = 'serving';
      return;
    case 'ticket.completed':
    case 'ticket.noShow':
      return finish(w, t, e.type === 'ticket.completed' ? 'done' : 'noShow', at);
    case 'ticket.cancelled':
      t.status = 'cancelled';
      t.endedAt = at;
      if (e.reason !== undefined) t.cancelReason = e.reason;
      return;
    case 'ticket.checkedIn':
      t.awaitingCheckIn = false;
      t.checkedInAt = at;
      return;
    case 'ticket.transferred':
      t.status = 'waiting';
      t.service = e.toService;
      t.handover = handoverOf(w.next, e, at);
      delete t.counter;
      delete t.calledBy;
      delete t.calledAt;
      return;
  }
}

/** Who handed the customer on: the staff member signed in on the device at that moment. */
function handoverOf(
  state: QueueState,
  e: Extract<StoreEvent, { type: 'ticket.transferred' }>,
  at: number,
): Handover {
  const fromStaff = state.staffOn.get(e.device);
  return {
    fromCounter: e.counter,
    fromDevice: e.device,
    ...(fromStaff !== undefined ? { fromStaff } : {}),
    ...(e.toCounter !== undefined ? { toCounter: e.toCounter } : {}),
    ...(e.toStaff !== undefined ? { toStaff: e.toStaff } : {}),
    ...(e.reason !== undefined ? { reason: e.reason } : {}),
    at,
  };
}

type Verdict = Extract<StoreEvent, { type: 'event.refused' }>;

/** Only the store agent judges; a verdict from anyone else means nothing. */
function noteRefusal(w: StateWriter, e: Verdict): void {
  if (roleOfDevice(e.device) !== 'agent') return;
  for (const id of e.events) {
    if (!w.next.refused.has(id)) w.map('refused').set(id, e.reason);
  }
}

/**
 * Notes every verdict before a fold: a verdict usually comes after the event it refuses in
 * log order (the agent judges what it received), and a fold must leave that event out.
 */
export function noteRefusals(state: QueueState, events: Iterable<StoreEvent>): void {
  const w = new StateWriter(state, true);
  for (const e of events) if (e.type === 'event.refused') noteRefusal(w, e);
}

/** As noteRefusals, on a copy: `state` is left as it was. */
export function withRefusals(state: QueueState, events: Iterable<StoreEvent>): QueueState {
  const w = new StateWriter(state, false);
  for (const e of events) if (e.type === 'event.refused') noteRefusal(w, e);
  return w.next;
}

/** Pure fold: sorts a copy into the log's total order and applies every event. */
export function fold(events: readonly StoreEvent[]): QueueState {
  const state = emptyState();
  noteRefusals(state, events);
  const w = new StateWriter(state, true);
  for (const e of [...events].sort(compareEvents)) write(w, e);
  return state;
}

/** The ids of refused events among `events` (reports and exports leave them out). */
export function refusedIds(events: Iterable<StoreEvent>): Set<string> {
  const state = emptyState();
  noteRefusals(state, events);
  return new Set(state.refused.keys());
}
