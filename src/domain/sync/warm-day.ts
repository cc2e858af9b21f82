import type { StoreEvent } from '../queue/events.ts';
import type { QueueState } from '../queue/state.ts';
import type { TicketIndex } from './admission.ts';

/**
 * Today's folded state as a device keeps it between starts. A start that finds its log still
 * holding exactly the events the state was folded from shows the state at once, and reads the
 * day's events after its first screen: at 5,000 tickets, reading and folding 15,000 events
 * was about a fifth of a cheap tablet's start at 4x CPU throttling.
 *
 * "Exactly the same events" is a count of the events a start reads (those at or after `since`),
 * made by storage in the transaction that writes the record and again at the next start. The
 * same count means the same events because of what can happen to a log on one store day:
 * - events in the kept days are only added, never removed (compaction removes older ones);
 * - what the state was folded from was on disk first (a replica commits, then applies), so
 *   when the disk holds as many, it holds those;
 * - the folded state depends on no event before `since` but the agent's verdicts, and a state
 *   is not kept while the log holds a verdict from before `since`.
 */
export interface WarmDay {
  readonly version: typeof WARM_DAY_VERSION;
  /** The store day the state is of (queue/day.ts dayKey). */
  readonly day: string;
  /** The start of the kept days (LogCore.since), a clock value. */
  readonly since: string;
  /** Events at or after `since` the state was folded from. */
  readonly inWindow: number;
  readonly state: QueueState;
  readonly tickets: TicketIndex;
  /** The last event folded in, which later events are ordered against. */
  readonly last?: StoreEvent;
  /** The replica's hybrid clock and own sequence number then, as a start would rebuild them. */
  readonly hlc: string;
  readonly seq: number;
}

/** Changes whenever the shape of QueueState, TicketIndex or this record changes. */
export const WARM_DAY_VERSION = 1;

/** Events at or after `since`, and whether a verdict from before it is among `events`. */
export function tallyWindow(
  events: Iterable<StoreEvent>,
  since: string,
): { inWindow: number; verdictBefore: boolean } {
  let inWindow = 0;
  let verdictBefore = false;
  for (const e of events) {
    if (e.hlc >= since) inWindow++;
    else if (e.type === 'event.refused') verdictBefore = true;
  }
  return { inWindow, verdictBefore };
}

/**
 * A kept record that is a warm day of `day`, kept from `since`, whose storage still holds
 * `inWindow` events from then on; anything else is not.
 */
export function matchingWarmDay(
  kept: unknown,
  at: { readonly day: string; readonly since: string; readonly inWindow: number },
): WarmDay | undefined {
  if (typeof kept !== 'object' || kept === null) return undefined;
  const w = kept as Partial<WarmDay>;
  const fits =
    w.version === WARM_DAY_VERSION &&
    w.day === at.day &&
    w.since === at.since &&
    w.inWindow === at.inWindow &&
    typeof w.hlc === 'string' &&
    typeof w.seq === 'number' &&
    w.state?.tickets instanceof Map &&
    w.tickets?.byId instanceof Map;
  return fits ? (w as WarmDay) : undefined;
}
