import { heldFor } from '../queue/handover.ts';
import type { QueueState, Ticket } from '../queue/state.ts';
import { placeInLine, type LinePlace } from './ahead.ts';
import type { WaitEstimate, WaitEstimator } from './estimator.ts';
import {
  appointmentPlace,
  compareInLine,
  handoverPlace,
  priorityPlace,
} from '../queue/line-order.ts';
import type { BookedSlot, CounterEntry, LineSnapshot, WaitingEntry } from './line.ts';

/**
 * The thin adapter between the app's QueueState (the fold of the replicated log) and the
 * estimator. The estimator learns from events (feed it `portableFromStoreEvent(e)` for each
 * queue event, in fold order, including the history loaded at start; other events map to
 * undefined and are skipped); the line it estimates for can
 * come from the device's QueueState instead of the estimator's own tracking, so the estimate
 * always matches what the screens show, even after a merge reordered events.
 *
 *   const estimator = new WaitEstimator({ timeZone, serviceSec: { advice: 240, ... } });
 *   for (const e of portableLog(history)) estimator.observe(e);
 *   // on each new event: const p = portableFromStoreEvent(e); if (p) estimator.observe(p);
 *   estimateForQueueState(estimator, state, 'advice', Date.now());                 // new ticket
 *   estimateForQueueState(estimator, state, 'advice', Date.now(), { ticket: id }); // waiting one
 */

/**
 * The line of a QueueState: waiting tickets in place order (the order of `waitingTickets`),
 * counters with the ticket each is busy with.
 */
export function lineFromQueueState(state: QueueState): QueueLine {
  // every applied event bumps `applied`: the line of a state seen before is reused (a screen
  // asks for several services' waits per change; sorting the day's tickets each time was
  // the kiosk's costliest work per tap)
  const seen = lines.get(state);
  if (seen && seen.applied === state.applied) return seen.line;
  const line = buildLine(state);
  lines.set(state, { applied: state.applied, line });
  return line;
}

type QueueLine = LineSnapshot & { readonly places: ReadonlyMap<string, number> };
const lines = new WeakMap<QueueState, { applied: number; line: QueueLine }>();

function buildLine(state: QueueState): QueueLine {
  // Places: waiting and called tickets in one order, since a transfer keeps a ticket's place.
  const active = [...state.tickets.values()]
    .filter((t) => t.status === 'waiting' || t.status === 'called' || t.status === 'serving')
    .sort(compareInLine);
  const places = new Map<string, number>();
  const waiting: WaitingEntry[] = [];
  const busyAt = new Map<string, Ticket>();
  let next = 0;
  for (const t of active) {
    // a customer handed over to a counter is called first there: counted ahead of everyone
    // in the service's line (for the others never rosier; at other counters pessimistic)
    const handover = t.status === 'waiting' && heldFor(state, t) ? t.handover : undefined;
    const key = handover
      ? handoverPlace(handover.at)
      : t.priority
        ? priorityPlace(t.issuedAt)
        : t.slotAt !== undefined
          ? appointmentPlace(t.slotAt)
          : next++;
    places.set(t.id, key);
    if (t.status === 'waiting')
      waiting.push({
        ticket: t.id,
        service: t.service,
        key,
        since: t.issuedAt,
        ...(t.awaitingCheckIn ? { awaitingCheckIn: true as const } : {}),
        ...(t.slotAt !== undefined ? { slotAt: t.slotAt } : {}),
      });
    else if (t.counter !== undefined) busyAt.set(t.counter, t);
  }
  const counters: CounterEntry[] = [...state.counters.values()].map((c) => {
    const t = busyAt.get(c.id);
    return {
      id: c.id,
      open: c.open,
      services: c.services,
      ...(t
        ? {
            busy: {
              ticket: t.id,
              service: t.service,
              key: places.get(t.id) ?? -1,
              calledAt: t.calledAt ?? t.issuedAt,
              started: t.status === 'serving',
            },
          }
        : {}),
    };
  });
  // the day's booked times whose customer has not checked in: they go ahead of walk-ins
  const booked: BookedSlot[] = [];
  for (const a of state.appointments.values()) {
    if (a.status === 'booked') booked.push({ appointment: a.id, service: a.service, slotAt: a.at });
  }
  return { waiting, counters, places, ...(booked.length > 0 ? { booked } : {}) };
}

