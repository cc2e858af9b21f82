import type { StoreConfig } from '../config/types.ts';
import type { QueueState } from '../queue/state.ts';
import { FINAL_STEPS, type VisitStep } from '../visit/types.ts';
import { percent } from './metrics.ts';

/**
 * The manager's live board, from the device's own replica (so it works offline): per service
 * how many wait, the longest current wait and today's figures; per counter who serves whom.
 * Same definitions as the history reports (domain/reports/query.ts).
 */
export interface LiveServiceStats {
  readonly service: string;
  readonly waiting: number;
  /** Longest wait of a customer still in line, seconds (0 when nobody waits). */
  readonly longestWaitSec: number;
  readonly served: number;
  readonly noShows: number;
  /** Left before being called. */
  readonly left: number;
  /** Called within target / (called + waiting or gone after the target), in %; null if none. */
  readonly serviceLevel: number | null;
  readonly openCounters: number;
}

/** Today's figures per configured service; `dayStart` is the first moment of the store day. */
export function liveServiceStats(
  state: QueueState,
  config: StoreConfig,
  now: number,
  dayStart: number,
): LiveServiceStats[] {
  return config.services.map((s) => {
    let waiting = 0;
    let longest = 0;
    let served = 0;
    let noShows = 0;
    let left = 0;
    let hits = 0;
    let base = 0;
    const target = s.targetWaitSec * 1000;
    for (const t of state.tickets.values()) {
      if (t.service !== s.id || t.issuedAt < dayStart) continue;
      if (t.status === 'waiting') {
        waiting++;
        longest = Math.max(longest, now - t.issuedAt);
        if (now - t.issuedAt > target) base++;
        continue;
      }
      if (t.status === 'done') served++;
      else if (t.status === 'noShow') noShows++;
      if (t.calledAt !== undefined) {
        base++;
        if (t.calledAt - t.issuedAt <= target) hits++;
      } else if (t.status === 'cancelled') {
        // closed at closing or dropped for no check-in: the store ended it, nobody left
        if (!t.cancelReason) left++;
        if ((t.endedAt ?? now) - t.issuedAt > target) base++;
      }
    }
    let openCounters = 0;
    for (const c of state.counters.values())
      if (c.open && c.services.includes(s.id)) openCounters++;
    return {
      service: s.id,
      waiting,
      longestWaitSec: Math.max(0, Math.round(longest / 1000)),
      served,
      noShows,
      left,
      serviceLevel: percent(hits, base),
      openCounters,
    };
  });
}

export interface LiveCounter {
  readonly counter: string;
  readonly open: boolean;
  /** Who works there: the staff signed in on the counter's device, else the device id. */
  readonly staff: string;
  readonly since: number;
  /** The customer at the counter, with how long since the call. */
  readonly ticket?: { readonly number: string; readonly service: string; readonly sinceMs: number };
  /** The visit the clerk is in, with its current step and how long it runs. */
  readonly visit?: {
    readonly step: VisitStep;
    readonly sinceMs: number;
    readonly startedMs: number;
  };
}

/** Every counter in the configuration (and any other that opened), open ones first. */
export function liveCounters(state: QueueState, config: StoreConfig, now: number): LiveCounter[] {
  const ids = [...new Set([...config.counters.map((c) => c.id), ...state.counters.keys()])];
  const rows = ids.map((id): LiveCounter => {
    const c = state.counters.get(id);
    const device = c?.device ?? '';
    let ticket: LiveCounter['ticket'];
    for (const t of state.tickets.values()) {
      if ((t.status === 'called' || t.status === 'serving') && t.counter === id) {
        ticket = { number: t.number, service: t.service, sinceMs: now - (t.calledAt ?? now) };
      }
    }
    let visit: LiveCounter['visit'];
    for (const v of state.visits.values()) {
      if (FINAL_STEPS.includes(v.step) || (v.counter !== id && v.device !== device)) continue;
      const last = v.steps[v.steps.length - 1]!;
      const first = v.steps[0]!;
      visit = { step: v.step, sinceMs: now - last.at, startedMs: now - first.at };
    }
    return {
      counter: id,
      open: c?.open ?? false,
      staff: device ? (state.staffOn.get(device) ?? device) : '',
      since: c?.since ?? 0,
      ...(ticket ? { ticket } : {}),
      ...(visit ? { visit } : {}),
    };
  });
  return rows.sort((a, b) => Number(b.open) - Number(a.open));
}
