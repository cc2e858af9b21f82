/**
 * Closing time for the line: which waiting tickets to close because their service has closed,
 * and when the next service closes (the agent looks again then). A ticket being called or
 * served is left to its clerk; only customers still waiting are closed.
 */
import type { StoreConfig } from '../config/types.ts';
import { cancelTicket, type CommandResult } from '../queue/commands.ts';
import { waitingTickets } from '../queue/selectors.ts';
import type { QueueState } from '../queue/state.ts';
import { hoursOf, openingAt } from './schedule.ts';

/** Ids of the tickets still waiting at `now` for a service with hours that is closed then. */
export function waitingPastClosing(cfg: StoreConfig, state: QueueState, now: number): string[] {
  const closed = new Set(
    cfg.services
      .filter((s) => {
        const hours = hoursOf(cfg, s.id);
        return hours !== undefined && openingAt(hours, cfg.store.timeZone, now) === undefined;
      })
      .map((s) => s.id),
  );
  if (closed.size === 0) return [];
  return waitingTickets(state, [...closed])
    .filter((t) => t.issuedAt <= now)
    .map((t) => t.id);
}

/** The earliest closing after `now` of a service open now; undefined when none is open. */
export function nextClosingAfter(cfg: StoreConfig, now: number): number | undefined {
  let next: number | undefined;
  for (const s of cfg.services) {
    const hours = hoursOf(cfg, s.id);
    const o = hours && openingAt(hours, cfg.store.timeZone, now);
    if (o && (next === undefined || o.closeAt < next)) next = o.closeAt;
  }
  return next;
}

/**
 * The command that closes one ticket at closing, checked against the state it commits on: a
 * ticket a clerk called, or another sweep already closed, in the meantime is left alone, so
 * the sweep is idempotent (one `ticket.cancelled` per ticket, however often it runs).
 */
export function closeAtClosing(
  cfg: StoreConfig,
  state: QueueState,
  ticketId: string,
  at: number,
): CommandResult {
  if (!waitingPastClosing(cfg, state, at).includes(ticketId)) {
    return { ok: false, error: 'notWaiting' };
  }
  return cancelTicket(state, ticketId, 'closed');
}
