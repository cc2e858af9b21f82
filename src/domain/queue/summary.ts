import { wallOf } from '../clock/hlc.ts';
import { dayKey } from './day.ts';
import { compareEvents, type StoreEvent } from './events.ts';
import { applyEvent } from './fold.ts';
import { emptyState } from './state.ts';

/** What a device keeps of a closed day once its events are compacted away. */
export interface DaySummary {
  readonly day: string;
  readonly issued: number;
  readonly served: number;
  readonly noShows: number;
  readonly cancelled: number;
  /** Waiting: issue to first call, over customers who were called. */
  readonly meanWaitSec: number;
  readonly maxWaitSec: number;
  readonly perService: Readonly<
    Record<string, { issued: number; served: number; meanWaitSec: number }>
  >;
}

/** Summaries of the store days these events fall on (each day folded on its own). */
export function summarizeDays(events: readonly StoreEvent[], timeZone: string): DaySummary[] {
  const byDay = new Map<string, StoreEvent[]>();
  for (const e of events) {
    const day = dayKey(wallOf(e.hlc), timeZone);
    const list = byDay.get(day) ?? [];
    list.push(e);
    byDay.set(day, list);
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([day, list]) => summarizeDay(day, list));
}

function summarizeDay(day: string, events: StoreEvent[]): DaySummary {
  const state = emptyState();
  for (const e of events.sort(compareEvents)) applyEvent(state, e);
  let served = 0;
  let noShows = 0;
  let cancelled = 0;
  const waits: number[] = [];
  const perService: Record<string, { issued: number; served: number; waits: number[] }> = {};
  for (const t of state.tickets.values()) {
    const s = (perService[t.service] ??= { issued: 0, served: 0, waits: [] });
    s.issued++;
    if (t.status === 'done') {
      served++;
      s.served++;
    } else if (t.status === 'noShow') noShows++;
    else if (t.status === 'cancelled') cancelled++;
    if (t.calledAt !== undefined) {
      const w = (t.calledAt - t.issuedAt) / 1000;
      waits.push(w);
      s.waits.push(w);
    }
  }
  const mean = (xs: number[]): number =>
    xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : 0;
  return {
    day,
    issued: state.tickets.size,
    served,
    noShows,
    cancelled,
    meanWaitSec: mean(waits),
    maxWaitSec: Math.round(Math.max(0, ...waits)),
    perService: Object.fromEntries(
      Object.entries(perService).map(([id, s]) => [
        id,
        { issued: s.issued, served: s.served, meanWaitSec: mean(s.waits) },
      ]),
    ),
  };
}
