import { zoneOffsetMs } from '../clock/zone-offset.ts';

/** The store's local calendar day ("2026-11-23") of a moment, in the store's time zone. */
export function dayKey(ms: number, timeZone: string): string {
  // through the cached offset: the hub asks this once per stored event
  return new Date(ms + zoneOffsetMs(ms, timeZone)).toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;

/** The first moment (ms) of the store day that contains `ms`. */
export function startOfDay(ms: number, timeZone: string): number {
  const [y, m, d] = dayKey(ms, timeZone).split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  let start = utcMidnight - zoneOffsetMs(utcMidnight, timeZone);
  // a DST change near midnight: settle on the offset in force at the start itself
  start = utcMidnight - zoneOffsetMs(start, timeZone);
  return start;
}

/** Start of the store day `days` days before the one containing `ms`. */
export function startOfDaysBack(ms: number, days: number, timeZone: string): number {
  return startOfDay(startOfDay(ms, timeZone) - days * DAY_MS + DAY_MS / 2, timeZone);
}
