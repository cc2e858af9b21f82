/**
 * Limits that keep the line from being flooded from phones: one live ticket per phone (the
 * hub's capability kept on it), a few tickets an hour per network address, and a cap per
 * service and hour. Pure decisions; the hub keeps the phones' capabilities and the addresses'
 * times, and logs one line per refusal.
 */
import type { StoreConfig } from '../config/types.ts';
import { checkRateLimit } from '../kiosk/rate-limit.ts';
import type { QueueState, Ticket } from '../queue/state.ts';

export const HOUR_MS = 3_600_000;
/** Phone tickets per address and hour when the config does not say. */
export const DEFAULT_PER_ADDRESS_PER_HOUR = 3;

export type LimitRefusal =
  /** This phone already holds a ticket still in line (`ticket`). */
  | { readonly kind: 'phoneHasTicket'; readonly ticket: string }
  /** Too many tickets from this address within the hour; another is possible at `retryAt`. */
  | { readonly kind: 'addressLimit'; readonly retryAt: number }
  /** The service's phone tickets for this hour are all taken. */
  | { readonly kind: 'serviceHourFull'; readonly retryAt: number };

export interface LimitInput {
  readonly serviceId: string;
  readonly now: number;
  /** The ticket the phone's capability last joined with, if the phone sent one. */
  readonly phoneTicket?: string | undefined;
  /** When this address joined before (ms). */
  readonly addressJoins: readonly number[];
}

function live(t: Ticket | undefined): boolean {
  return t?.status === 'waiting' || t?.status === 'called' || t?.status === 'serving';
}

/** Issue times of the service's phone tickets within the hour before `now`, oldest first. */
export function phoneTicketsInHour(state: QueueState, serviceId: string, now: number): number[] {
  const out: number[] = [];
  for (const t of state.tickets.values()) {
    if (t.channel === 'phone' && t.service === serviceId && t.issuedAt > now - HOUR_MS) {
      out.push(t.issuedAt);
    }
  }
  return out.sort((a, b) => a - b);
}

/** The first limit a new phone ticket would break, or undefined when it may be issued. */
export function limitRefusal(
  cfg: StoreConfig,
  state: QueueState,
  input: LimitInput,
): LimitRefusal | undefined {
  const { now } = input;
  if (input.phoneTicket !== undefined && live(state.tickets.get(input.phoneTicket))) {
    return { kind: 'phoneHasTicket', ticket: input.phoneTicket };
  }
  const perAddress = cfg.join?.perAddressPerHour ?? DEFAULT_PER_ADDRESS_PER_HOUR;
  const byAddress = checkRateLimit(input.addressJoins, now, {
    maxTickets: perAddress,
    windowSec: HOUR_MS / 1000,
  });
  if (!byAddress.ok) return { kind: 'addressLimit', retryAt: byAddress.retryAt };
  const perHour = cfg.services.find((s) => s.id === input.serviceId)?.remote?.perHour;
  if (perHour !== undefined) {
    const times = phoneTicketsInHour(state, input.serviceId, now);
    const byService = checkRateLimit(times, now, {
      maxTickets: perHour,
      windowSec: HOUR_MS / 1000,
    });
    if (!byService.ok) return { kind: 'serviceHourFull', retryAt: byService.retryAt };
  }
  return undefined;
}
