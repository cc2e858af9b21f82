/**
 * How much catch-up the agent sends one device: a device announcing its vector is answered on
 * its own topic (src/sync/topics.ts `to`), never to every subscriber, and within a budget, so
 * neither a hostile device's empty vectors nor an ordinary reconnect storm makes the agent send
 * the day again and again.
 *
 * - At most one answer per device every MIN_GAP_MS: announcements in between are answered
 *   together, with the latest vector, at the end of the gap.
 * - A token bucket of events per device: burstEvents at once (several busy days: a new or
 *   wiped device gets today and yesterday in one go), refilled at refillPerSec. A device that
 *   keeps asking for everything gets that rate, to itself only.
 * - In a store busier than that, the bucket holds everything the agent keeps (scaledFor): a new
 *   device still gets it in one answer, not at the refill rate for minutes, and one that keeps
 *   asking still gets it once per burstEvents / refillPerSec seconds (100 s).
 */
export interface CatchUpLimits {
  readonly minGapMs: number;
  readonly burstEvents: number;
  readonly refillPerSec: number;
  /** The bucket's size in events per event the agent holds, if more than burstEvents (0: fixed). */
  readonly perHeldEvent: number;
}

export const CATCH_UP_LIMITS: CatchUpLimits = {
  minGapMs: 1_000,
  burstEvents: 20_000,
  refillPerSec: 200,
  perHeldEvent: 1,
};

/** The limits for an agent holding `held` events: a larger bucket refills in the same time. */
export function scaledFor(limits: CatchUpLimits, held: number): CatchUpLimits {
  const burst = Math.ceil(held * limits.perHeldEvent);
  if (burst <= limits.burstEvents || limits.burstEvents <= 0) return limits;
  const refillPerSec = (limits.refillPerSec * burst) / limits.burstEvents;
  return { ...limits, burstEvents: burst, refillPerSec };
}

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
