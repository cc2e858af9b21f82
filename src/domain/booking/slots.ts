/**
 * A service's bookable slots on a local day: from its opening hours (domain/hours), one every
 * `slotMin` minutes of the store's wall clock from opening, the last ending by closing. A wall
 * time a daylight-saving change skips has no slot; a repeated hour has its slots once (their
 * first instant). Bookable: ahead of now, within `booking.daysAhead` days, today included.
 */
import type { ServiceConfig, StoreConfig } from '../config/types.ts';
import { hoursOf, openingOn, type Opening } from '../hours/schedule.ts';
import { instantAt, localAt } from '../hours/wall-time.ts';

export const DEFAULT_DAYS_AHEAD = 14;
export const DEFAULT_LATE_MIN = 10;
export const DEFAULT_PER_ADDRESS_PER_DAY = 5;

const MIN_MS = 60_000;
const DAY_MINUTES = 1440;

export interface Slot {
  /** Start and end, instants (ms). */
  readonly at: number;
  readonly end: number;
}

/** The service when it offers booking (and the store does), else undefined. */
export function bookableService(cfg: StoreConfig, serviceId: string): ServiceConfig | undefined {
  const service = cfg.services.find((s) => s.id === serviceId);
  return cfg.booking && service?.booking ? service : undefined;
}

/** The opening of a service on `day`; without hours it is open the whole local day. */
function openingOfDay(cfg: StoreConfig, serviceId: string, day: number): Opening | undefined {
  const tz = cfg.store.timeZone;
  const hours = hoursOf(cfg, serviceId);
  if (hours) return openingOn(hours, day, tz);
  return { openAt: instantAt(day, 0, tz), closeAt: instantAt(day + 1, 0, tz) };
}

/** Every slot of a service on local day `day` (a day number, wall-time.ts), past or not. */
export function slotsOfDay(cfg: StoreConfig, serviceId: string, day: number): Slot[] {
  const service = bookableService(cfg, serviceId);
  const opening = service ? openingOfDay(cfg, serviceId, day) : undefined;
  if (!service?.booking || !opening) return [];
  const tz = cfg.store.timeZone;
  const step = service.booking.slotMin;
  const out: Slot[] = [];
  for (let minute = localAt(opening.openAt, tz).minute; minute < DAY_MINUTES; minute += step) {
    const at = instantAt(day, minute, tz);
    const end = at + step * MIN_MS;
    if (end > opening.closeAt) break;
    const wall = localAt(at, tz);
    // a wall time the clock skips (spring forward) has no slot
    if (wall.day !== day || wall.minute !== minute) continue;
    if (out.length > 0 && at <= out[out.length - 1]!.at) continue;
    out.push({ at, end });
  }
  return out;
}

/** Whether local day `day` is one customers may book at `now` (today up to daysAhead). */
export function isBookableDay(cfg: StoreConfig, day: number, now: number): boolean {
  const today = localAt(now, cfg.store.timeZone).day;
  const ahead = cfg.booking?.daysAhead ?? DEFAULT_DAYS_AHEAD;
  return day >= today && day < today + ahead;
}

/** The slots a customer may book on `day` at `now`: bookable day, start still ahead. */
export function bookableSlots(
  cfg: StoreConfig,
  serviceId: string,
  day: number,
  now: number,
): Slot[] {
  if (!isBookableDay(cfg, day, now)) return [];
  return slotsOfDay(cfg, serviceId, day).filter((s) => s.at > now);
}

/**
 * The first day from today, within daysAhead, with a bookable slot of the service that `hasFree`
 * says has a place left: where /book opens, so a customer late in the day or facing a full day
 * does not start on a day with nothing to choose.
 */
export function firstOpenDay(
  cfg: StoreConfig,
  serviceId: string,
  now: number,
  hasFree: (at: number) => boolean,
): number | undefined {
  const today = localAt(now, cfg.store.timeZone).day;
  const ahead = cfg.booking?.daysAhead ?? DEFAULT_DAYS_AHEAD;
  for (let day = today; day < today + ahead; day++) {
    if (bookableSlots(cfg, serviceId, day, now).some((s) => hasFree(s.at))) return day;
  }
  return undefined;
}

/** The bookable slot starting at `at`, if there is one. */
export function bookableSlotAt(
  cfg: StoreConfig,
  serviceId: string,
  at: number,
  now: number,
): Slot | undefined {
  const day = localAt(at, cfg.store.timeZone).day;
  return bookableSlots(cfg, serviceId, day, now).find((s) => s.at === at);
}

/** Minutes after its start a booked customer may still check in. */
export function lateMinOf(cfg: StoreConfig, serviceId: string): number {
  const service = cfg.services.find((s) => s.id === serviceId);
  return service?.booking?.lateMin ?? DEFAULT_LATE_MIN;
}
