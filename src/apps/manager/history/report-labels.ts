import { TICKET_CHANNELS, type TicketChannel } from '../../../domain/queue/events.ts';
import type { MessageKey, Translate } from '../../../ui/i18n/translate.ts';

/**
 * How the history's charts and tables name hours and days: in the store's language (the UI's)
 * and on the store's clock, whatever the browser's own time zone and language.
 *
 * Reports arrive keyed by the store's calendar, already in the store's time zone
 * (config.store.timeZone, see src/domain/reports/facts.ts): an hour as 0..23 of the store's
 * clock, a day as YYYY-MM-DD. Each is formatted as that same calendar moment read in UTC, so
 * nothing shifts it: a manager's laptop set to New York time looking at a Warsaw store sees
 * Warsaw's days and hours, written the way the store's language writes them.
 */
export interface ReportLabels {
  /** An hour of the store's clock: "19:00" (pl), "7:00 PM" (en). */
  readonly hour: (hour: number) => string;
  /** A store day in a table: "pon., 10 mar 2025" (pl), "Mon, Mar 10, 2025" (en). */
  readonly day: (day: string) => string;
  /** A store day under a chart: "10 mar" (pl), "Mar 10" (en). */
  readonly dayTick: (day: string) => string;
}

const DAY_MS = 86_400_000;
const cache = new Map<string, ReportLabels>();

export function reportLabels(locale: string): ReportLabels {
  const cached = cache.get(locale);
  if (cached) return cached;
  const utc = { timeZone: 'UTC' } as const;
  const hour = new Intl.DateTimeFormat(locale, { ...utc, hour: 'numeric', minute: '2-digit' });
  const day = new Intl.DateTimeFormat(locale, {
    ...utc,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  const tick = new Intl.DateTimeFormat(locale, { ...utc, day: 'numeric', month: 'short' });
  const labels: ReportLabels = {
    hour: (h) => hour.format(Date.UTC(2000, 0, 1, h)),
    day: (d) => day.format(dayNumber(d) * DAY_MS),
    dayTick: (d) => tick.format(dayNumber(d) * DAY_MS),
  };
  cache.set(locale, labels);
  return labels;
}

/** A store day (YYYY-MM-DD) as a whole number, days since 1970-01-01: a chart's x value. */
export function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

/** The store day of a chart's x value (see dayNumber). */
export function dayOfNumber(n: number): string {
  return new Date(Math.round(n) * DAY_MS).toISOString().slice(0, 10);
}

/** Steps between two ticks of an hour axis, and of a day axis. */
export const HOUR_STEPS: readonly number[] = [1, 2, 3, 4, 6, 12];
export const DAY_STEPS: readonly number[] = [1, 2, 7, 14, 28, 91, 182, 364];

/**
 * The ticks of an axis of whole units (hours, days) from `min` to `max`: whole values only (an
 * hour axis once read "19.2:00"), with the smallest step of `steps` that gives at most `room`
 * ticks (beyond the last step, its multiples), each a multiple of its step.
 */
export function wholeTicks(
  min: number,
  max: number,
  room: number,
  steps: readonly number[],
): number[] {
  const lo = Math.ceil(min);
  const hi = Math.floor(max);
  if (!(hi >= lo)) return [];
  const fit = Math.max(1, Math.floor(room));
  const count = (s: number) => Math.floor(hi / s) - Math.ceil(lo / s) + 1;
  let step = steps.find((s) => count(s) <= fit) ?? steps.at(-1) ?? 1;
  while (count(step) > fit) step *= 2;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi; v += step) out.push(v || 0); // no -0
  return out;
}

const CHANNEL_LABEL = {
  kiosk: 'managerReports.channel.kiosk',
  phone: 'managerReports.channel.phone',
  appointment: 'managerReports.channel.appointment',
} as const satisfies Record<TicketChannel, MessageKey>;

/** A ticket channel's name in a report ("phone" → "Phone"); an unknown one as it came. */
export function channelName(t: Translate, channel: string): string {
  return isChannel(channel) ? t(CHANNEL_LABEL[channel]) : channel;
}

const isChannel = (s: string): s is TicketChannel =>
  (TICKET_CHANNELS as readonly string[]).includes(s);
