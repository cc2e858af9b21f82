/**
 * Local time of day in the store's time zone (IANA name), for hour-of-day statistics and
 * schedules, from the one offset helper (clock/zone-offset.ts), which caches per quarter hour.
 */
import { isKnownTimeZone, zoneOffsetMs } from '../clock/zone-offset.ts';

const DAY_MS = 86_400_000;

export class LocalClock {
  private readonly utc: boolean;

  constructor(readonly timeZone = 'UTC') {
    this.utc = timeZone === 'UTC' || timeZone === 'Etc/UTC';
    if (!this.utc && !isKnownTimeZone(timeZone)) {
      throw new RangeError(`unknown time zone ${JSON.stringify(timeZone)}`);
    }
  }

  /** Local time minus UTC, in ms, at an instant (cached per quarter hour by the helper). */
  offsetMs(at: number): number {
    return this.utc ? 0 : zoneOffsetMs(at, this.timeZone);
  }

  /** Milliseconds since local midnight. */
  msOfDay(at: number): number {
    const local = at + this.offsetMs(at);
    return ((local % DAY_MS) + DAY_MS) % DAY_MS;
  }

  /** Local hour of day, 0..23. */
  hourOf(at: number): number {
    return Math.floor(this.msOfDay(at) / 3_600_000);
  }

  /** Local calendar day as YYYY-MM-DD. */
  dayKey(at: number): string {
    return new Date(at + this.offsetMs(at)).toISOString().slice(0, 10);
  }

  /** The instant of a local wall time: `day` is YYYY-MM-DD, `minute` counts from midnight. */
  toInstant(day: string, minute: number): number {
    const wall = Date.parse(`${day}T00:00:00Z`) + minute * 60_000;
    let guess = wall - this.offsetMs(wall);
    guess = wall - this.offsetMs(guess);
    return guess;
  }
}

/** "HH:MM" (00:00..24:00) to minutes since midnight, or NaN. */
export function parseClockTime(s: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(s.trim());
  if (!m) return NaN;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min > 0)) return NaN;
  return h * 60 + min;
}

export function formatClockTime(minute: number): string {
  const h = Math.floor(minute / 60);
  const m = minute % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
