import type { StoreConfig } from '../config/types.ts';
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
  const rate = checkRateLimit(req.recent, req.now, rateLimitOf(cfg.kiosk));
  return rate.ok ? rate : { ok: false, error: 'rateLimited', retryAt: rate.retryAt };
}
