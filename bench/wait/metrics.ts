import type { ReplayResult } from '../../src/domain/portable/replay.ts';

/**
 * Scores of one estimator on one scenario (customers who were called, after the warm-up; only
 * those `scored` accepts, e.g. the walk-ins of the channels scenario).
 */
export interface Scores {
  readonly n: number;
  /** MSE / (mean wait)^2 over all scored customers (the replay contract's RASE). */
  readonly rase: number;
  /** The same over customers who had to wait (wait > 0): Whitt's RASE, about 1 - rho for QL. */
  readonly raseWaited: number;
  readonly mseSec2: number;
  readonly maeSec: number;
  /** Mean of predicted - actual. */
  readonly biasSec: number;
  /** Share of actual waits inside [low, high]; null if the estimator gives no range. */
  readonly coverage80: number | null;
  /** The same over customers who had to wait. */
  readonly coverage80Waited: number | null;
  /** Mean actual wait, s. */
  readonly meanWaitSec: number;
}

export function score(
  results: readonly ReplayResult[],
  scoreFrom: number,
  scored: (ticket: string) => boolean = () => true,
): Scores {
  let n = 0;
  let nw = 0;
  let abs = 0;
  let sq = 0;
  let sqW = 0;
  let bias = 0;
  let sum = 0;
  let sumW = 0;
  let covered = 0;
  let coveredW = 0;
  let ranged = 0;
  for (const r of results) {
    if (r.issuedAt < scoreFrom || r.actualSec === null || !scored(r.ticket)) continue;
    const y = r.actualSec;
    const e = r.predictedSec - y;
    n++;
    abs += Math.abs(e);
    sq += e * e;
    bias += e;
    sum += y;
    const hasRange = Number.isFinite(r.lowSec) && Number.isFinite(r.highSec);
    if (hasRange) ranged++;
    const inside = hasRange && y >= r.lowSec && y <= r.highSec;
    if (inside) covered++;
    if (y > 0.5) {
      nw++;
      sqW += e * e;
      sumW += y;
      if (inside) coveredW++;
    }
  }
  const mean = sum / n;
  const meanW = sumW / nw;
  return {
    n,
    rase: sq / n / (mean * mean),
    raseWaited: sqW / nw / (meanW * meanW),
    mseSec2: sq / n,
    maeSec: abs / n,
    biasSec: bias / n,
    coverage80: ranged === n && n > 0 ? covered / n : null,
    coverage80Waited: ranged === n && nw > 0 ? coveredW / nw : null,
    meanWaitSec: mean,
  };
}