/**
 * Estimate for a ticket issued now for `service` (no `ticket`), or the remaining wait of a
 * waiting ticket. Returns undefined if `ticket` is given but not waiting.
 */
/** Which wait: of a waiting ticket, or of a ticket issued now (with or without priority). */
export interface WhichTicket {
  readonly ticket?: string;
  readonly priority?: boolean;
}

export function estimateForQueueState(
  estimator: WaitEstimator,
  state: QueueState,
  service: string,
  now: number,
  { ticket, priority = false }: WhichTicket = {},
): WaitEstimate | undefined {
  const line = lineFromQueueState(state);
  if (ticket === undefined) {
    return estimator.estimateInLine(line, service, priority ? priorityPlace(now) : Infinity, now);
  }
  const key = line.places.get(ticket);
  const t = state.tickets.get(ticket);
  if (key === undefined || !t || t.status !== 'waiting') return undefined;
  return estimator.estimateInLine(line, t.service, key, now, t.slotAt);
}

/** The line model's place of a waiting ticket (ahead.ts), or undefined if it is not waiting. */
export function placeOfTicket(state: QueueState, ticket: string): LinePlace | undefined {
  const t = state.tickets.get(ticket);
  const line = lineFromQueueState(state);
  const key = line.places.get(ticket);
  if (!t || t.status !== 'waiting' || key === undefined) return undefined;
  return placeInLine(line, t.service, key);
}

/** The longest wait so far of a customer in `service`'s line, whole seconds (0: nobody). */
export function longestWaitSec(line: LineSnapshot, service: string, now: number): number {
  let since = Infinity;
  for (const w of line.waiting) if (w.service === service && w.since < since) since = w.since;
  return since === Infinity ? 0 : Math.max(0, Math.round((now - since) / 1000));
}

interface QueueWaitLine {
  /** People the counters that can serve the ticket call before it (ahead.ts). */
  readonly ahead: number;
  /** Waiting tickets of the same service ahead (for a new ticket: all who wait for it). */
  readonly sameServiceAhead: number;
  /** Open counters serving the service. */
  readonly openCounters: number;
  /** The longest wait so far of a customer in the service's line, seconds (0: nobody waits). */
  readonly longestWaitSec: number;
}

/** A counter serves the service: the wait in whole seconds, with its 80% range. */
export interface OpenQueueWait extends QueueWaitLine {
  readonly noCounter: false;
  readonly estimateSec: number;
  readonly lowSec: number;
  readonly highSec: number;
}

/**
 * No open counter serves the service: there is no wait to promise, only that fact. Every
 * screen says "No counter is open for this right now" and never a number.
 */
export interface NoCounterWait extends QueueWaitLine {
  readonly noCounter: true;
  readonly openCounters: 0;
  /**
   * When a counter for the service is expected to open. The store has no opening hours yet,
   * so this is always undefined; once it has, this is where the time goes, and the screens
   * add "It opens at {time}" to the sentence.
   */
  readonly opensAt: number | undefined;
}

/** A wait as the screens show it. */
export type QueueWait = OpenQueueWait | NoCounterWait;

/**
 * The wait of a ticket issued now for `service` (or, with `ticket`, the remaining wait of that
 * waiting ticket), in the shape the screens show: no number when no counter serves it.
 */
export function estimateWaitWith(
  estimator: WaitEstimator,
  state: QueueState,
  service: string,
  now: number,
  which: WhichTicket = {},
): QueueWait {
  return shownWait(rawWait(estimator, state, service, now, which), state, service, now);
}

