import { SATISFACTIONS, type Satisfaction, type VisitStep } from '../visit/types.ts';
import type { AccuracyReport } from './accuracy.ts';
import type { DayRollup, TicketFact, VisitFact } from './facts.ts';
import { npsBucket, Tally, npsScore, percent, roundOrNull, type NpsCounts } from './metrics.ts';

/**
 * Report queries over day rollups. Each combines the days of a range, filters, and groups; the
 * figures are computed from the per-ticket records, so merging days is exact.
 */
export const QUEUE_GROUPS = ['day', 'hour', 'service', 'counter', 'clerk', 'channel'] as const;
export type QueueGroup = (typeof QUEUE_GROUPS)[number];
export const VISIT_GROUPS = ['all', 'day', 'clerk'] as const;
export type VisitGroup = (typeof VISIT_GROUPS)[number];

export interface ReportFilter {
  readonly service?: string;
  readonly counter?: string;
  readonly clerk?: string;
}

export interface QueueReportOptions {
  readonly by: QueueGroup;
  readonly filter?: ReportFilter;
  /** Target wait per service (seconds), for the service level. */
  readonly targetSec: Readonly<Record<string, number>>;
  /** Target for a service no longer in the configuration. */
  readonly defaultTargetSec: number;
}

export interface QueueRow {
  readonly key: string;
  /** Tickets issued. */
  readonly arrivals: number;
  readonly called: number;
  readonly served: number;
  readonly noShows: number;
  /** Left (cancelled) before being called: abandonment. */
  readonly left: number;
  /** Still waiting when their service closed, closed by the store (not customers who left). */
  readonly closed: number;
  /** Phone tickets dropped for not checking in within the grace time. */
  readonly noCheckIn: number;
  /** Never finished by the end of the history read (still waiting, or never closed). */
  readonly open: number;
  readonly meanWaitSec: number | null;
  readonly p90WaitSec: number | null;
  readonly maxWaitSec: number | null;
  readonly meanServiceSec: number | null;
  readonly p90ServiceSec: number | null;
  /** Called within target / (called + gave up or still waiting after the target), in %. */
  readonly serviceLevel: number | null;
  readonly slHits: number;
  readonly slBase: number;
  /** left / arrivals, in %. */
  readonly abandonment: number | null;
  /** noShows / called, in %. */
  readonly noShowRate: number | null;
  /**
   * Mean counters open (only in hourly reports): averaged over the days of the range that have
   * any data, and of those only the ones where the hour has begun (not today's later hours).
   */
  readonly openCounters?: number;
  /** Remote tickets that checked in at the store, and issue to check-in (seconds). */
  readonly checkedIn: number;
  readonly medianCheckInSec: number | null;
  readonly p90CheckInSec: number | null;
}

export interface QueueReport {
  readonly kind: 'queue';
  readonly by: QueueGroup;
  readonly days: number;
  readonly rows: readonly QueueRow[];
  readonly total: QueueRow;
}

const matches = (
  f: ReportFilter | undefined,
  t: { service?: string; counter: string; clerk: string },
) =>
  !f ||
  ((f.service === undefined || t.service === f.service) &&
    (f.counter === undefined || t.counter === f.counter) &&
    (f.clerk === undefined || t.clerk === f.clerk));

class QueueAcc {
  arrivals = 0;
  called = 0;
  served = 0;
  noShows = 0;
  left = 0;
  closed = 0;
  noCheckIn = 0;
  open = 0;
  slHits = 0;
  slBase = 0;
  readonly waits = new Tally();
  readonly serviceTimes = new Tally();
  readonly checkIns = new Tally();

  add(t: TicketFact, target: number): void {
    this.arrivals++;
    if (t.checkInSec !== null) this.checkIns.add(t.checkInSec);
    if (t.outcome === 'served') this.served++;
    else if (t.outcome === 'noShow') this.noShows++;
    else if (t.outcome === 'left' && t.waitSec === null) this.left++;
    else if (t.outcome === 'open') this.open++;
    else if (t.outcome === 'closed') this.closed++;
    else if (t.outcome === 'noCheckIn') this.noCheckIn++;
    if (t.waitSec !== null) {
      this.called++;
      this.waits.add(t.waitSec);
      this.slBase++;
      if (t.waitSec <= target) this.slHits++;
    } else if (t.leftAfterSec !== null && t.leftAfterSec > target) {
      // gave up (or was still waiting) after the target: a miss; earlier leavers do not count
      this.slBase++;
    }
    if (t.serviceSec !== null) this.serviceTimes.add(t.serviceSec);
  }

