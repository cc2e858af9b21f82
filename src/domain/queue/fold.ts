import { wallOf } from '../clock/hlc.ts';
import { compareEvents, type StoreEvent } from './events.ts';
import { emptyState, RECENT_CALLS, type Conflict, type QueueState, type Ticket } from './state.ts';

/**
 * Applies one event, in log order, to the state. The state object is updated in place for
 * speed; `fold` is the pure entry point (same events in, same state out).
 */
export function applyEvent(state: QueueState, e: StoreEvent): void {
  state.applied++;
  const at = wallOf(e.hlc);
  switch (e.type) {
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
    default:
      applyTicketAction(state, e, at);
  }
}

type TicketAction = Extract<StoreEvent, { ticket: string }>;

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
      delete t.counter;
      delete t.calledBy;
      delete t.calledAt;
      return;
  }
}

/** Pure fold: sorts a copy into the log's total order and applies every event. */
export function fold(events: readonly StoreEvent[]): QueueState {
  const state = emptyState();
  for (const e of [...events].sort(compareEvents)) applyEvent(state, e);
  return state;
}
