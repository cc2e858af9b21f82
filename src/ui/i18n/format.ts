/** Locale-aware formatting of times and durations, through Intl only. */
import { intlLocale } from './locale.ts';

export interface Formatters {
  /** Wall-clock time, e.g. "14:05", in the store's time zone. */
  readonly time: (ms: number) => string;
  /** The day of the week of a moment, e.g. "Monday", in the store's time zone. */
  readonly weekday: (ms: number) => string;
  /** A whole number of minutes, e.g. "5 min". */
  readonly minutes: (n: number) => string;
  /** Minutes for customers, spelled out with the right grammar: "5 minutes", "5 minut". */
  readonly duration: (minutes: number) => string;
  /** A range of minutes, e.g. "8–17 minutes". */
  readonly durationRange: (low: number, high: number) => string;
  readonly number: (n: number) => string;
}

export function createFormatters(language: string, timeZone: string | undefined): Formatters {
  const locale = intlLocale(language);
  const zone = timeZone ? { timeZone } : {};
  // made at first use: a cheap phone spends milliseconds on each, and most screens need few
  const time = once(
    () => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', ...zone }),
  );
  const weekday = once(() => new Intl.DateTimeFormat(locale, { weekday: 'long', ...zone }));
  const minutes = once(
    () => new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short' }),
  );
  const long = once(
    () => new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'long' }),
  );
  const number = once(() => new Intl.NumberFormat(locale));
  return {
    time: (ms) => time().format(ms),
    weekday: (ms) => weekday().format(ms),
    minutes: (n) => minutes().format(n),
    duration: (n) => long().format(n),
    durationRange: (low, high) =>
      low === high ? long().format(high) : long().formatRange(low, high),
    number: (n) => number().format(n),
  };
}

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/** Whole minutes elapsed between two moments; never negative (clocks of devices differ). */
export function elapsedMinutes(fromMs: number, nowMs: number): number {
  return Math.max(0, Math.floor((nowMs - fromMs) / 60_000));
}

/**
 * How a ticket number is read out: the letters apart from the number, without leading
 * zeros, so "A023" is spoken "A 23" rather than "A zero twenty-three".
 */
export function spokenTicketNumber(number: string): string {
  const m = /^([A-Za-z]*)0*(\d+)$/.exec(number);
  if (!m) return number;
  const [, letters = '', digits = ''] = m;
  return letters ? `${letters} ${digits}` : digits;
}
