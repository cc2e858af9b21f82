import type { StoreConfig } from '../config/types.ts';
import { cleanReason } from '../visit/commands.ts';
import type { CommandResult } from './commands.ts';
import { ticketAtCounter, waitingTickets } from './selectors.ts';
import type { QueueState, Ticket } from './state.ts';

/**
 * Handing a customer over: to another service's line (as before), to one named counter, or to a
 * colleague signed in at a counter, with a reason the receiving clerk reads. A handed-over
 * customer is called first at the counter they were sent to, and only there, while that counter
 * is open (and for a colleague, while they are signed in at an open counter); after that the
 * ticket is an ordinary one in its service's line again, so nobody is stranded.
 */
export type HandoverTarget =
  | { readonly kind: 'service'; readonly service: string }
  | { readonly kind: 'counter'; readonly counter: string }
  | { readonly kind: 'staff'; readonly staff: string };

export interface Colleague {
  readonly staff: string;
  readonly counter: string;
}

export interface HandoverTargets {
  readonly services: readonly string[];
  readonly counters: readonly string[];
  readonly colleagues: readonly Colleague[];
}

/** The open counter where `staff` is signed in (on the device holding it), if any. */
export function counterOfStaff(state: QueueState, staff: string): string | undefined {
  for (const c of [...state.counters.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (c.open && state.staffOn.get(c.device) === staff) return c.id;
  }
  return undefined;
}

/** Where the customer at `counter` can be sent: never back to the same counter or clerk. */
export function handoverTargets(
  state: QueueState,
  cfg: Pick<StoreConfig, 'services'>,
  counter: string,
): HandoverTargets {
  const ticket = ticketAtCounter(state, counter);
  const mine = state.counters.get(counter);
  const me = mine ? state.staffOn.get(mine.device) : undefined;
  const open = [...state.counters.values()]
    .filter((c) => c.open && c.id !== counter)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const colleagues: Colleague[] = [];
  for (const c of open) {
    const staff = state.staffOn.get(c.device);
    if (staff !== undefined && staff !== me && !colleagues.some((k) => k.staff === staff)) {
      colleagues.push({ staff, counter: c.id });
    }
  }
  return {
    services: cfg.services.map((s) => s.id).filter((id) => id !== ticket?.service),
    counters: open.map((c) => c.id),
    colleagues,
  };
}

/** The event that hands the customer at `counter` over to `target`, with the clerk's reason. */
export function handOver(
  state: QueueState,
  cfg: Pick<StoreConfig, 'services'>,
  counter: string,
  target: HandoverTarget,
  reason?: string,
): CommandResult {
  const t = ticketAtCounter(state, counter);
  if (!t) return { ok: false, error: 'notAtCounter' };
  const why = cleanReason(reason);
  const base = { type: 'ticket.transferred', ticket: t.id, counter } as const;
  const withReason = why !== undefined ? { reason: why } : {};
  if (target.kind === 'service') {
    if (!cfg.services.some((s) => s.id === target.service)) {
      return { ok: false, error: 'unknownService' };
    }
    return { ok: true, event: { ...base, toService: target.service, ...withReason } };
  }
  const to = target.kind === 'counter' ? target.counter : counterOfStaff(state, target.staff);
  const receiving = to !== undefined ? state.counters.get(to) : undefined;
  if (!receiving?.open || receiving.id === counter) return { ok: false, error: 'counterClosed' };
  // the customer keeps their service where the receiving counter serves it
  const toService = receiving.services.includes(t.service) ? t.service : receiving.services[0];
  if (toService === undefined) return { ok: false, error: 'counterClosed' };
  const staff = target.kind === 'staff' ? { toStaff: target.staff } : {};
  return {
    ok: true,
    event: { ...base, toService, toCounter: receiving.id, ...staff, ...withReason },
  };
}

/** The counter that is to call this waiting ticket, while the handover still holds. */
export function heldFor(state: QueueState, t: Ticket): string | undefined {
  const h = t.handover;
  if (!h) return undefined;
  if (h.toStaff !== undefined) return counterOfStaff(state, h.toStaff);
  if (h.toCounter !== undefined && state.counters.get(h.toCounter)?.open) return h.toCounter;
  return undefined;
}

/**
 * The line at `counter`: customers handed over to it first (in their own order), then its
 * services' line without the customers handed over to another counter.
 */
export function waitingAt(
  state: QueueState,
  counter: string,
  services: readonly string[],
): Ticket[] {
  const mine: Ticket[] = [];
  const rest: Ticket[] = [];
  for (const t of waitingTickets(state)) {
    const held = heldFor(state, t);
    if (held === counter) mine.push(t);
    else if (held === undefined && services.includes(t.service)) rest.push(t);
  }
  return [...mine, ...rest];
}
