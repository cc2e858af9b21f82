import type { KioskRateLimit } from '../config/types.ts';

/**
 * How many tickets one kiosk may hand out in a short time. A child tapping thirty times, or
 * a stuck touch screen, must not flood the queue; a family taking three tickets must not be
 * stopped. The default allows four tickets in any minute.
 */
export const DEFAULT_RATE_LIMIT: KioskRateLimit = { maxTickets: 4, windowSec: 60 };

export type RateDecision =
  | { readonly ok: true }
  /** `retryAt` (ms): the first moment another ticket will be allowed. */
  | { readonly ok: false; readonly retryAt: number };

/**
 * Decides whether a kiosk may issue one more ticket at `now`, given the times (ms, local clock)
 * of the tickets it issued before. At most `maxTickets` fall in any window of `windowSec`
 * seconds: a ticket at `t` counts until `t + windowSec`. Times after `now` (the clock was set
 * back) count as `now`, so a clock change never locks the kiosk for longer than one window.
 */
export function checkRateLimit(
  issued: readonly number[],
  now: number,
  limit: KioskRateLimit = DEFAULT_RATE_LIMIT,
): RateDecision {
  const max = Math.max(1, Math.floor(limit.maxTickets));
  const windowMs = Math.max(0, limit.windowSec * 1000);
  const recent = recentIssues(issued, now, windowMs);
  if (recent.length < max) return { ok: true };
  // The window must lose all but max-1 of its tickets: wait for the oldest of the newest `max`.
  const oldest = recent[recent.length - max] ?? now;
  return { ok: false, retryAt: oldest + windowMs };
}

/** The issue times still inside the window at `now`, oldest first (what a kiosk must keep). */
export function recentIssues(issued: readonly number[], now: number, windowMs: number): number[] {
  return issued
    .map((t) => Math.min(t, now))
    .filter((t) => t > now - windowMs)
    .sort((a, b) => a - b);
}

/** Whole seconds until `retryAt`, at least 1, for "please wait 25 seconds". */
export function secondsUntil(retryAt: number, now: number): number {
  return Math.max(1, Math.ceil((retryAt - now) / 1000));
}

/** The configured limit, or the default for configurations that predate it. */
export function rateLimitOf(kiosk: { readonly rateLimit?: KioskRateLimit }): KioskRateLimit {
  return kiosk.rateLimit ?? DEFAULT_RATE_LIMIT;
}