function rawWait(
  estimator: WaitEstimator,
  state: QueueState,
  service: string,
  now: number,
  which: WhichTicket,
): WaitEstimate {
  // A ticket no longer waiting: answer as for a new one (the screen moves on anyway).
  const w =
    estimateForQueueState(estimator, state, service, now, which) ??
    estimateForQueueState(estimator, state, service, now, { priority: which.priority ?? false });
  if (!w) throw new Error('unreachable: a new ticket always has an estimate');
  return w;
}

function shownWait(w: WaitEstimate, state: QueueState, service: string, now: number): QueueWait {
  const line = {
    ahead: w.ahead,
    sameServiceAhead: w.sameServiceAhead,
    longestWaitSec: longestWaitSec(lineFromQueueState(state), service, now),
  };
  if (w.noCounter) return { ...line, noCounter: true, openCounters: 0, opensAt: undefined };
  return { ...line, noCounter: false, openCounters: w.openCounters, ...wholeSeconds(w) };
}

/**
 * Whole seconds. The calibrated 80% range need not hold the mean (a skewed wait); shown
 * together, "about 8 min (6-11)", it must.
 */
function wholeSeconds(w: WaitEstimate): { estimateSec: number; lowSec: number; highSec: number } {
  const estimateSec = Math.round(w.meanSec);
  return {
    estimateSec,
    lowSec: Math.min(estimateSec, Math.max(0, Math.floor(w.lowSec))),
    highSec: Math.max(estimateSec, Math.ceil(w.highSec)),
  };
}

/**
 * The retained `nextup/v1/{store}/wait/{service}` payload (DESIGN §4) for a new ticket: the
 * contract's fields, then the additions (README "Contract extensions"). With `noCounter`, the
 * estimate is the wait once a counter opens, not from now: readers must say "no counter open".
 */
export interface PublishedWait {
  readonly service: string;
  readonly waiting: number;
  readonly estimateSec: number;
  readonly lowSec: number;
  readonly highSec: number;
  readonly openCounters: number;
  readonly updatedAt: string;
  readonly noCounter: boolean;
  readonly longestWaitSec: number;
  /**
   * Phone tickets of the service waiting for their customer's check-in: in `waiting`, but not
   * called until they come (issue 19). Absent from hubs that predate it.
   */
  readonly remoteWaiting?: number;
  /**
   * The next booked time of the service today whose customer has not checked in yet, ISO 8601;
   * absent when there is none (booked customers go ahead of walk-ins at their time).
   */
  readonly nextSlot?: string;
}

/** The service's phone tickets awaiting check-in, and its next booked time from `now`. */
export function channelFigures(
  state: QueueState,
  service: string,
  now: number,
): { remoteWaiting: number; nextSlot?: string } {
  let remoteWaiting = 0;
  for (const t of state.tickets.values())
    if (t.service === service && t.status === 'waiting' && t.awaitingCheckIn) remoteWaiting++;
  let next = Infinity;
  for (const a of state.appointments.values())
    if (a.service === service && a.status === 'booked' && a.at >= now && a.at < next) next = a.at;
  return { remoteWaiting, ...(next < Infinity ? { nextSlot: new Date(next).toISOString() } : {}) };
}

export function publishedWait(
  estimator: WaitEstimator,
  state: QueueState,
  service: string,
  now: number,
): PublishedWait {
  const raw = rawWait(estimator, state, service, now, {});
  return {
    service,
    waiting: raw.sameServiceAhead,
    ...wholeSeconds(raw),
    openCounters: raw.openCounters,
    updatedAt: new Date(now).toISOString(),
    noCounter: raw.noCounter,
    longestWaitSec: longestWaitSec(lineFromQueueState(state), service, now),
    ...channelFigures(state, service, now),
  };
}
