/**
 * Online calibration of the 80% range from past prediction errors (split-conformal style,
 * Romano et al. 2019, with a rolling window). The model gives its own 10% and 90% quantiles;
 * for each past customer who was called we keep how far the actual wait fell outside them,
 * in units of the predicted spread, and widen (or narrow) new ranges by the 90% quantile of
 * those scores, separately below and above. Predictions of an immediate call (a free counter)
 * form their own stratum: there the range is [0, 80% quantile of what such customers waited].
 */

export interface RawInterval {
  /** Model's mean, 10% and 90% quantiles, ms. */
  readonly mean: number;
  readonly q10: number;
  readonly q90: number;
  /** The model expects an immediate call. */
  readonly immediate: boolean;
}

export interface CalibratedInterval {
  readonly low: number;
  readonly high: number;
}

class Window {
  private readonly values: Float64Array;
  private count = 0;
  private pos = 0;
  private dirty = true;
  private sorted = new Float64Array(0);
  constructor(readonly size: number) {
    this.values = new Float64Array(size);
  }
  add(x: number): void {
    this.values[this.pos] = x;
    this.pos = (this.pos + 1) % this.size;
    if (this.count < this.size) this.count++;
    this.dirty = true;
  }
  get length(): number {
    return this.count;
  }
  /** Empirical quantile (the ceil(p(n+1))-th smallest, as in split conformal). */
  quantile(p: number): number {
    if (this.dirty) {
      this.sorted = Float64Array.from(this.values.subarray(0, this.count)).sort();
      this.dirty = false;
    }
    const n = this.sorted.length;
    const k = Math.min(n, Math.max(1, Math.ceil(p * (n + 1))));
    return this.sorted[k - 1]!;
  }
}

export interface CalibrationOptions {
  /** Scores kept per stratum. */
  readonly window?: number;
  /** Scores needed before the correction applies. */
  readonly minScores?: number;
  /** Central coverage wanted, default 0.8. */
  readonly level?: number;
  /** Smallest spread used to scale errors, ms. */
  readonly minSpreadMs?: number;
}

export class IntervalCalibrator {
  private readonly below: Window;
  private readonly above: Window;
  private readonly immediate: Window;
  private readonly minScores: number;
  private readonly tail: number;
  private readonly minSpread: number;
  private cacheValid = false;
  private qBelow = 0;
  private qAbove = 0;
  private qImmediate = 0;
  private sinceRefresh = 0;

  constructor(options: CalibrationOptions = {}) {
    const window = options.window ?? 1000;
    this.below = new Window(window);
    this.above = new Window(window);
    this.immediate = new Window(window);
    this.minScores = options.minScores ?? 50;
    this.tail = (1 - (options.level ?? 0.8)) / 2;
    this.minSpread = options.minSpreadMs ?? 5000;
  }

  private spread(raw: RawInterval): number {
    return Math.max(raw.q90 - raw.q10, this.minSpread);
  }

  /** Learns from one customer's outcome: its raw prediction at issue and its actual wait. */
  record(raw: RawInterval, actualMs: number): void {
    if (raw.immediate) {
      this.immediate.add(actualMs);
    } else {
      const w = this.spread(raw);
      this.below.add((raw.q10 - actualMs) / w);
      this.above.add((actualMs - raw.q90) / w);
    }
    if (++this.sinceRefresh >= 25) this.cacheValid = false;
  }

  private refresh(): void {
    if (this.cacheValid) return;
    const p = 1 - this.tail;
    this.qBelow = this.below.length >= this.minScores ? this.below.quantile(p) : 0;
    this.qAbove = this.above.length >= this.minScores ? this.above.quantile(p) : 0;
    this.qImmediate =
      this.immediate.length >= this.minScores ? this.immediate.quantile(1 - 2 * this.tail) : 0;
    this.cacheValid = true;
    this.sinceRefresh = 0;
  }

  adjust(raw: RawInterval): CalibratedInterval {
    this.refresh();
    if (raw.immediate) return { low: 0, high: Math.max(raw.q90, this.qImmediate) };
    const w = this.spread(raw);
    const low = Math.max(0, raw.q10 - this.qBelow * w);
    const high = Math.max(low, raw.q90 + this.qAbove * w);
    return { low, high };
  }
}
