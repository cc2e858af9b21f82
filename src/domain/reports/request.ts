import type { StoreConfig } from '../config/types.ts';
import {
  ACCURACY_COLUMNS,
  ACCURACY_GROUPS,
  accuracyReport,
  type AccuracyGroup,
} from './accuracy.ts';
import { toCsv } from './csv.ts';
import type { DayRollup } from './facts.ts';
import {
  QUEUE_GROUPS,
  VISIT_GROUPS,
  feedbackReport,
  queueReport,
  stepReport,
  type QueueGroup,
  type Report,
  type ReportFilter,
  type VisitGroup,
} from './query.ts';

/** What a report request asks for, checked: `/api/reports/<kind>?from=&to=&by=&service=...`. */
export const REPORT_KINDS = ['queue', 'steps', 'feedback', 'accuracy'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export interface ReportRequest {
  readonly kind: ReportKind;
  /** Store days, inclusive, YYYY-MM-DD. */
  readonly from: string;
  readonly to: string;
  readonly by: QueueGroup | VisitGroup | AccuracyGroup;
  readonly filter: ReportFilter;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** At most this many days in one report (a bit over a year, leap years included). */
export const MAX_REPORT_DAYS = 400;

export function isDay(s: string): boolean {
  if (!DAY.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Days from `from` to `to` inclusive (calendar days, no time zone involved). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (
    let t = Date.parse(`${from}T00:00:00Z`);
    t <= Date.parse(`${to}T00:00:00Z`);
    t += 86_400_000
  ) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Checks the query of a report request; the error names the parameter that is wrong. */
export function parseReportRequest(
  kind: string,
  q: { get(name: string): string | null },
  today: string,
): { ok: true; value: ReportRequest } | { ok: false; error: string } {
  if (!(REPORT_KINDS as readonly string[]).includes(kind)) {
    return { ok: false, error: `no report "${kind}": use one of ${REPORT_KINDS.join(', ')}` };
  }
  const to = q.get('to') ?? today;
  const from = q.get('from') ?? to;
  if (!isDay(from)) return { ok: false, error: `from: not a day (YYYY-MM-DD): ${from}` };
  if (!isDay(to)) return { ok: false, error: `to: not a day (YYYY-MM-DD): ${to}` };
  if (from > to) return { ok: false, error: `from (${from}) is after to (${to})` };
  if (daysBetween(from, to).length > MAX_REPORT_DAYS) {
    return { ok: false, error: `at most ${MAX_REPORT_DAYS} days in one report` };
  }
  const [groups, byDefault]: [readonly string[], string] =
    kind === 'queue'
      ? [QUEUE_GROUPS, 'day']
      : kind === 'accuracy'
        ? [ACCURACY_GROUPS, 'hour']
        : [VISIT_GROUPS, 'all'];
  const by = q.get('by') ?? byDefault;
  if (!groups.includes(by)) {
    return { ok: false, error: `by: "${by}" is not one of ${groups.join(', ')}` };
  }
  const filter: Record<string, string> = {};
  for (const f of ['service', 'counter', 'clerk'] as const) {
    const v = q.get(f);
    if (v !== null && v !== '') filter[f] = v;
  }
  if (kind === 'accuracy' && (filter.counter !== undefined || filter.clerk !== undefined)) {
    // a promise is made at the kiosk, before any counter or clerk is involved
    return { ok: false, error: 'the accuracy report filters by service only' };
  }
  return {
    ok: true,
    value: { kind: kind as ReportKind, from, to, by: by as ReportRequest['by'], filter },
  };
}

/** Runs a checked request over the rollups of its days. */
export function runReport(
  req: ReportRequest,
  rollups: readonly DayRollup[],
  config: Pick<StoreConfig, 'services'>,
): Report {
  switch (req.kind) {
    case 'queue':
      return queueReport(rollups, {
        by: req.by as QueueGroup,
        filter: req.filter,
        targetSec: Object.fromEntries(config.services.map((s) => [s.id, s.targetWaitSec])),
        defaultTargetSec: 600,
      });
    case 'steps':
      return stepReport(rollups, req.by as VisitGroup, req.filter);
    case 'feedback':
      return feedbackReport(rollups, req.by as VisitGroup, req.filter);
    case 'accuracy':
      return accuracyReport(rollups, req.by as AccuracyGroup, req.filter.service);
  }
}

const QUEUE_COLUMNS = [
  'key',
  'arrivals',
  'called',
  'served',
  'noShows',
  'left',
  'closed',
  'noCheckIn',
  'open',
  'meanWaitSec',
  'p90WaitSec',
  'maxWaitSec',
  'meanServiceSec',
  'p90ServiceSec',
  'serviceLevel',
  'slHits',
  'slBase',
  'abandonment',
  'noShowRate',
  'checkedIn',
  'medianCheckInSec',
  'p90CheckInSec',
];
const STEP_COLUMNS = ['key', 'step', 'visits', 'meanSec', 'p90Sec', 'totalSec'];
const FEEDBACK_COLUMNS = [
  'key',
  'responses',
  'good',
  'neutral',
  'bad',
  'goodShare',
  'neutralShare',
  'badShare',
  'npsAnswers',
  'promoters',
  'passives',
  'detractors',
  'nps',
];

/** The report as CSV: a header, one line per row, and (queue, feedback) a total line. */
export function reportCsv(report: Report): string {
  switch (report.kind) {
    case 'queue': {
      const cols = report.by === 'hour' ? [...QUEUE_COLUMNS, 'openCounters'] : QUEUE_COLUMNS;
      return toCsv(
        [report.by, ...cols.slice(1)],
        [...report.rows, report.total].map(rename(report.by)),
      );
    }
    case 'steps':
      return toCsv([report.by, ...STEP_COLUMNS.slice(1)], report.rows.map(rename(report.by)));
    case 'feedback':
      return toCsv(
        [report.by, ...FEEDBACK_COLUMNS.slice(1)],
        [...report.rows, report.total].map(rename(report.by)),
      );
    case 'accuracy':
      return toCsv(
        [report.by, ...ACCURACY_COLUMNS.slice(1)],
        [...report.rows, report.total].map(rename(report.by)),
      );
  }
}

const rename =
  (by: string) =>
  (row: object): Record<string, unknown> => {
    const { key, ...rest } = row as { key: string };
    return { [by]: key, ...rest };
  };
