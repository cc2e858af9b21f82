/**
 * The check-in grace time: a phone ticket that must check in (ticket.issued `checkIn`) and has
 * not within its service's `remote.graceMin` minutes of joining is dropped by the store agent
 * with `ticket.cancelled` reason 'noCheckIn'. The hub only runs the timer (src/hub/check-in-sweep.ts).
 */
import type { StoreConfig } from '../config/types.ts';
import { cancelTicket, type CommandResult } from '../queue/commands.ts';
import type { QueueState, Ticket } from '../queue/state.ts';

/** Grace when a service asks for check-in but the config predates graceMin. */
export const DEFAULT_GRACE_MIN = 15;

/** The moment (ms) a ticket awaiting check-in is dropped; undefined when it awaits none. */
export function checkInDeadline(cfg: StoreConfig, t: Ticket): number | undefined {
  if (t.status !== 'waiting' || !t.awaitingCheckIn) return undefined;
  const service = cfg.services.find((s) => s.id === t.service);
  const graceMin = service?.remote?.graceMin ?? DEFAULT_GRACE_MIN;
  return t.issuedAt + graceMin * 60_000;
}

/** Tickets past their check-in deadline at `now`, to drop. */
export function overdueCheckIns(cfg: StoreConfig, state: QueueState, now: number): string[] {
  const out: string[] = [];
  for (const t of state.tickets.values()) {
    const deadline = checkInDeadline(cfg, t);
    if (deadline !== undefined && now >= deadline) out.push(t.id);
  }
  return out;
}

/** The earliest deadline still ahead of `now` (the hub's next look), if any. */
export function nextCheckInDeadline(
  cfg: StoreConfig,
  state: QueueState,
  now: number,
): number | undefined {
  let next: number | undefined;
  for (const t of state.tickets.values()) {
    const d = checkInDeadline(cfg, t);
    if (d !== undefined && d > now && (next === undefined || d < next)) next = d;
  }
  return next;
}

/**
 * The command that drops one ticket, checked again on the state it commits on: a customer
 * who checked in (or left) meanwhile is left alone, so two looks never drop a ticket twice.
 */
export function dropUncheckedIn(
  cfg: StoreConfig,
  state: QueueState,
  ticketId: string,
  at: number,
): CommandResult {
  if (!overdueCheckIns(cfg, state, at).includes(ticketId)) {
    return { ok: false, error: 'notWaiting' };
  }
  return cancelTicket(state, ticketId, 'noCheckIn');
}
