/**
 * A tracking page whose ticket the hub does not know (yet). A kiosk that was offline when the
 * ticket was taken sends it when it reconnects, so for a while "not found" means "on its way":
 * the page says so and asks again. The ticket's link carries when it was taken (`at`, seconds),
 * which tells a ticket still travelling from one of another day.
 */

/** How long after it was taken a ticket the hub does not know may still be on its way. */
export const ON_ITS_WAY_FOR_MS = 12 * 60 * 60_000;
/** A phone's clock may be behind the kiosk's by this much. */
const CLOCK_SLACK_MS = 60 * 60_000;
const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 30_000;

export type MissingTicket =
  { readonly kind: 'onItsWay'; readonly retryInMs: number } | { readonly kind: 'notFound' };

export function missingTicket(opts: {
  /**
   * When the ticket was taken (ms), from its link; undefined when the link has none (made by
   * an older kiosk, or typed): nothing says it is on its way, so it is not found.
   */
  readonly takenAt: number | undefined;
  readonly now: number;
  /** How many times the hub has already answered "not found". */
  readonly attempts: number;
}): MissingTicket {
  const { takenAt, now } = opts;
  const travelling =
    takenAt !== undefined && takenAt <= now + CLOCK_SLACK_MS && now - takenAt < ON_ITS_WAY_FOR_MS;
  if (!travelling) return { kind: 'notFound' };
  const retryInMs = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, opts.attempts));
  return { kind: 'onItsWay', retryInMs };
}

/** The `at` of a tracking link (seconds since the epoch), or undefined when absent or bad. */
export function takenAtFromLink(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('at');
  if (raw === null || !/^\d{1,12}$/.test(raw)) return undefined;
  return Number(raw) * 1000;
}
