/**
 * One store-day as the chain service keeps it in its rollup bucket: the hub's own day rollup
 * (domain/reports/facts.ts, compact as encode.ts writes it) plus what the area manager's view
 * needs beside it (events, the newest event, the day's manager alerts). Built from every event
 * the chain holds for the store-day, never incremented, so any instance, any number of times,
 * builds the same record; `asOf` orders two builds (the later read holds every event the earlier
 * one did).
 */
import { wallOf } from '../clock/hlc.ts';
import { dayKey, startOfDay, startOfDaysBack } from '../queue/day.ts';
import { compareEvents, type StoreEvent } from '../queue/events.ts';
import { decodeRollup, encodeRollup, type EncodedRollup } from '../reports/encode.ts';
import { buildDayRollup, type DayRollup } from '../reports/facts.ts';

export interface ChainAlert {
  readonly alert: string;
  readonly at: number;
  readonly counter?: string;
  readonly reason?: string;
  readonly acknowledged: boolean;
}

export interface RollupRecord {
  readonly store: string;
  readonly day: string;
  /** The events stream's last sequence when the build began reading: every event up to it is in. */
  readonly asOf: number;
  readonly events: number;
  readonly lastEventAt: number | null;
  readonly alerts: readonly ChainAlert[];
  readonly rollup: EncodedRollup;
}

export interface StoreDayInput {
  readonly store: string;
  readonly day: string;
  readonly timeZone: string;
  readonly events: readonly StoreEvent[];
  /** The next day's events, read only when the day's rollup needs them to finish its tickets. */
  readonly nextDay: () => Promise<readonly StoreEvent[]>;
  readonly asOf: number;
  /** Now, for a day not over yet (counters open until now, later hours without a figure). */
  readonly now: number;
}

/** First moment of a store day given as YYYY-MM-DD. */
export function startOfStoreDay(day: string, timeZone: string): number {
  let t = Date.parse(`${day}T12:00:00Z`);
  // zones far from UTC: move noon UTC onto the store day first
  while (dayKey(t, timeZone) > day) t -= 6 * 3_600_000;
  while (dayKey(t, timeZone) < day) t += 6 * 3_600_000;
  return startOfDay(t, timeZone);
}

/** The day's rollup exactly as a store hub builds it (src/hub/report-store.ts). */
export async function storeDayRollup(input: StoreDayInput): Promise<DayRollup> {
  const dayStart = startOfStoreDay(input.day, input.timeZone);
  const dayEnd = startOfDaysBack(dayStart, -1, input.timeZone);
  const opts = {
    day: input.day,
    timeZone: input.timeZone,
    dayStart,
    dayEnd,
    ...(input.now < dayEnd ? { until: input.now } : {}),
  };
  const alone = buildDayRollup(input.events, [], opts);
  if (!alone.needsNextDay) return alone;
  return buildDayRollup(input.events, await input.nextDay(), opts);
}

export async function buildRollupRecord(input: StoreDayInput): Promise<RollupRecord> {
  const rollup = await storeDayRollup(input);
  let lastEventAt: number | null = null;
  const alerts = new Map<string, ChainAlert>();
  for (const e of [...input.events].sort(compareEvents)) {
    const at = wallOf(e.hlc);
    lastEventAt = Math.max(lastEventAt ?? at, at);
    if (e.type === 'alert.raised' && !alerts.has(e.alert)) {
      alerts.set(e.alert, {
        alert: e.alert,
        at,
        ...(e.counter !== undefined ? { counter: e.counter } : {}),
        ...(e.reason !== undefined ? { reason: e.reason } : {}),
        acknowledged: false,
      });
    } else if (e.type === 'alert.acknowledged') {
      const a = alerts.get(e.alert);
      if (a) alerts.set(e.alert, { ...a, acknowledged: true });
    }
  }
  return {
    store: input.store,
    day: input.day,
    asOf: input.asOf,
    events: input.events.length,
    lastEventAt,
    alerts: [...alerts.values()],
    rollup: encodeRollup(rollup),
  };
}

/** A record read back from the bucket, checked; undefined when damaged or of another version. */
export function readRollupRecord(
  raw: unknown,
): { record: RollupRecord; rollup: DayRollup } | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Partial<RollupRecord>;
  if (typeof r.store !== 'string' || typeof r.day !== 'string' || typeof r.asOf !== 'number')
    return undefined;
  if (!Array.isArray(r.alerts) || typeof r.events !== 'number' || !r.rollup) return undefined;
  const rollup = decodeRollup(r.rollup, r.day);
  return rollup ? { record: r as RollupRecord, rollup } : undefined;
}

/** Whether a new build should replace the stored one: it read at least as far. */
export function supersedes(next: Pick<RollupRecord, 'asOf'>, stored: RollupRecord | undefined) {
  return stored === undefined || next.asOf >= stored.asOf;
}
