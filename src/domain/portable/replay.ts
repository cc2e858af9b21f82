import { LogReader, readLog, type LogWarning } from './parse.ts';
import type { PortableEvent } from './types.ts';

/** A predicted wait (seconds): the mean and an 80% range. */
export interface Prediction {
  readonly meanSec: number;
  readonly lowSec: number;
  readonly highSec: number;
}

/**
 * What the replay needs from a wait-time estimator. It sees the log one event at a time and
 * is asked for a prediction right after a ticket's `ticket.issued`, before the next line of
 * the log has even been read.
 */
export interface OnlineEstimator {
  observe(event: PortableEvent): void;
  predict(ticket: string, at: number): Prediction;
}

/** One line of the replay's output per issued ticket (DESIGN §5). */
export interface ReplayResult {
  readonly ticket: string;
  readonly service: string;
  /** Issue time, ms since the epoch. */
  readonly issuedAt: number;
  readonly predictedSec: number;
  readonly lowSec: number;
  readonly highSec: number;
  /** Issue to first call; null if never called. */
  actualSec: number | null;
}

export interface ReplaySummary {
  /** Tickets scored: issued and later called. */
  readonly n: number;
  readonly issued: number;
  readonly maeSec: number;
  readonly rmseSec: number;
  /** Mean squared error / (mean actual wait)^2. */
  readonly rase: number;
  /** Share of scored tickets whose actual wait was inside [lowSec, highSec]. */
  readonly coverage80: number;
}

export interface ReplayOutput {
  readonly results: ReplayResult[];
  readonly summary: ReplaySummary;
  readonly warnings: readonly LogWarning[];
}

/**
 * Replays parsed events through an estimator, online. Events are pulled lazily from the
 * iterable; a prediction is taken immediately after its issue event, so the estimator cannot
 * have seen anything later. The actual waits are filled in by the replay itself, never by the
 * estimator.
 */
export function replayEvents(
  events: Iterable<PortableEvent>,
  estimator: OnlineEstimator,
): ReplayResult[] {
  const results: ReplayResult[] = [];
  const open = new Map<string, ReplayResult>();
  for (const e of events) {
    estimator.observe(e);
    if (e.type === 'ticket.issued') {
      const p = estimator.predict(e.ticket, e.at);
      const r: ReplayResult = {
        ticket: e.ticket,
        service: e.service,
        issuedAt: e.at,
        predictedSec: Math.max(0, Math.round(p.meanSec)),
        lowSec: Math.max(0, Math.floor(p.lowSec)),
        highSec: Math.max(0, Math.ceil(p.highSec)),
        actualSec: null,
      };
      results.push(r);
      open.set(e.ticket, r);
    } else if (e.type === 'ticket.called') {
      const r = open.get(e.ticket);
      if (r) {
        r.actualSec = (e.at - r.issuedAt) / 1000;
        open.delete(e.ticket);
      }
    } else if (e.type === 'ticket.cancelled') {
      open.delete(e.ticket);
    }
  }
  return results;
}

/** Replays JSON Lines (DESIGN §5 `npx nextup replay`). Throws PortableLogError on a bad line. */
export function replay(lines: Iterable<string>, estimator: OnlineEstimator): ReplayOutput {
  const reader = new LogReader();
  const results = replayEvents(readLog(lines, reader), estimator);
  return { results, summary: summarize(results), warnings: reader.warnings };
}

export function summarize(results: readonly ReplayResult[]): ReplaySummary {
  let n = 0;
  let abs = 0;
  let sq = 0;
  let actual = 0;
  let covered = 0;
  for (const r of results) {
    if (r.actualSec === null) continue;
    n++;
    const err = r.predictedSec - r.actualSec;
    abs += Math.abs(err);
    sq += err * err;
    actual += r.actualSec;
    if (r.actualSec >= r.lowSec && r.actualSec <= r.highSec) covered++;
  }
  const meanActual = actual / n;
  return {
    n,
    issued: results.length,
    maeSec: abs / n,
    rmseSec: Math.sqrt(sq / n),
    rase: sq / n / (meanActual * meanActual),
    coverage80: covered / n,
  };
}

const round = (x: number, digits: number): number | null =>
  Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : null;

/** The output line for one ticket: `{"ticket","predictedSec","lowSec","highSec","actualSec"}`. */
export function formatReplayLine(r: ReplayResult): string {
  return JSON.stringify({
    ticket: r.ticket,
    predictedSec: r.predictedSec,
    lowSec: r.lowSec,
    highSec: r.highSec,
    actualSec: r.actualSec === null ? null : round(r.actualSec, 3),
  });
}

/** The final summary line: `{"summary":{"n","maeSec","rmseSec","rase","coverage80"}}`. */
export function formatSummaryLine(s: ReplaySummary): string {
  return JSON.stringify({
    summary: {
      n: s.n,
      maeSec: round(s.maeSec, 1),
      rmseSec: round(s.rmseSec, 1),
      rase: round(s.rase, 4),
      coverage80: round(s.coverage80, 4),
      issued: s.issued,
    },
  });
}
