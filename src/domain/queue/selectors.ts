import { compareInLine } from './line-order.ts';
import type { Call, QueueState, Ticket } from './state.ts';

/** Waiting tickets for the given services, first in line first. */
export function waitingTickets(state: QueueState, services?: readonly string[]): Ticket[] {
  const wanted = services ? new Set(services) : undefined;
  const out: Ticket[] = [];
  for (const t of state.tickets.values()) {
    if (t.status === 'waiting' && (!wanted || wanted.has(t.service))) out.push(t);
  }
  return out.sort(compareInLine);
}

export function waitingCountByService(state: QueueState): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of state.tickets.values()) {
    if (t.status === 'waiting') counts.set(t.service, (counts.get(t.service) ?? 0) + 1);
  }
  return counts;
}

/** The ticket each counter is busy with right now. */
export function nowServing(state: QueueState): Ticket[] {
  const out: Ticket[] = [];
  for (const t of state.tickets.values()) {
    if (t.status === 'called' || t.status === 'serving') out.push(t);
  }
  return out.sort((a, b) => (b.calledAt ?? 0) - (a.calledAt ?? 0));
}

/** The ticket a counter holds, if any. */
export function ticketAtCounter(state: QueueState, counter: string): Ticket | undefined {
  for (const t of state.tickets.values()) {
    if ((t.status === 'called' || t.status === 'serving') && t.counter === counter) return t;
  }
  return undefined;
}

export function latestCall(state: QueueState): Call | undefined {
  return state.calls[state.calls.length - 1];
}

/**
 * The calls that still stand, oldest first: each ticket's last call, while that ticket is
 * still called or served at that counter. A call whose customer did not come (no-show), was
 * served, left, or was sent to another service is history, not a call to follow.
 */
export function liveCalls(state: QueueState): Call[] {
  const out: Call[] = [];
  const seen = new Set<string>();
  for (let i = state.calls.length - 1; i >= 0; i--) {
    const call = state.calls[i]!;
    if (seen.has(call.ticket)) continue;
    seen.add(call.ticket);
    const t = state.tickets.get(call.ticket);
    const standing = t?.status === 'called' || t?.status === 'serving';
    if (standing && t.counter === call.counter) out.push(call);
  }
  return out.reverse();
}

export function openCountersFor(state: QueueState, service: string): number {
  let n = 0;
  for (const c of state.counters.values()) if (c.open && c.services.includes(service)) n++;
  return n;
}

/** The counters `device` opened and holds open (the last device to open a counter holds it). */
export function countersOpenBy(state: QueueState, device: string): string[] {
  const out: string[] = [];
  for (const c of state.counters.values()) if (c.open && c.device === device) out.push(c.id);
  return out.sort();
}
