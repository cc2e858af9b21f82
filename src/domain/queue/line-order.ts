/**
 * The line-order rule, the one place that says who is called next: priority customers first
 * (among themselves by arrival), then everyone else by arrival; a transfer keeps the
 * customer's place; a customer handed over to a counter goes before both at that counter
 * (handover.ts says while the handover holds). The app's state orders its tickets with
 * `compareInLine`; the wait model and the simulation give each ticket a numeric place
 * (`placeKey`, `priorityPlace`, `handoverPlace`, smaller is earlier) and keep their lines
 * sorted with `placeIndex`. A remote customer who must check in (a phone ticket, domain/join)
 * keeps their place but is passed over until they arrive (`isCallable`). A booked customer
 * who checked in (domain/booking) is called at the booked time, ahead of walk-ins: booked
 * tickets go after priority tickets and before everyone else, by slot; they are not callable
 * until APPOINTMENT_EARLY_MS before the slot, unless nobody else can be called
 * (`firstToCall`).
 */
import type { Ticket } from './state.ts';

type Placed = Pick<Ticket, 'id' | 'priority' | 'queuedHlc' | 'slotAt'>;

/**
 * Priority tickets first, then booked tickets by slot, then by the clock of joining the line,
 * then by id (a total order).
 */
export function compareInLine(a: Placed, b: Placed): number {
  const ga = group(a);
  const gb = group(b);
  if (ga !== gb) return ga - gb;
  if (a.slotAt !== undefined && b.slotAt !== undefined && a.slotAt !== b.slotAt) {
    return a.slotAt - b.slotAt;
  }
  if (a.queuedHlc !== b.queuedHlc) return a.queuedHlc < b.queuedHlc ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function group(t: Placed): number {
  return t.priority ? 0 : t.slotAt !== undefined ? 1 : 2;
}

/** How early before the booked time a checked-in customer may be called: 5 minutes. */
export const APPOINTMENT_EARLY_MS = 5 * 60_000;

type Callable = Pick<Ticket, 'awaitingCheckIn' | 'slotAt'>;

/**
 * Whether a waiting ticket may be called at `now`: not while its customer, who took it on
 * their phone for a service that asks for a check-in, has not yet said they are in the store,
 * and a booked customer not before their time (less APPOINTMENT_EARLY_MS). The ticket keeps
 * its place; "call next" takes the first callable ticket in line.
 */
export function isCallable(t: Callable, now: number): boolean {
  if (t.awaitingCheckIn) return false;
  return t.slotAt === undefined || now >= t.slotAt - APPOINTMENT_EARLY_MS;
}

/** A booked customer who is here but early: callable only when no one else is. */
export function isEarlyBooked(t: Callable, now: number): boolean {
  return !t.awaitingCheckIn && t.slotAt !== undefined && !isCallable(t, now);
}

/**
 * Who "call next" takes from a line in order: the first callable ticket, or, when there is
 * none, the first booked customer who came early (a free counter serves them now).
 */
export function firstToCall<T extends Callable>(line: readonly T[], now: number): T | undefined {
  return line.find((t) => isCallable(t, now)) ?? line.find((t) => isEarlyBooked(t, now));
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
  return key < APPOINTMENT_BASE;
}

/**
 * Booked tickets' places: APPOINTMENT_BASE + the slot's start (ms), after every priority place
 * and before every walk-in.
 */
export const APPOINTMENT_BASE = PRIORITY_BASE / 2;

export function appointmentPlace(slotAt: number): number {
  return APPOINTMENT_BASE + slotAt;
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
