import type { Clock } from '../ports.ts';

export { prng } from '../../domain/random/prng.ts';

interface Timer {
  readonly at: number;
  readonly order: number;
  readonly fn: () => void;
  cancelled: boolean;
}

/**
 * Virtual time for the simulation: timers run in time order (ties in creation order), and
 * every promise chain settles before the next timer, so a run depends only on its seed.
 */
export class SimScheduler {
  private time: number;
  private order = 0;
  private readonly timers: Timer[] = [];

  /**
   * `idle` resolves once work outside the event loop's turn is done (real file I/O of an
   * on-disk store): virtual time must not run ahead of a write still on its way to disk.
   */
  constructor(
    start: number,
    private readonly idle?: () => Promise<void>,
  ) {
    this.time = start;
  }

  private async quiet(): Promise<void> {
    await settle();
    if (this.idle) await this.idle();
  }

  get now(): number {
    return this.time;
  }

  after(ms: number, fn: () => void): () => void {
    const t: Timer = { at: this.time + Math.max(0, ms), order: this.order++, fn, cancelled: false };
    // keep sorted: timers are few, insertion from the end is cheap
    let i = this.timers.length;
    while (i > 0) {
      const prev = this.timers[i - 1]!;
      if (prev.at < t.at || (prev.at === t.at && prev.order < t.order)) break;
      i--;
    }
    this.timers.splice(i, 0, t);
    return () => {
      t.cancelled = true;
    };
  }

  /** A clock for one replica, whose wall clock may be off by `skewMs`. */
  clock(skewMs = 0): Clock {
    return { now: () => this.time + skewMs, after: (ms, fn) => this.after(ms, fn) };
  }

  /** Runs timers up to `until`, letting all promise work settle after each. */
  async runUntil(until: number): Promise<void> {
    await this.quiet();
    for (;;) {
      const next = this.timers[0];
      if (!next || next.at > until) break;
      this.timers.shift();
      if (next.cancelled) continue;
      this.time = next.at;
      next.fn();
      await this.quiet();
    }
    this.time = Math.max(this.time, until);
  }
}

/** Lets every pending promise reaction run (a macrotask boundary). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
