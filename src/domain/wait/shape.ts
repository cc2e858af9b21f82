import type { Rng } from './rng.ts';

/**
 * The shape of a duration distribution, learned from recent observations: a ring buffer of
 * durations divided by the mean that applied when they were seen, kept sorted (rebuilt every
 * few insertions) and rescaled to mean 1. Until enough data arrive it is exponential.
 * Sampling is plain resampling; residual life given an elapsed time resamples from the
 * observations longer than it, so memoryless and long-tailed services both come out right.
 */
export class DurationShape {
  private readonly ring: Float64Array;
  private count = 0;
  private pos = 0;
  private sorted: Float64Array = new Float64Array(0);
  private dirty = 0;

  constructor(
    readonly capacity = 2000,
    readonly minSamples = 30,
  ) {
    this.ring = new Float64Array(capacity);
  }

  add(normalized: number): void {
    if (!(normalized >= 0) || !Number.isFinite(normalized)) return;
    this.ring[this.pos] = normalized;
    this.pos = (this.pos + 1) % this.capacity;
    if (this.count < this.capacity) this.count++;
    this.dirty++;
  }

  get size(): number {
    return this.count;
  }

  private get empirical(): boolean {
    return this.count >= this.minSamples;
  }

  /** Rebuilds the sorted view if enough has changed since the last time. */
  refresh(): void {
    const every = this.count < 200 ? 5 : 50;
    if (this.dirty === 0 || (this.dirty < every && this.sorted.length > 0)) return;
    const s = Float64Array.from(this.ring.subarray(0, this.count)).sort();
    let sum = 0;
    for (let i = 0; i < s.length; i++) sum += s[i]!;
    const mean = sum / s.length;
    if (mean > 0) for (let i = 0; i < s.length; i++) s[i] = s[i]! / mean;
    this.sorted = s;
    this.dirty = 0;
  }

  /** A draw with mean 1. */
  sample(rng: Rng): number {
    if (!this.empirical || this.sorted.length === 0) return rng.exp(1);
    return this.sorted[rng.int(this.sorted.length)]!;
  }

  /** Index of the first observation above a (normalized) elapsed time. */
  private firstAbove(a: number): number {
    const s = this.sorted;
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (s[mid]! <= a) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** P(duration > a), a normalized. */
  survival(a: number): number {
    if (a <= 0) return 1;
    if (!this.empirical || this.sorted.length === 0) return Math.exp(-a);
    const n = this.sorted.length;
    // Half an observation beyond the largest, so the tail is never exactly zero.
    return Math.max(n - this.firstAbove(a), 0.5) / (n + 0.5);
  }

  /**
   * Where residual draws for an elapsed (normalized) time start: pass the result to
   * `residualFrom`, so that many draws for the same elapsed time need one search.
   */
  residualStart(a: number): number {
    if (!this.empirical || this.sorted.length === 0 || a <= 0) return 0;
    return this.firstAbove(a);
  }

  /** Remaining duration given that a (normalized) has already passed; `start` from residualStart(a). */
  residualFrom(rng: Rng, start: number, a: number): number {
    if (!this.empirical || this.sorted.length === 0) return rng.exp(1);
    if (a <= 0) return this.sample(rng);
    const s = this.sorted;
    if (start >= s.length) return rng.exp(1 / Math.max(0.25, 0.25 * a));
    return s[start + rng.int(s.length - start)]! - a;
  }

  /** Remaining duration given that a (normalized) has already passed. */
  sampleResidual(rng: Rng, a: number): number {
    return this.residualFrom(rng, this.residualStart(a), a);
  }
}
