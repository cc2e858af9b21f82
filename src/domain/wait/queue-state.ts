import type { QueueState, Ticket } from '../queue/state.ts';
import type { WaitEstimate, WaitEstimator } from './estimator.ts';
import { priorityPlace, type CounterEntry, type LineSnapshot, type WaitingEntry } from './line.ts';

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

/** The order of `waitingTickets`: priority tickets first, then by place (hlc of issue). */
function byPlace(a: Ticket, b: Ticket): number {
  if (Boolean(a.priority) !== Boolean(b.priority)) return a.priority ? -1 : 1;
  if (a.queuedHlc !== b.queuedHlc) return a.queuedHlc < b.queuedHlc ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

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
    .sort(byPlace);
  const places = new Map<string, number>();
  const waiting: WaitingEntry[] = [];
  const busyAt = new Map<string, Ticket>();
  let next = 0;
  for (const t of active) {
    const key = t.priority ? priorityPlace(t.issuedAt) : next++;
    places.set(t.id, key);
    if (t.status === 'waiting')
      waiting.push({ ticket: t.id, service: t.service, key, since: t.issuedAt });
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
  return { waiting, counters, places };
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
  return estimator.estimateInLine(line, t.service, key, now);
}

/** A wait as the screens show it: whole seconds, an 80% range, and the line behind it. */
export interface QueueWait {
  readonly estimateSec: number;
  readonly lowSec: number;
  readonly highSec: number;
  /** Waiting tickets of the same service ahead. */
  readonly ahead: number;
  /** Open counters serving the service. */
  readonly openCounters: number;
  /** No open counter serves the service: the estimate assumes one opens now. */
  readonly noCounter: boolean;
}

/**
 * The wait of a ticket issued now for `service` (or, with `ticket`, the remaining wait of that
 * waiting ticket), in the shape the screens show (the kiosk's first version's shape).
 */
export function estimateWaitWith(
  estimator: WaitEstimator,
  state: QueueState,
  service: string,
  now: number,
  which: WhichTicket = {},
): QueueWait {
  // A ticket no longer waiting: answer as for a new one (the screen moves on anyway).
  const w =
    estimateForQueueState(estimator, state, service, now, which) ??
    estimateForQueueState(estimator, state, service, now, { priority: which.priority ?? false });
  if (!w) throw new Error('unreachable: a new ticket always has an estimate');
  // The calibrated 80% range need not hold the mean (a skewed wait); shown together, "about
  // 8 min (6-11)", it must.
  const estimateSec = Math.round(w.meanSec);
  return {
    estimateSec,
    lowSec: Math.min(estimateSec, Math.max(0, Math.floor(w.lowSec))),
    highSec: Math.max(estimateSec, Math.ceil(w.highSec)),
    ahead: w.ahead,
    openCounters: w.openCounters,
    noCounter: w.noCounter,
  };
}

/** The retained `nextup/v1/{store}/wait/{service}` payload (DESIGN §4) for a new ticket. */
export interface PublishedWait {
  readonly service: string;
  readonly waiting: number;
  readonly estimateSec: number;
  readonly lowSec: number;
  readonly highSec: number;
  readonly openCounters: number;
  readonly updatedAt: string;
}

export function publishedWait(
  estimator: WaitEstimator,
  state: QueueState,
  service: string,
  now: number,
): PublishedWait {
  const e = estimateWaitWith(estimator, state, service, now);
  return {
    service,
    waiting: e.ahead,
    estimateSec: e.estimateSec,
    lowSec: e.lowSec,
    highSec: e.highSec,
    openCounters: e.openCounters,
    updatedAt: new Date(now).toISOString(),
  };
}