  row(key: string, openCounters?: number): QueueRow {
    const { waits, serviceTimes: times } = this;
    return {
      key,
      arrivals: this.arrivals,
      called: this.called,
      served: this.served,
      noShows: this.noShows,
      left: this.left,
      closed: this.closed,
      noCheckIn: this.noCheckIn,
      open: this.open,
      meanWaitSec: roundOrNull(waits.mean()),
      p90WaitSec: waits.percentile(90) ?? null,
      maxWaitSec: waits.max() ?? null,
      meanServiceSec: roundOrNull(times.mean()),
      p90ServiceSec: times.percentile(90) ?? null,
      serviceLevel: percent(this.slHits, this.slBase),
      slHits: this.slHits,
      slBase: this.slBase,
      abandonment: percent(this.left, this.arrivals),
      noShowRate: percent(this.noShows, this.called),
      ...(openCounters !== undefined ? { openCounters } : {}),
      checkedIn: this.checkIns.n,
      medianCheckInSec: this.checkIns.percentile(50) ?? null,
      p90CheckInSec: this.checkIns.percentile(90) ?? null,
    };
  }
}

const HOURS = Array.from({ length: 24 }, (_, h) => String(h));

function groupKey(by: QueueGroup): (day: string, t: TicketFact) => string {
  switch (by) {
    case 'day':
      return (day) => day;
    case 'hour':
      return (_, t) => HOURS[t.hour] ?? String(t.hour);
    case 'service':
      return (_, t) => t.service;
    case 'counter':
      return (_, t) => t.counter;
    case 'clerk':
      return (_, t) => t.clerk;
    case 'channel':
      return (_, t) => t.channel;
  }
}

function sortKeys(by: string, keys: string[]): string[] {
  return by === 'hour' ? keys.sort((a, b) => Number(a) - Number(b)) : keys.sort();
}

/** A day the store recorded anything on: a closed day (or one before the history) has none. */
function hasData(r: DayRollup): boolean {
  return r.tickets.length > 0 || r.visits.length > 0 || r.openCounters.some((c) => (c ?? 0) > 0);
}

/**
 * Mean counters open in each hour of the store's clock, over the days with data where that hour
 * has a figure: a closed Sunday or a day before the history does not pull the mean down, and
 * neither does an hour of today that has not come yet.
 */
export function meanOpenCounters(rollups: readonly DayRollup[]): number[] {
  const sum = new Array<number>(24).fill(0);
  const days = new Array<number>(24).fill(0);
  for (const r of rollups) {
    if (!hasData(r)) continue;
    r.openCounters.forEach((c, h) => {
      if (c === null) return;
      sum[h]! += c;
      days[h]!++;
    });
  }
  return sum.map((s, h) => (days[h]! === 0 ? 0 : Math.round((s / days[h]!) * 100) / 100));
}

/** Arrivals, waits, service times, service level, no-shows and abandonment, grouped. */
export function queueReport(rollups: readonly DayRollup[], opts: QueueReportOptions): QueueReport {
  const groups = new Map<string, QueueAcc>();
  const total = new QueueAcc();
  const target = (service: string) => opts.targetSec[service] ?? opts.defaultTargetSec;
  // per-clerk and per-counter reports are about calls: tickets never called have no counter
  const calledOnly = opts.by === 'counter' || opts.by === 'clerk';
  const keyOf = groupKey(opts.by);
  const filter = opts.filter && Object.keys(opts.filter).length > 0 ? opts.filter : undefined;
  for (const r of rollups) {
    for (const t of r.tickets) {
      if (filter && !matches(filter, t)) continue;
      const tgt = target(t.service);
      total.add(t, tgt);
      if (calledOnly && t.counter === '') continue;
      const key = keyOf(r.day, t);
      let acc = groups.get(key);
      if (!acc) groups.set(key, (acc = new QueueAcc()));
      acc.add(t, tgt);
    }
  }
  if (opts.by === 'day')
    for (const r of rollups) if (!groups.has(r.day)) groups.set(r.day, new QueueAcc());
  const openByHour = opts.by === 'hour' ? meanOpenCounters(rollups) : undefined;
  openByHour?.forEach((c, h) => {
    if (c > 0 && !groups.has(String(h))) groups.set(String(h), new QueueAcc());
  });
  const rows = sortKeys(opts.by, [...groups.keys()]).map((k) =>
    groups.get(k)!.row(k, openByHour?.[Number(k)]),
  );
  return { kind: 'queue', by: opts.by, days: rollups.length, rows, total: total.row('total') };
}

export interface StepRow {
  readonly key: string;
  readonly step: VisitStep;
  /** Visits that went through the step. */
  readonly visits: number;
  readonly meanSec: number | null;
  readonly p90Sec: number | null;
  readonly totalSec: number;
}

