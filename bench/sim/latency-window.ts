import type { StoreEvent } from '../../src/domain/queue/events.ts';

/**
 * The measured window of a capacity step: an event committed while it is open is tracked
 * until every other device of its store has applied it, each application one latency sample
 * (commit to applied). Events committed before it opens or after it closes are not samples;
 * deliveries of tracked events still count after it closes (drain), and any still missing when
 * the drain ends count as samples of their age then (a lower bound), so a slow or lost tail
 * raises the p99 instead of vanishing from it.
 */
export class LatencyWindow {
  readonly samples: number[] = [];
  /** Tickets issued (kiosk commits) while open: the achieved issue rate. */
  issued = 0;
  /** Deliveries still missing when the drain ended. */
  undelivered = 0;
  private open = false;
  private openedAt = 0;
  private closedAt = 0;
  private readonly tracked = new Map<string, { at: number; left: number }>();

  start(): void {
    this.open = true;
    this.openedAt = performance.now();
  }

  get seconds(): number {
    return ((this.open ? performance.now() : this.closedAt) - this.openedAt) / 1000;
  }

  /** An event committed at `at` (performance.now()) that `recipients` other devices apply. */
  track(event: StoreEvent, at: number, recipients: number): void {
    if (!this.open || at < this.openedAt) return;
    if (event.type === 'ticket.issued') this.issued++;
    this.tracked.set(event.id, { at, left: recipients });
  }

  /** A device applied these peers' events. */
  applied(events: readonly StoreEvent[]): void {
    const now = performance.now();
    for (const e of events) {
      const t = this.tracked.get(e.id);
      if (!t) continue;
      this.samples.push(now - t.at);
      if (--t.left <= 0) this.tracked.delete(e.id);
    }
  }

  /** Stops tracking new events, waits up to `drainMs` for the tracked ones to arrive. */
  async close(drainMs: number): Promise<void> {
    this.open = false;
    this.closedAt = performance.now();
    const until = this.closedAt + drainMs;
    while (this.tracked.size > 0 && performance.now() < until) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const now = performance.now();
    for (const t of this.tracked.values()) {
      for (let i = 0; i < t.left; i++) this.samples.push(now - t.at);
      this.undelivered += t.left;
    }
    this.tracked.clear();
  }
}
