/** How a screen names the day of an opening: today, tomorrow, or its weekday (store's zone). */
import { localAt } from './wall-time.ts';

export type OpeningDay = 'today' | 'tomorrow' | 'later';

export function openingDay(opensAt: number, now: number, timeZone: string): OpeningDay {
  const days = localAt(opensAt, timeZone).day - localAt(now, timeZone).day;
  return days <= 0 ? 'today' : days === 1 ? 'tomorrow' : 'later';
}
