import { wallOf } from '../clock/hlc.ts';
import { roleOfDevice } from '../security/roles.ts';
import { compareEvents, type StoreEvent } from './events.ts';
import {
  emptyState,
  MAX_VISIT_STEPS,
  RECENT_CALLS,
  type Conflict,
  type Handover,
  type QueueState,
  type Ticket,
} from './state.ts';

/**
 * Applies one event, in log order, to the state. The state object is updated in place for
 * speed; `fold` is the pure entry point (same events in, same state out).
 */
export function applyEvent(state: QueueState, e: StoreEvent): void {
  if (state.refused.has(e.id)) return;
  state.applied++;
  const at = wallOf(e.hlc);
  switch (e.type) {
    case 'event.refused':
      return noteRefusal(state, e);
    case 'ticket.issued': {
      if (state.tickets.has(e.ticket)) return;
      state.tickets.set(e.ticket, {
        id: e.ticket,
        number: e.number,
        n: e.n,
        service: e.service,
        status: 'waiting',
        issuedAt: at,
        queuedHlc: e.hlc,
        issuedBy: e.device,
        recalls: 0,
        ...(e.priority ? { priority: true } : {}),
        ...(e.lang !== undefined ? { lang: e.lang } : {}),
      });
      state.numbers.set(e.number, e.ticket);
      return;
    }
    case 'counter.opened':
      state.counters.set(e.counter, {
        id: e.counter,
        open: true,
        services: [...e.services],
        device: e.device,
        since: at,
      });
      // a tablet that opens a counter takes over the customer standing there
      for (const t of state.tickets.values()) {
        if ((t.status === 'called' || t.status === 'serving') && t.counter === e.counter) {
          t.calledBy = e.device;
        }
      }
      return;
    case 'counter.closed': {
      const c = state.counters.get(e.counter);
      if (c) c.open = false;
      return;
    }
    case 'visit.step':
    case 'visit.feedback':
      return applyVisitEvent(state, e, at);
    case 'visit.note':
      return applyVisitNote(state, e, at);
    case 'alert.raised':
    case 'alert.acknowledged':
      return applyAlertEvent(state, e, at);
    case 'staff.signedIn':
      state.staffOn.set(e.device, e.staff);
      return;
    case 'staff.signedOut':
      if (state.staffOn.get(e.device) === e.staff) state.staffOn.delete(e.device);
      return;
    default:
      applyTicketAction(state, e, at);
  }
}

type VisitEvent = Extract<StoreEvent, { type: 'visit.step' | 'visit.feedback' }>;

/**
 * A visit belongs to the device that wrote its first event. Steps are kept once per `n` (a
 * reloaded tablet may write one again) and in `n` order, so the result does not depend on
 * which copy came first; the first feedback in log order counts.
 */
function applyVisitEvent(state: QueueState, e: VisitEvent, at: number): void {
  const visit = state.visits.get(e.visit);
  if (visit && visit.device !== e.device) return;
  if (e.type === 'visit.feedback') {
    if (!visit || visit.feedback) return;
    visit.feedback = {
      satisfaction: e.satisfaction,
      ...(e.nps !== undefined ? { nps: e.nps } : {}),
      at,
    };
    return;
  }
  const step = { n: e.n, step: e.step, at: e.at };
  if (!visit) {
    state.visits.set(e.visit, {
      id: e.visit,
      clerk: e.clerk,
      device: e.device,
      ...(e.counter !== undefined ? { counter: e.counter } : {}),
      ...(e.ticket !== undefined ? { ticket: e.ticket } : {}),
      step: e.step,
      steps: [step],
    });
    return;
  }
  const { steps } = visit;
  if (steps.length >= MAX_VISIT_STEPS || steps.some((s) => s.n === e.n)) return;
  const i = steps.findIndex((s) => s.n > e.n);
  if (i === -1) steps.push(step);
  else steps.splice(i, 0, step);
  visit.step = steps[steps.length - 1]!.step;
  visit.counter ??= e.counter;
  visit.ticket ??= e.ticket;
}

/**
 * A note belongs to its visit (only the visit's own device may write one) and travels with the
 * customer's ticket, so the next clerk reads it; the last in log order counts, "" clears it.
 */
function applyVisitNote(
  state: QueueState,
  e: Extract<StoreEvent, { type: 'visit.note' }>,
  at: number,
): void {
  const visit = state.visits.get(e.visit);
  if (visit && visit.device !== e.device) return;
  if (visit) {
    if (e.note === '') delete visit.note;
    else visit.note = e.note;
  }
  const t = e.ticket !== undefined ? state.tickets.get(e.ticket) : undefined;
  if (!t) return;
  if (e.note === '') delete t.note;
  else t.note = { text: e.note, visit: e.visit, at };
}

type AlertEvent = Extract<StoreEvent, { type: 'alert.raised' | 'alert.acknowledged' }>;

