/**
 * Whether a new ticket can be issued for a service now, and if not, why and when it can again:
 * outside its hours; its line full (a new ticket would reach the counter after the last moment
 * a customer can still be served: closing minus the service's typical time); its daily cap
 * reached. The kiosk renders this decision and refuses a tap with it; it never decides itself.
 */
import type { OpeningHours } from '../config/types.ts';
import { nextOpeningAfter, openingAt } from './schedule.ts';

export type Issuing =
  | { readonly kind: 'open' }
  /** Outside the hours; `opensAt` undefined when no opening within a year. */
  | { readonly kind: 'closed'; readonly opensAt: number | undefined }
  /** Open, but a ticket taken now would not be served before closing. */
  | { readonly kind: 'lineFull'; readonly opensAt: number | undefined }
  /** The service's daily cap is reached (`opensAt`: the next opening, when it has hours). */
  | { readonly kind: 'capReached'; readonly opensAt: number | undefined };

export interface IssuingInput {
  readonly hours: OpeningHours | undefined;
  readonly timeZone: string;
  readonly now: number;
  /** The service's typical time at the counter (learned, else the config's avgServiceSec). */
  readonly typicalSec: number;
  /** The wait a ticket issued now can expect; undefined when no counter serves it yet. */
  readonly waitSec: number | undefined;
  /** Tickets issued today for the service, and its cap (absent: none). */
  readonly issuedToday: number;
  readonly dailyCap?: number | undefined;
}

/** The last moment a new ticket may be issued: closing minus the typical time. */
export function lastTicketAt(closeAt: number, typicalSec: number): number {
  return closeAt - Math.max(0, typicalSec) * 1000;
}

export function issuing(input: IssuingInput): Issuing {
  const { hours, timeZone, now } = input;
  const opening = hours && openingAt(hours, timeZone, now);
  const after = (t: number): number | undefined => hours && nextOpeningAfter(hours, timeZone, t);
  if (hours && !opening) return { kind: 'closed', opensAt: after(now) };
  if (input.dailyCap !== undefined && input.issuedToday >= input.dailyCap) {
    return { kind: 'capReached', opensAt: opening && after(opening.closeAt - 1) };
  }
  if (opening && input.waitSec !== undefined) {
    const servedFrom = now + Math.max(0, input.waitSec) * 1000;
    if (servedFrom > lastTicketAt(opening.closeAt, input.typicalSec)) {
      return { kind: 'lineFull', opensAt: after(opening.closeAt - 1) };
    }
  }
  return { kind: 'open' };
}
