/**
 * History across the chain's stores (GET /api/chain/history): per store, region or day,
 * arrivals, waits (mean, p90), service level, no-shows, feedback and NPS and time in each visit
 * step, all from the stores' day rollups through the hub's own report queries, so a store's
 * figure here equals the one its hub shows (with the chain's default service-level target).
 */
import { toCsv } from '../reports/csv.ts';
import type { DayRollup } from '../reports/facts.ts';
import { feedbackReport, stepReport } from '../reports/query.ts';
import type { VisitStep } from '../visit/types.ts';
import { queueTotal } from './chain-board.ts';

export const HISTORY_GROUPS = ['store', 'region', 'day'] as const;
export type HistoryGroup = (typeof HISTORY_GROUPS)[number];

export interface StoreDays {
  readonly store: string;
  readonly region: string;
  readonly rollups: readonly DayRollup[];
}

export interface HistoryRow {
  readonly key: string;
  readonly stores: number;
  readonly days: number;
  readonly arrivals: number;
  readonly served: number;
  readonly noShows: number;
  readonly meanWaitSec: number | null;
  readonly p90WaitSec: number | null;
  readonly serviceLevel: number | null;
  readonly feedback: number;
  readonly goodShare: number | null;
  readonly nps: number | null;
  /** Mean seconds per visit in each step it went through. */
  readonly steps: Readonly<Partial<Record<VisitStep, number | null>>>;
}

export interface ChainHistory {
  readonly by: HistoryGroup;
  readonly from: string;
  readonly to: string;
  readonly rows: readonly HistoryRow[];
  readonly total: HistoryRow;
}

function row(key: string, parts: readonly { store: string; rollup: DayRollup }[]): HistoryRow {
  const rollups = parts.map((p) => p.rollup);
  const queue = queueTotal(rollups);
  const feedback = feedbackReport(rollups, 'all').total;
  const steps: Partial<Record<VisitStep, number | null>> = {};
  for (const s of stepReport(rollups, 'all').rows) steps[s.step] = s.meanSec;
  return {
    key,
    stores: new Set(parts.map((p) => p.store)).size,
    days: new Set(rollups.map((r) => r.day)).size,
    arrivals: queue.arrivals,
    served: queue.served,
    noShows: queue.noShows,
    meanWaitSec: queue.meanWaitSec,
    p90WaitSec: queue.p90WaitSec,
    serviceLevel: queue.serviceLevel,
    feedback: feedback.responses,
    goodShare: feedback.goodShare,
    nps: feedback.nps,
    steps,
  };
}

/** The stores' rollups (already cut to the range) grouped by store, region or day. */
export function chainHistory(
  stores: readonly StoreDays[],
  by: HistoryGroup,
  range: { from: string; to: string },
): ChainHistory {
  const groups = new Map<string, { store: string; rollup: DayRollup }[]>();
  const all: { store: string; rollup: DayRollup }[] = [];
  for (const s of stores) {
    for (const rollup of s.rollups) {
      const key = by === 'store' ? s.store : by === 'region' ? s.region : rollup.day;
      let list = groups.get(key);
      if (!list) groups.set(key, (list = []));
      list.push({ store: s.store, rollup });
      all.push({ store: s.store, rollup });
    }
  }
  const rows = [...groups.keys()].sort().map((k) => row(k, groups.get(k)!));
  return { by, ...range, rows, total: row('total', all) };
}

const COLUMNS = [
  'stores',
  'days',
  'arrivals',
  'served',
  'noShows',
  'meanWaitSec',
  'p90WaitSec',
  'serviceLevel',
  'feedback',
  'goodShare',
  'nps',
] as const;

/** The history as CSV: one column per figure and per visit step met, a total line last. */
export function chainHistoryCsv(h: ChainHistory): string {
  const lines = [...h.rows, h.total];
  const stepNames = [...new Set(lines.flatMap((r) => Object.keys(r.steps)))] as VisitStep[];
  const header = [h.by, ...COLUMNS, ...stepNames.map((s) => `step:${s}`)];
  return toCsv(
    header,
    lines.map((r) => {
      const out: Record<string, unknown> = { [h.by]: r.key };
      for (const c of COLUMNS) out[c] = r[c];
      for (const s of stepNames) out[`step:${s}`] = r.steps[s] ?? null;
      return out;
    }),
  );
}