/** The first raise of an id counts; an acknowledgement closes an open alert once. */
function applyAlertEvent(state: QueueState, e: AlertEvent, at: number): void {
  const alert = state.alerts.get(e.alert);
  if (e.type === 'alert.acknowledged') {
    if (!alert || alert.status !== 'open') return;
    alert.status = 'acknowledged';
    alert.acknowledgedAt = at;
    alert.acknowledgedBy = e.device;
    return;
  }
  if (alert) return;
  state.alerts.set(e.alert, {
    id: e.alert,
    kind: e.kind,
    ...(e.counter !== undefined ? { counter: e.counter } : {}),
    ...(e.visit !== undefined ? { visit: e.visit } : {}),
    ...(e.reason !== undefined ? { reason: e.reason } : {}),
    raisedBy: e.device,
    raisedAt: at,
    status: 'open',
  });
}

type TicketAction = Exclude<Extract<StoreEvent, { ticket: string }>, { type: 'visit.note' }>;

function conflict(
  state: QueueState,
  e: TicketAction,
  t: Ticket | undefined,
  reason: Conflict['reason'],
): void {
  state.conflicts.push({
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

function pushCall(state: QueueState, t: Ticket, e: StoreEvent, at: number, recall: boolean): void {
  state.calls.push({
    ticket: t.id,
    number: t.number,
    service: t.service,
    counter: t.counter ?? '',
    at,
    recall,
    eventId: e.id,
  });
  if (state.calls.length > RECENT_CALLS) state.calls.splice(0, state.calls.length - RECENT_CALLS);
}

function finish(state: QueueState, t: Ticket, status: 'done' | 'noShow', at: number): void {
  t.status = status;
  t.endedAt = at;
  if (status === 'done' && t.calledAt !== undefined) {
    const list = state.serviceTimes.get(t.service) ?? [];
    list.push(at - t.calledAt);
    state.serviceTimes.set(t.service, list);
  }
}

function applyTicketAction(
  state: QueueState,
  e: Exclude<TicketAction, { type: 'ticket.issued' }>,
  at: number,
): void {
  const t = state.tickets.get(e.ticket);
  if (!t) return conflict(state, e, t, 'unknownTicket');
  switch (e.type) {
    case 'ticket.called':
      if (t.status !== 'waiting') {
        return conflict(
          state,
          e,
          t,
          t.status === 'called' || t.status === 'serving' ? 'alreadyCalled' : 'notActive',
        );
      }
      t.status = 'called';
      t.counter = e.counter;
      t.calledBy = e.device;
      t.calledAt = at;
      return pushCall(state, t, e, at, false);
    case 'ticket.recalled':
      if (t.status !== 'called' || !holds(t, e)) return conflict(state, e, t, 'notYourTicket');
      t.recalls++;
      return pushCall(state, t, e, at, true);
    case 'ticket.started':
      if (t.status !== 'called' || !holds(t, e)) return conflict(state, e, t, 'notYourTicket');
      t.status = 'serving';
      return;
    case 'ticket.completed':
    case 'ticket.noShow':
      if ((t.status !== 'called' && t.status !== 'serving') || !holds(t, e)) {
        return conflict(state, e, t, 'notYourTicket');
      }
      return finish(state, t, e.type === 'ticket.completed' ? 'done' : 'noShow', at);
    case 'ticket.cancelled':
      if (t.status !== 'waiting' && t.status !== 'called')
        return conflict(state, e, t, 'notActive');
      t.status = 'cancelled';
      t.endedAt = at;
      return;
    case 'ticket.transferred':
      if ((t.status !== 'called' && t.status !== 'serving') || !holds(t, e)) {
        return conflict(state, e, t, 'notYourTicket');
      }
      t.status = 'waiting';
      t.service = e.toService;
      t.handover = handoverOf(state, e, at);
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
function noteRefusal(state: QueueState, e: Verdict): void {
  if (roleOfDevice(e.device) !== 'agent') return;
  for (const id of e.events) if (!state.refused.has(id)) state.refused.set(id, e.reason);
}

/**
 * Notes every verdict before a fold: a verdict usually comes after the event it refuses in
 * log order (the agent judges what it received), and a fold must leave that event out.
 */
export function noteRefusals(state: QueueState, events: Iterable<StoreEvent>): void {
  for (const e of events) if (e.type === 'event.refused') noteRefusal(state, e);
}

/** Pure fold: sorts a copy into the log's total order and applies every event. */
export function fold(events: readonly StoreEvent[]): QueueState {
  const state = emptyState();
  noteRefusals(state, events);
  for (const e of [...events].sort(compareEvents)) applyEvent(state, e);
  return state;
}

/** The ids of refused events among `events` (reports and exports leave them out). */
export function refusedIds(events: Iterable<StoreEvent>): Set<string> {
  const state = emptyState();
  noteRefusals(state, events);
  return new Set(state.refused.keys());
}
