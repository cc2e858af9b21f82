/**
 * The arithmetic of the reports, kept apart so each definition is stated (and tested) once.
 */

/**
 * The p-th percentile by the nearest-rank method: the smallest value such that at least p% of
 * the values are at or below it, i.e. sorted[ceil(p/100 * n) - 1]. Always one of the values
 * (no interpolation), so "90% of customers waited at most this long" is literally true.
 * Undefined for no values. `sorted` must be ascending.
 */
export function nearestRank(sorted: ArrayLike<number>, p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export function mean(values: ArrayLike<number>): number | undefined {
  if (values.length === 0) return undefined;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}

/** Rounded to whole seconds (or undefined), the way reports show durations. */
export function roundOrNull(v: number | undefined): number | null {
  return v === undefined ? null : Math.round(v);
}

/** A share as a percentage with one decimal, or null when there is nothing to divide. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((1000 * part) / whole) / 10;
}

export interface NpsCounts {
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
}

/** Net Promoter Score: promoters (9-10) minus detractors (0-6), in percent of all answers. */
export function npsScore(c: NpsCounts): number | null {
  const n = c.promoters + c.passives + c.detractors;
  return n === 0 ? null : Math.round((100 * (c.promoters - c.detractors)) / n);
}

export function npsBucket(score: number): keyof NpsCounts {
  if (score >= 9) return 'promoters';
  if (score >= 7) return 'passives';
  return 'detractors';
}

/** Above this many values a tally counts instead of sorting (if its values allow). */
const COUNTING_MIN = 2048;
const COUNTING_MAX_VALUE = 1 << 20;

/**
 * A multiset of numbers (seconds): values are appended, and ordered once when a percentile is
 * asked for: a large tally of whole non-negative numbers (every wait and service time) by
 * counting each value, a small one by sorting a typed array. Either way the percentiles are
 * exactly those of `nearestRank` over the same values.
 */
export class Tally {
  private values: number[] = [];
  private order: { sorted: Float64Array } | { counts: Int32Array } | undefined;
  private countable = true;
  n = 0;
  sum = 0;
  private top: number | undefined;

  add(v: number): void {
    this.values.push(v);
    this.order = undefined;
    this.n++;
    this.sum += v;
    if (this.top === undefined || v > this.top) this.top = v;
    if (this.countable && !(Number.isInteger(v) && v >= 0)) this.countable = false;
  }

  mean(): number | undefined {
    return this.n === 0 ? undefined : this.sum / this.n;
  }

  max(): number | undefined {
    return this.top;
  }

  /** The nearest-rank percentile (see nearestRank). */
  percentile(p: number): number | undefined {
    if (this.n === 0 || this.top === undefined) return undefined;
    const { values } = this;
    if (!this.order) {
      if (this.countable && values.length >= COUNTING_MIN && this.top < COUNTING_MAX_VALUE) {
        const counts = new Int32Array(this.top + 1);
        for (let i = 0; i < values.length; i++) counts[values[i]!]!++;
        this.order = { counts };
      } else {
        const a = new Float64Array(values.length);
        for (let i = 0; i < a.length; i++) a[i] = values[i]!;
        this.order = { sorted: a.sort() };
      }
    }
    if ('sorted' in this.order) return nearestRank(this.order.sorted, p);
    const rank = Math.max(1, Math.ceil((p / 100) * this.n));
    const { counts } = this.order;
    let seen = 0;
    for (let v = 0; v < counts.length; v++) {
      seen += counts[v]!;
      if (seen >= rank) return v;
    }
    return this.top;
  }
}
