import { wallOf } from '../clock/hlc.ts';
import { compareEvents, type StoreEvent } from '../queue/events.ts';
import { refusedIds } from '../queue/fold.ts';
import { portableFromStoreEvent } from '../portable/from-store.ts';
import type { WaitEstimator } from './estimator.ts';

const DAY = 86_400_000;

/**
 * Feeds a WaitEstimator from the replicated log, on a device and in the hub alike: history at
 * start, then every batch a replica applies. Events may come twice (history and live, resends)
 * and in batches out of order: each is observed once, and a queue is observed in the log's
 * order (hlc, device, seq). `drain(max)` lets a caller spread a long history over several
 * turns of the event loop, so a screen or the hub stays responsive while it learns.
 *
 * An event older than what the estimator has already seen (a device that was offline for a
 * while) is still observed: the estimator tolerates it, and the line it estimates for comes
 * from the fold anyway (queue-state.ts).
 */
export class StoreEventFeed {
  private readonly seen = new Map<string, number>();
  private queue: StoreEvent[] = [];
  private sorted = true;
  private observedCount = 0;
  private latest = -Infinity;
  private lastPrune = -Infinity;

  constructor(readonly estimator: WaitEstimator) {}

  /** Queue events (any order, duplicates allowed); observe them with `drain`. */
  push(events: readonly StoreEvent[]): void {
    // the store agent's verdicts: what they refuse teaches nothing, now or when it comes
    const refused = refusedIds(events);
    if (refused.size > 0) {
      const at = events.reduce((m, e) => Math.max(m, wallOf(e.hlc)), -Infinity);
      for (const id of refused) this.seen.set(id, at);
      this.queue = this.queue.filter((e) => !refused.has(e.id));
    }
    for (const e of events) {
      if (this.seen.has(e.id)) continue;
      const at = wallOf(e.hlc);
      this.seen.set(e.id, at);
      const last = this.queue[this.queue.length - 1];
      if (last && compareEvents(last, e) > 0) this.sorted = false;
      this.queue.push(e);
    }
  }

  /** Events queued, not yet observed. */
  get pending(): number {
    return this.queue.length;
  }

  /** Queue events observed so far (visits and alerts do not count: they teach nothing). */
  get observed(): number {
    return this.observedCount;
  }

  /** Observes up to `max` queued events in log order; returns how many are still queued. */
  drain(max = Infinity): number {
    if (!this.sorted) {
      this.queue.sort(compareEvents);
      this.sorted = true;
    }
    const n = Math.min(max, this.queue.length);
    for (let i = 0; i < n; i++) {
      const e = this.queue[i]!;
      const p = portableFromStoreEvent(e);
      if (!p) continue;
      this.estimator.observe(p);
      this.observedCount++;
      if (p.at > this.latest) this.latest = p.at;
    }
    this.queue = n === this.queue.length ? [] : this.queue.slice(n);
    this.prune();
    return this.queue.length;
  }

  /** Ids are remembered for three days: long enough for any resend of a kept day. */
  private prune(): void {
    if (this.latest - this.lastPrune < DAY / 4) return;
    this.lastPrune = this.latest;
    const before = this.latest - 3 * DAY;
    for (const [id, at] of this.seen) if (at < before) this.seen.delete(id);
  }
}
