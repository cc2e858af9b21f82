/** Days on /book in the customer's language: "Fri 27 Mar" to choose, "Friday 27 March" to read. */
import { intlLocale } from '../../ui/i18n/locale.ts';

/** A "YYYY-MM-DD" date, short, as a day to choose. */
export function shortDate(date: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(Date.parse(`${date}T12:00:00Z`));
}

/** The day of an instant in the store's time zone, in full. */
export function longDay(ms: number, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone,
  }).format(ms);
}
