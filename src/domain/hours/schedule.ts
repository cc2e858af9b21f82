/**
 * Opening hours as instants: which hours apply to a service, the opening on a given local day
 * (weekly span or a dated exception), whether it is open at an instant, when it next opens and
 * when it closes. Without hours a service is open all day, as before hours existed.
 */
import type { OpeningHours, StoreConfig } from '../config/types.ts';
import { dateOfDayNumber, instantAt, localAt, minutesOf, weekdayOf } from './wall-time.ts';

/** One opening, as instants: open at `openAt` (inclusive), closed from `closeAt`. */
export interface Opening {
  readonly openAt: number;
  readonly closeAt: number;
}

/** How far ahead the next opening is looked for (a store closed longer says none). */
const LOOK_AHEAD_DAYS = 370;

/** The service's own hours, else the store's, else none (open all day). */
export function hoursOf(cfg: StoreConfig, serviceId: string): OpeningHours | undefined {
  const service = cfg.services.find((s) => s.id === serviceId);
  return service?.hours ?? cfg.store.hours;
}

/** The opening on local day `day` (a day number, wall-time.ts), or undefined when closed. */
export function openingOn(hours: OpeningHours, day: number, timeZone: string): Opening | undefined {
  const date = dateOfDayNumber(day);
  const exception = hours.exceptions?.find((e) => e.date === date);
  const span = exception
    ? exception.closed === true
      ? undefined
      : exception.open !== undefined && exception.close !== undefined
        ? { open: exception.open, close: exception.close }
        : undefined
    : hours.weekly[weekdayOf(day)];
  if (!span) return undefined;
  const open = minutesOf(span.open);
  const close = minutesOf(span.close);
  // config-checks.ts refuses these; a cached config from elsewhere is read as closed
  if (open === undefined || close === undefined || close <= open) return undefined;
  return { openAt: instantAt(day, open, timeZone), closeAt: instantAt(day, close, timeZone) };
}

/** Today's opening at instant `t` when it is open then, else undefined. */
export function openingAt(hours: OpeningHours, timeZone: string, t: number): Opening | undefined {
  const today = openingOn(hours, localAt(t, timeZone).day, timeZone);
  return today && today.openAt <= t && t < today.closeAt ? today : undefined;
}

/** Whether a service with `hours` is open at `t` (no hours: always). */
export function isOpenAt(hours: OpeningHours | undefined, timeZone: string, t: number): boolean {
  return hours === undefined || openingAt(hours, timeZone, t) !== undefined;
}

/** The first opening that starts after `t`, or undefined when none within a year. */
export function nextOpeningAfter(
  hours: OpeningHours,
  timeZone: string,
  t: number,
): number | undefined {
  const start = localAt(t, timeZone).day;
  for (let day = start; day <= start + LOOK_AHEAD_DAYS; day++) {
    const o = openingOn(hours, day, timeZone);
    if (o && o.openAt > t) return o.openAt;
  }
  return undefined;
}
