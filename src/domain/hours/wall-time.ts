/**
 * The store's wall clock: "HH:MM" and "YYYY-MM-DD" as the config writes them, and the instants
 * they stand for in the store's time zone (through the one zone helper, clock/zone-offset.ts).
 */
import { zoneOffsetMs } from '../clock/zone-offset.ts';
import { WEEKDAYS, type Weekday } from '../config/types.ts';

const DAY_MS = 86_400_000;

/** Minutes after local midnight of "HH:MM" (00:00..24:00), or undefined when not a time. */
export function minutesOf(hhmm: string): number | undefined {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min > 0)) return undefined;
  return h * 60 + min;
}

/** A local date as days since 1970-01-01 (its UTC midnight / DAY_MS), or undefined. */
export function dayNumberOf(date: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // rejects 2026-02-30 and month 13, which Date.UTC would roll over
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    return undefined;
  }
  return ms / DAY_MS;
}

/** "YYYY-MM-DD" of a day number. */
export function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function weekdayOf(day: number): Weekday {
  // 1970-01-01 was a Thursday; WEEKDAYS starts on Monday
  const index = (((day + 3) % 7) + 7) % 7;
  return WEEKDAYS[index] ?? 'mon';
}

/** The local day (as a day number) and minute of day at instant `ms` in `timeZone`. */
export function localAt(ms: number, timeZone: string): { day: number; minute: number } {
  const wall = ms + zoneOffsetMs(ms, timeZone);
  const day = Math.floor(wall / DAY_MS);
  return { day, minute: Math.floor((wall - day * DAY_MS) / 60_000) };
}

/**
 * The instant the store's clock shows `minute` (0..1440) on local `day`. A time skipped by a
 * daylight-saving change (02:30 on the last Sunday of March in Warsaw) is read on the offset
 * before the change, so it lands just after the gap; a repeated time takes its first instant.
 */
export function instantAt(day: number, minute: number, timeZone: string): number {
  const wall = day * DAY_MS + minute * 60_000;
  const guess = wall - zoneOffsetMs(wall, timeZone);
  const before = wall - zoneOffsetMs(guess - 3_600_000 * 3, timeZone);
  const after = wall - zoneOffsetMs(guess, timeZone);
  // both offsets agree except around a change: prefer the one the wall clock really shows
  for (const t of [Math.min(before, after), Math.max(before, after)]) {
    if (t + zoneOffsetMs(t, timeZone) === wall) return t;
  }
  return before;
}
