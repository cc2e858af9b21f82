import type { StoreConfig } from '../config/types.ts';
import type { QueueState } from '../queue/state.ts';
import { checkRateLimit, rateLimitOf } from './rate-limit.ts';

export interface KioskRequest {
  readonly serviceId: string;
  readonly priority: boolean;
  /** Local clock (ms) now, and the times this kiosk issued its recent tickets. */
  readonly now: number;
  readonly recent: readonly number[];
}

export type KioskCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly error: 'rateLimited'; readonly retryAt: number }
  | { readonly ok: false; readonly error: 'priorityNotAllowed' };

/**
 * The kiosk's own rules before a ticket is issued (the queue's rules are in issueTicket):
 * its rate limit, and priority only where the store offers it.
 */
export function checkKioskRequest(cfg: StoreConfig, req: KioskRequest): KioskCheck {
  const service = cfg.services.find((s) => s.id === req.serviceId);
  if (req.priority && service && !service.allowPriority) {
    return { ok: false, error: 'priorityNotAllowed' };
  }
  const freeAt = kioskFreeAt(cfg, req.recent, req.now);
  return freeAt <= req.now ? { ok: true } : { ok: false, error: 'rateLimited', retryAt: freeAt };
}

/**
 * When the kiosk may hand out its next ticket, by its rate limit: `now` when it may already,
 * else the moment the limit frees it (what its rate-limit message counts down to, and checks
 * again when it gets there).
 */
export function kioskFreeAt(cfg: StoreConfig, recent: readonly number[], now: number): number {
  const rate = checkRateLimit(recent, now, rateLimitOf(cfg.kiosk));
  return rate.ok ? now : rate.retryAt;
}

/** Today's issue times (their events' time) of the tickets `device` issued, for its rate limit. */
export function issuedBy(state: QueueState, device: string): number[] {
  const out: number[] = [];
  for (const t of state.tickets.values()) if (t.issuedBy === device) out.push(t.issuedAt);
  return out;
}

/** What a kiosk tells the customer when no ticket came out (a rate limit has its own message). */
export type KioskRefusal =
  | 'rangeExhausted'
  | 'storageFailed'
  | 'priorityNotAllowed'
  /** The service stopped issuing between the screen and the tap (hours/last-ticket.ts). */
  | 'notIssuing'
  | 'other';

/** The message for a refused tap: the refusals a kiosk explains, anything else plainly "other". */
export function kioskRefusal(error: string): KioskRefusal {
  switch (error) {
    case 'rangeExhausted':
    case 'storageFailed':
    case 'priorityNotAllowed':
      return error;
    case 'closed':
    case 'lineFull':
    case 'capReached':
      return 'notIssuing';
    default:
      return 'other';
  }
}
