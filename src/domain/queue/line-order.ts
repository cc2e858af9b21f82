/**
 * The line-order rule, the one place that says who is called next: priority customers first
 * (among themselves by arrival), then everyone else by arrival; a transfer keeps the
 * customer's place; a customer handed over to a counter goes before both at that counter
 * (handover.ts says while the handover holds). The app's state orders its tickets with
 * `compareInLine`; the wait model and the simulation give each ticket a numeric place
 * (`placeKey`, `priorityPlace`, `handoverPlace`, smaller is earlier) and keep their lines
 * sorted with `placeIndex`. A remote customer who must check in (a phone ticket, domain/join)
 * keeps their place but is passed over until they arrive (`isCallable`).
 */
import type { Ticket } from './state.ts';

type Placed = Pick<Ticket, 'id' | 'priority' | 'queuedHlc'>;

/** Priority tickets first, then by the clock of joining the line, then by id (a total order). */
export function compareInLine(a: Placed, b: Placed): number {
  if (Boolean(a.priority) !== Boolean(b.priority)) return a.priority ? -1 : 1;
  if (a.queuedHlc !== b.queuedHlc) return a.queuedHlc < b.queuedHlc ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Whether a waiting ticket may be called now: not while its customer, who took it on their
 * phone for a service that asks for a check-in, has not yet said they are in the store. The
 * ticket keeps its place; "call next" takes the first callable ticket in line.
 */
export function isCallable(t: Pick<Ticket, 'awaitingCheckIn'>): boolean {
  return !t.awaitingCheckIn;
}

/**
 * Numeric places: a priority ticket's place is PRIORITY_BASE + its order (its issue time, ms),
 * so priority tickets go before all others; other tickets count up from 0.
 */
export const PRIORITY_BASE = -1e15;

/** The place of a ticket that is `order`-th in its group (an issue time or a counter). */
export function placeKey(priority: boolean, order: number): number {
  return priority ? PRIORITY_BASE + order : order;
}

export function priorityPlace(issuedAt: number): number {
  return placeKey(true, issuedAt);
}

export function isPriorityPlace(key: number): boolean {
  return key < 0;
}

/** Places before every priority place, by the time of the handover. */
export function handoverPlace(at: number): number {
  return 2 * PRIORITY_BASE + at;
}

/** In a line sorted by place, the index of the first entry at `key` or later (from `lo`). */
export function placeIndex(line: readonly { readonly key: number }[], key: number, lo = 0): number {
  let hi = line.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (line[mid]!.key < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