export interface StepReport {
  readonly kind: 'steps';
  readonly by: VisitGroup;
  readonly days: number;
  readonly visits: number;
  readonly rows: readonly StepRow[];
}

/** Order of the steps in a visit, for reading the report top to bottom. */
const STEP_ORDER: readonly VisitStep[] = [
  'greeting',
  'offeringHelp',
  'browsing.looking',
  'browsing.reminderDue',
  'assisting',
  'checkingOut.asking',
  'checkingOut.paying',
  'escalated',
  'thanking',
];

const visitKey = (by: VisitGroup, day: string, v: VisitFact): string =>
  by === 'day' ? day : by === 'clerk' ? v.clerk : 'all';

/** Time spent in each visit step (seconds, summed per visit), grouped. */
export function stepReport(
  rollups: readonly DayRollup[],
  by: VisitGroup,
  filter?: ReportFilter,
): StepReport {
  const groups = new Map<string, Map<VisitStep, Tally>>();
  let visits = 0;
  for (const r of rollups) {
    for (const v of r.visits) {
      if (!matches(filter, v)) continue;
      visits++;
      const key = visitKey(by, r.day, v);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = new Map<VisitStep, Tally>()));
      for (const [step, sec] of Object.entries(v.steps) as [VisitStep, number][]) {
        let list = g.get(step);
        if (!list) g.set(step, (list = new Tally()));
        list.add(sec);
      }
    }
  }
  const rows: StepRow[] = [];
  for (const key of [...groups.keys()].sort()) {
    const g = groups.get(key)!;
    for (const step of STEP_ORDER) {
      const list = g.get(step);
      if (!list) continue;
      rows.push({
        key,
        step,
        visits: list.n,
        meanSec: roundOrNull(list.mean()),
        p90Sec: list.percentile(90) ?? null,
        totalSec: list.sum,
      });
    }
  }
  return { kind: 'steps', by, days: rollups.length, visits, rows };
}

export interface FeedbackRow extends NpsCounts {
  readonly key: string;
  readonly good: number;
  readonly neutral: number;
  readonly bad: number;
  /** Ratings given (satisfaction). */
  readonly responses: number;
  readonly goodShare: number | null;
  readonly neutralShare: number | null;
  readonly badShare: number | null;
  /** NPS answers (optional question). */
  readonly npsAnswers: number;
  readonly nps: number | null;
}

export interface FeedbackReport {
  readonly kind: 'feedback';
  readonly by: VisitGroup;
  readonly days: number;
  readonly rows: readonly FeedbackRow[];
  readonly total: FeedbackRow;
}

class FeedbackAcc {
  readonly sat: Record<Satisfaction, number> = { good: 0, neutral: 0, bad: 0 };
  readonly nps = { promoters: 0, passives: 0, detractors: 0 };

  add(v: VisitFact): void {
    if (v.satisfaction) this.sat[v.satisfaction]++;
    if (v.nps !== undefined) this.nps[npsBucket(v.nps)]++;
  }

  row(key: string): FeedbackRow {
    const responses = SATISFACTIONS.reduce((n, s) => n + this.sat[s], 0);
    const npsAnswers = this.nps.promoters + this.nps.passives + this.nps.detractors;
    return {
      key,
      ...this.sat,
      responses,
      goodShare: percent(this.sat.good, responses),
      neutralShare: percent(this.sat.neutral, responses),
      badShare: percent(this.sat.bad, responses),
      ...this.nps,
      npsAnswers,
      nps: npsScore(this.nps),
    };
  }
}

/** Satisfaction shares and Net Promoter Score from the thanking step, grouped. */
export function feedbackReport(
  rollups: readonly DayRollup[],
  by: VisitGroup,
  filter?: ReportFilter,
): FeedbackReport {
  const groups = new Map<string, FeedbackAcc>();
  const total = new FeedbackAcc();
  for (const r of rollups) {
    if (by === 'day' && !groups.has(r.day)) groups.set(r.day, new FeedbackAcc());
    for (const v of r.visits) {
      if (!matches(filter, v) || (v.satisfaction === undefined && v.nps === undefined)) continue;
      total.add(v);
      const key = visitKey(by, r.day, v);
      let acc = groups.get(key);
      if (!acc) groups.set(key, (acc = new FeedbackAcc()));
      acc.add(v);
    }
  }
  const rows = [...groups.keys()].sort().map((k) => groups.get(k)!.row(k));
  return { kind: 'feedback', by, days: rollups.length, rows, total: total.row('total') };
}

export type Report = QueueReport | StepReport | FeedbackReport | AccuracyReport;
