/**
 * Times the fold of a busy day (5,000 tickets, three events each): the whole day folded at once,
 * as a replica does at start and after events arrive out of order, and the same day applied one
 * event at a time, as a replica applies live events (a new state object per change). Then a
 * start without a kept day both ways, in turn on fresh copies of what storage read: the log
 * built, compacted and folded (the hub's start), and the read folded as it is (a device's
 * first screen: LogCore.foldRead; the log is built after it).
 * Run: node --import tsx bench/fold-day.ts
 */
import { compareEvents, type StoreEvent } from '../src/domain/queue/events.ts';
import * as folding from '../src/domain/queue/fold.ts';
import { emptyState, type QueueState } from '../src/domain/queue/state.ts';
import { LogCore } from '../src/domain/sync/log-core.ts';
import { DEVICE_POLICY } from '../src/domain/sync/protocol/policy.ts';
import { dayOfEvents } from './sim/day-history.ts';

const events = dayOfEvents({ store: 's', tickets: 5_000, startWall: Date.UTC(2026, 0, 5, 8) });
events.sort(compareEvents);

/** One event at a time: a new state per event where the fold offers it, else in place. */
function oneByOne(all: readonly StoreEvent[]): QueueState {
  const persistent = (folding as { applyEvents?: ApplyEvents }).applyEvents;
  let state = emptyState();
  for (const e of all) {
    if (persistent) state = persistent(state, [e]);
    else folding.applyEvent(state, e);
  }
  return state;
}
type ApplyEvents = (s: QueueState, e: Iterable<StoreEvent>) => QueueState;

function time(label: string, run: () => QueueState, rounds = 7): void {
  run(); // warm up
  const ms: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    run();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  console.log(`${label}: median ${ms[rounds >> 1]!.toFixed(1)} ms, min ${ms[0]!.toFixed(1)} ms`);
}

console.log(`${events.length} events, 5,000 tickets`);
time('fold (whole day at once)', () => folding.fold(events));
time('apply one event at a time', () => oneByOne(events), 3);

/** The two starts in turn, each on its own fresh copy of the read (new objects, as IndexedDB's). */
function starts(rounds = 21): void {
  const now = Date.UTC(2026, 0, 5, 20); // the evening of the day folded
  const ms: Record<'log' | 'read', number[]> = { log: [], read: [] };
  for (let i = 0; i < rounds; i++) {
    for (const kind of i % 2 === 0 ? (['log', 'read'] as const) : (['read', 'log'] as const)) {
      const read = structuredClone(events);
      const core = new LogCore('kiosk-1', 's', 'UTC', 2, DEVICE_POLICY);
      const t = performance.now();
      if (kind === 'log') {
        core.load(read, {});
        core.compact(now, []);
        core.refold(now);
      } else core.foldRead(read, {}, new Set(), now);
      if (i > 0) ms[kind].push(performance.now() - t); // the first round warms up
    }
  }
  for (const [kind, list] of Object.entries(ms)) {
    list.sort((a, b) => a - b);
    const label =
      kind === 'log' ? 'start: log built, compacted, folded' : 'start: read folded (foldRead)';
    console.log(
      `${label}: median ${list[list.length >> 1]!.toFixed(1)} ms, min ${list[0]!.toFixed(1)} ms`,
    );
  }
}
starts();
