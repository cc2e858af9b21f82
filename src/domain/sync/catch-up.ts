/**
 * How much catch-up the agent sends one device: a device announcing its vector is answered on
 * its own topic (src/sync/topics.ts `to`), never to every subscriber, and within a budget, so
 * neither a hostile device's empty vectors nor an ordinary reconnect storm makes the agent send
 * the day again and again.
 *
 * - At most one answer per device every MIN_GAP_MS: announcements in between are answered
 *   together, with the latest vector, at the end of the gap.
 * - A token bucket of events per device: BURST_EVENTS at once (several busy days: a new or
 *   wiped device gets today and yesterday in one go), refilled at REFILL_PER_SEC. A device that
 *   keeps asking for everything gets that rate, to itself only.
 */
export interface CatchUpLimits {
  readonly minGapMs: number;
  readonly burstEvents: number;
  readonly refillPerSec: number;
}

export const CATCH_UP_LIMITS: CatchUpLimits = {
  minGapMs: 1_000,
  burstEvents: 20_000,
  refillPerSec: 200,
};

export interface CatchUpBudget {
  readonly tokens: number;
  /** When tokens were counted. */
  readonly at: number;
  /** When the last answer went out (-Infinity: never). */
  readonly lastAnswer: number;
}

export function freshBudget(now: number, limits: CatchUpLimits = CATCH_UP_LIMITS): CatchUpBudget {
  return { tokens: limits.burstEvents, at: now, lastAnswer: -Infinity };
}

/** How long to wait before answering (0: now). */
export function answerDelay(
  budget: CatchUpBudget,
  now: number,
  limits: CatchUpLimits = CATCH_UP_LIMITS,
): number {
  return Math.max(0, budget.lastAnswer + limits.minGapMs - now);
}

/**
 * An answer at `now` for a device that lacks `wanted` events: how many to send (which ones is
 * the caller's business) and the budget after. Sends none when the bucket is empty; the
 * answer still counts for the gap (it may carry floors).
 */
export function spend(
  budget: CatchUpBudget,
  now: number,
  wanted: number,
  limits: CatchUpLimits = CATCH_UP_LIMITS,
): { send: number; budget: CatchUpBudget } {
  const refilled = Math.min(
    limits.burstEvents,
    budget.tokens + (Math.max(0, now - budget.at) / 1000) * limits.refillPerSec,
  );
  const send = Math.max(0, Math.min(wanted, Math.floor(refilled)));
  return {
    send,
    budget: { tokens: refilled - send, at: now, lastAnswer: now },
  };
}
