/**
 * The area manager's board, as data (GET /api/chain/stores): one row per store with its chain
 * link (connected while its last link report is under 30 s old), the events still in its
 * outbox, its lines and waits now, today's service level from the day's rollup (the hub's own
 * queue report), and today's manager alerts; sorted and filtered by region.
 */
import type { DayRollup } from '../reports/facts.ts';
import { queueReport, type QueueRow } from '../reports/query.ts';
import type { ChainAlert, RollupRecord } from './rollup-record.ts';

/** A store's link report (README "Chain of stores": `nextup.{store}.link`). */
export interface LiveLink {
  readonly connected: boolean;
  readonly waiting: number;
  readonly lastAckAt: number | null;
  readonly lastEventAt: number | null;
  readonly at: number;
}

/** The fields of a store's public wait payload the board shows. */
export interface LiveWait {
  readonly service: string;
  readonly waiting: number;
  readonly estimateSec: number;
  readonly openCounters: number;
  readonly noCounter: boolean;
  readonly longestWaitSec: number | null;
}

/** A store as the chain file lists it; stores it does not list are shown with region "—". */
export interface ChainStoreInfo {
  readonly id: string;
  readonly name: string;
  readonly region: string;
  readonly timeZone: string;
}

export const NO_REGION = '—';
/** A link report older than this means the store is not connected (it reports every 10 s). */
export const LINK_FRESH_MS = 30_000;
/** The service-level target for a service whose store's configuration the chain does not hold. */
export const DEFAULT_TARGET_SEC = 600;

export type LinkState = 'connected' | 'disconnected' | 'unknown';

export interface StoreRow extends ChainStoreInfo {
  readonly link: {
    readonly state: LinkState;
    readonly reportAt: number | null;
    readonly lastEventAt: number | null;
    /** Events the store holds that the chain has not acknowledged yet. */
    readonly behind: number;
  };
  readonly waits: readonly LiveWait[];
  readonly waiting: number;
  readonly today: {
    readonly day: string | null;
    readonly events: number;
    readonly arrivals: number;
    readonly served: number;
    readonly meanWaitSec: number | null;
    readonly serviceLevel: number | null;
  };
  readonly alerts: readonly ChainAlert[];
}

export interface StoreInputs {
  readonly info: ChainStoreInfo;
  readonly link: LiveLink | undefined;
  readonly waits: readonly LiveWait[];
  /** Today's (store-local) rollup, when the chain has events of today. */
  readonly today: { readonly record: RollupRecord; readonly rollup: DayRollup } | undefined;
  readonly todayKey: string;
  readonly now: number;
}

/** A queue report's total over some rollups, with the chain's default target. */
export function queueTotal(rollups: readonly DayRollup[]): QueueRow {
  return queueReport(rollups, { by: 'day', targetSec: {}, defaultTargetSec: DEFAULT_TARGET_SEC })
    .total;
}

export function linkState(link: LiveLink | undefined, now: number): LinkState {
  if (!link) return 'unknown';
  return link.connected && now - link.at < LINK_FRESH_MS ? 'connected' : 'disconnected';
}

export function storeRow(s: StoreInputs): StoreRow {
  const total = s.today ? queueTotal([s.today.rollup]) : undefined;
  const recordLast = s.today?.record.lastEventAt ?? null;
  const linkLast = s.link?.lastEventAt ?? null;
  const lastEventAt =
    recordLast === null
      ? linkLast
      : linkLast === null
        ? recordLast
        : Math.max(recordLast, linkLast);
  const waits = [...s.waits].sort((a, b) => (a.service < b.service ? -1 : 1));
  return {
    ...s.info,
    link: {
      state: linkState(s.link, s.now),
      reportAt: s.link?.at ?? null,
      lastEventAt,
      behind: s.link?.waiting ?? 0,
    },
    waits,
    waiting: waits.reduce((n, w) => n + w.waiting, 0),
    today: {
      day: s.today ? s.todayKey : null,
      events: s.today?.record.events ?? 0,
      arrivals: total?.arrivals ?? 0,
      served: total?.served ?? 0,
      meanWaitSec: total?.meanWaitSec ?? null,
      serviceLevel: total?.serviceLevel ?? null,
    },
    alerts: [...(s.today?.record.alerts ?? [])].sort((a, b) => b.at - a.at),
  };
}

export const BOARD_SORTS = ['region', 'name', 'waiting', 'serviceLevel', 'alerts'] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];

/** Rows filtered to one region (or all) and sorted; ties fall back to region, then name. */
export function arrangeRows(
  rows: readonly StoreRow[],
  sort: BoardSort,
  region?: string,
): StoreRow[] {
  const byName = (a: StoreRow, b: StoreRow) =>
    a.region.localeCompare(b.region) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  const key: Record<BoardSort, (a: StoreRow, b: StoreRow) => number> = {
    region: byName,
    name: (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
    waiting: (a, b) => b.waiting - a.waiting,
    // worst first: no figure sorts last
    serviceLevel: (a, b) => (a.today.serviceLevel ?? 101) - (b.today.serviceLevel ?? 101),
    alerts: (a, b) => openAlerts(b) - openAlerts(a),
  };
  return rows
    .filter((r) => region === undefined || region === '' || r.region === region)
    .sort((a, b) => key[sort](a, b) || byName(a, b));
}

export const openAlerts = (r: Pick<StoreRow, 'alerts'>): number =>
  r.alerts.filter((a) => !a.acknowledged).length;

/** The regions there are, for the filter. */
export function regionsOf(rows: readonly Pick<StoreRow, 'region'>[]): string[] {
  return [...new Set(rows.map((r) => r.region))].sort();
}
