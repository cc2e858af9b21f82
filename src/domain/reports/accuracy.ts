import type { DayRollup, TicketFact } from './facts.ts';
import { mean, percent, roundOrNull } from './metrics.ts';

/**
 * The accuracy audit: the wait the store promised at the kiosk (the estimate and its 80%
 * range, recorded on the ticket) held against the wait that happened, by hour, day or service.
 *
 * A promise is judged once its outcome is known: the customer was called (the wait is known),
 * or gave up or was still waiting after the range's high end (the range was broken, however
 * long the wait turned out). Tickets that left inside their range are not judged: nobody knows
 * how long they would have waited. Errors (actual minus promised: positive when the customer
 * waited longer than told) are over called tickets only.
 */
export const ACCURACY_GROUPS = ['hour', 'day', 'service'] as const;
export type AccuracyGroup = (typeof ACCURACY_GROUPS)[number];

/** A day whose ranges held for fewer than this share of judged promises is flagged. */
export const COVERAGE_ALERT_PERCENT = 60;
/** ...when it has at least this many judged promises: below, one late customer decides. */
export const COVERAGE_ALERT_MIN_JUDGED = 20;

export interface AccuracyRow {
  readonly key: string;
  /** Tickets issued. */
  readonly tickets: number;
  /** Of those, issued with a promise (a wait shown). */
  readonly promised: number;
  /** Promises whose outcome is known (see above). */
  readonly judged: number;
  /** Over called tickets: what they were told, and what they waited. */
  readonly meanPromisedSec: number | null;
  readonly meanWaitSec: number | null;
  /** Mean of (actual - promised) over called tickets: positive means longer than told. */
  readonly meanErrorSec: number | null;
  readonly meanAbsErrorSec: number | null;
  /** Shares of judged promises, in %: inside the range, longer than it, shorter than it. */
  readonly insideRange: number | null;
  readonly longerThanRange: number | null;
  readonly shorterThanRange: number | null;
}

export interface LowCoverageDay {
  readonly day: string;
  readonly insideRange: number;
  readonly judged: number;
}

export interface AccuracyReport {
  readonly kind: 'accuracy';
  readonly by: AccuracyGroup;
  readonly days: number;
  readonly rows: readonly AccuracyRow[];
  readonly total: AccuracyRow;
  /** Days of the range whose ranges held for under COVERAGE_ALERT_PERCENT % of judged waits. */
  readonly lowCoverageDays: readonly LowCoverageDay[];
}

class AccuracyAcc {
  tickets = 0;
  promises = 0;
  inside = 0;
  longer = 0;
  shorter = 0;
  readonly promisedSec: number[] = [];
  readonly waitSec: number[] = [];
  readonly errors: number[] = [];
  readonly absErrors: number[] = [];

  add(t: TicketFact): void {
    this.tickets++;
    const p = t.promised;
    if (!p) return;
    this.promises++;
    if (t.waitSec !== null) {
      this.promisedSec.push(p.sec);
      this.waitSec.push(t.waitSec);
      this.errors.push(t.waitSec - p.sec);
      this.absErrors.push(Math.abs(t.waitSec - p.sec));
      if (t.waitSec > p.high) this.longer++;
      else if (t.waitSec < p.low) this.shorter++;
      else this.inside++;
    } else if (t.leftAfterSec !== null && t.leftAfterSec > p.high) {
      this.longer++;
    }
  }

  get judged(): number {
    return this.inside + this.longer + this.shorter;
  }

  row(key: string): AccuracyRow {
    const judged = this.judged;
    return {
      key,
      tickets: this.tickets,
      promised: this.promises,
      judged,
      meanPromisedSec: roundOrNull(mean(this.promisedSec)),
      meanWaitSec: roundOrNull(mean(this.waitSec)),
      meanErrorSec: roundOrNull(mean(this.errors)),
      meanAbsErrorSec: roundOrNull(mean(this.absErrors)),
      insideRange: percent(this.inside, judged),
      longerThanRange: percent(this.longer, judged),
      shorterThanRange: percent(this.shorter, judged),
    };
  }
}

function keyOf(by: AccuracyGroup, day: string, t: TicketFact): string {
  switch (by) {
    case 'hour':
      return String(t.hour);
    case 'day':
      return day;
    case 'service':
      return t.service;
  }
}

/** The audit over the rollups of a range, optionally for one service. */
export function accuracyReport(
  rollups: readonly DayRollup[],
  by: AccuracyGroup,
  service?: string,
): AccuracyReport {
  const groups = new Map<string, AccuracyAcc>();
  const total = new AccuracyAcc();
  const lowCoverageDays: LowCoverageDay[] = [];
  for (const r of rollups) {
    const day = new AccuracyAcc();
    for (const t of r.tickets) {
      if (service !== undefined && t.service !== service) continue;
      total.add(t);
      day.add(t);
      const key = keyOf(by, r.day, t);
      let acc = groups.get(key);
      if (!acc) groups.set(key, (acc = new AccuracyAcc()));
      acc.add(t);
    }
    const inside = percent(day.inside, day.judged);
    if (
      inside !== null &&
      day.judged >= COVERAGE_ALERT_MIN_JUDGED &&
      inside < COVERAGE_ALERT_PERCENT
    ) {
      lowCoverageDays.push({ day: r.day, insideRange: inside, judged: day.judged });
    }
  }
  const keys = [...groups.keys()];
  keys.sort(by === 'hour' ? (a, b) => Number(a) - Number(b) : undefined);
  return {
    kind: 'accuracy',
    by,
    days: rollups.length,
    rows: keys.map((k) => groups.get(k)!.row(k)),
    total: total.row('total'),
    lowCoverageDays,
  };
}

export const ACCURACY_COLUMNS = [
  'key',
  'tickets',
  'promised',
  'judged',
  'meanPromisedSec',
  'meanWaitSec',
  'meanErrorSec',
  'meanAbsErrorSec',
  'insideRange',
  'longerThanRange',
  'shorterThanRange',
] as const satisfies readonly (keyof AccuracyRow)[];
