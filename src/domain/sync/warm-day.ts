import { compareEvents, type StoreEvent } from '../queue/events.ts';
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
 *
 * A start after a change that came too soon to be kept still uses it: when the stored events
 * from `since` up to `upTo` (the latest clock value folded) are as many as the state was folded
 * from, they are those events, by the same argument, and every other event of the window is
 * later than all of them. The start reads just those (`newer`) and folds them on in order, as
 * the fold would; a verdict among them may undo what was folded, and the start folds instead.
 */
export interface WarmDay {
  readonly version: typeof WARM_DAY_VERSION;
  /** The store day the state is of (queue/day.ts dayKey). */
  readonly day: string;
  /** The start of the kept days (LogCore.since), a clock value. */
  readonly since: string;
  /** Events at or after `since` the state was folded from. */
  readonly inWindow: number;
  /** The latest clock value among them (`since` when there were none). */
  readonly upTo: string;
  readonly state: QueueState;
  readonly tickets: TicketIndex;
  /** The last event folded in, which later events are ordered against. */
  readonly last?: StoreEvent;
  /** The replica's hybrid clock and own sequence number then, as a start would rebuild them. */
  readonly hlc: string;
  readonly seq: number;
}

/** Changes whenever the shape of QueueState, TicketIndex or this record changes. */
export const WARM_DAY_VERSION = 2;

/**
 * Events at or after `since`, the latest clock value among them (`since` if none), and whether
 * a verdict from before `since` is among `events`.
 */
export function tallyWindow(
  events: Iterable<StoreEvent>,
  since: string,
): { inWindow: number; upTo: string; verdictBefore: boolean } {
  let inWindow = 0;
  let upTo = since;
  let verdictBefore = false;
  for (const e of events) {
    if (e.hlc >= since) {
      inWindow++;
      if (e.hlc > upTo) upTo = e.hlc;
    } else if (e.type === 'event.refused') verdictBefore = true;
  }
  return { inWindow, upTo, verdictBefore };
}

/**
 * What a start reads of a kept day, from its mark (the record's `since`, `inWindow`, `upTo`)
 * and how many stored events are at or after `since`: the record ('whole'); the record and the
 * events after `upTo`, once storage has counted `inWindow` events up to it ('upTo'); or nothing.
 */
export type KeptDayRead =
  | { readonly kind: 'whole' }
  | { readonly kind: 'upTo'; readonly upTo: string; readonly inWindow: number }
  | { readonly kind: 'none' };

export function keptDayRead(
  mark: Partial<Pick<WarmDay, 'since' | 'inWindow' | 'upTo'>> | undefined,
  since: string,
  stored: number,
): KeptDayRead {
  const { inWindow, upTo } = mark ?? {};
  if (mark?.since !== since || typeof inWindow !== 'number') return { kind: 'none' };
  if (inWindow === stored) return { kind: 'whole' };
  const later = typeof upTo === 'string' && upTo >= since && inWindow < stored;
  return later ? { kind: 'upTo', upTo, inWindow } : { kind: 'none' };
}

/**
 * A start's read of events held in memory, as storage makes it (src/data/idb-log.ts
 * readStart): for MemoryStorage and the property test.
 */
export function readKeptDay(
  events: Iterable<StoreEvent>,
  kept: WarmDay | undefined,
  since: string,
): { warm: WarmDay | undefined; inWindow: number; newer?: StoreEvent[] } {
  const window = [...events].filter((e) => e.hlc >= since);
  const read = keptDayRead(kept, since, window.length);
  if (read.kind === 'whole') return { warm: kept, inWindow: window.length };
  if (read.kind === 'upTo') {
    const upToIt = window.filter((e) => e.hlc <= read.upTo).length;
    if (upToIt === read.inWindow) {
      return { warm: kept, inWindow: upToIt, newer: window.filter((e) => e.hlc > read.upTo) };
    }
  }
  return { warm: undefined, inWindow: window.length };
}

/**
 * The events stored after a kept day, to fold on from it: all later than what it was folded
 * from, and no verdict among them (one may refuse what was folded). Undefined: fold instead.
 */
export function foldableAfter(
  warm: WarmDay,
  newer: readonly StoreEvent[],
): StoreEvent[] | undefined {
  if (newer.some((e) => e.hlc <= warm.upTo || e.type === 'event.refused')) return undefined;
  return [...newer].sort(compareEvents);
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
    typeof w.upTo === 'string' &&
    typeof w.hlc === 'string' &&
    typeof w.seq === 'number' &&
    w.state?.tickets instanceof Map &&
    w.tickets?.byId instanceof Map;
  return fits ? (w as WarmDay) : undefined;
}
