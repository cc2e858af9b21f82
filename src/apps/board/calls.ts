import type { Call } from '../../domain/queue/state.ts';

/** Calls older than this are not announced: they arrive late, after a reconnect. */
export const ANNOUNCE_WITHIN_MS = 2 * 60 * 1000;
/** At most this many calls are read out at once. */
export const MAX_ANNOUNCED = 3;

/**
 * Calls to announce: those not seen before, made recently, oldest first. The first look at
 * the calls (`seen` undefined) announces nothing: the board just started.
 */
export function callsToAnnounce(
  seen: ReadonlySet<string> | undefined,
  calls: readonly Call[],
  now: number,
): Call[] {
  if (!seen) return [];
  return calls
    .filter((c) => !seen.has(c.eventId) && now - c.at <= ANNOUNCE_WITHIN_MS)
    .slice(-MAX_ANNOUNCED);
}

/** Earlier calls for the board's history: newest first, one per ticket, without the latest. */
export function recentCalls(calls: readonly Call[], limit: number): Call[] {
  const out: Call[] = [];
  const tickets = new Set<string>();
  const latest = calls[calls.length - 1];
  if (latest) tickets.add(latest.ticket);
  for (let i = calls.length - 2; i >= 0 && out.length < limit; i--) {
    const call = calls[i];
    if (!call || tickets.has(call.ticket)) continue;
    tickets.add(call.ticket);
    out.push(call);
  }
  return out;
}
