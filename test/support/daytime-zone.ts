/**
 * A store time zone where it is day now, so a test that books times or closes the store
 * later today reads the same at whatever hour CI runs it (and never crosses local midnight).
 */
import { localAt } from '../../src/domain/hours/wall-time.ts';

const ZONES = [
  'Europe/Warsaw',
  'America/New_York',
  'Pacific/Honolulu',
  'Asia/Tokyo',
  'Asia/Kolkata',
];

/** "HH:MM", 24-hour, of an instant in a zone (as the config writes opening hours). */
export function localHHMM(ms: number, timeZone: string): string {
  const minute = localAt(ms, timeZone).minute;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(minute / 60))}:${two(minute % 60)}`;
}

/** The first zone whose local time at `now` is within 07:00..20:59. */
export function daytimeZone(now: number): string {
  const zone = ZONES.find((z) => {
    const minute = localAt(now, z).minute;
    return minute >= 7 * 60 && minute < 21 * 60;
  });
  // the zones' offsets (+1, -5, -10, +9, +5:30) leave no UTC hour uncovered
  if (!zone) throw new Error(`no daytime zone at ${new Date(now).toISOString()}`);
  return zone;
}
