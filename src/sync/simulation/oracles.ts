import { wallOf } from '../../domain/clock/hlc.ts';
import { dayKey } from '../../domain/queue/day.ts';
import type { StoreEvent } from '../../domain/queue/events.ts';
import type { QueueState } from '../../domain/queue/state.ts';

/**
 * State invariants for fuzzers and simulations, read from a replica's state and log and
 * written apart from the checks they judge (provenance, plausibility, the fold's own rules):
 * a fuzzer that asks "did the validator say no?" proves nothing about what the store shows.
 * Each returns the violations it found, as lines for a failing test to print.
 */

/** Display numbers held by more than one ticket a replica shows (its state is one day). */
export function numbersShownTwice(state: QueueState): string[] {
  const seen = new Map<string, string>();
  const out: string[] = [];
  for (const t of state.tickets.values()) {
    const other = seen.get(t.number);
    if (other !== undefined && other !== t.id) out.push(`${t.number} on ${other} and ${t.id}`);
    seen.set(t.number, t.id);
  }
  return out;
}

/**
 * The same from the log, across days: every accepted issue, grouped by its store day, gives
 * each display number to one ticket only. `refused` is the agent's verdicts (event ids).
 */
export function numbersIssuedTwice(
  events: readonly StoreEvent[],
  refused: ReadonlyMap<string, unknown>,
  timeZone: string,
): string[] {
  const holder = new Map<string, string>();
  const out: string[] = [];
  for (const e of events) {
    if (e.type !== 'ticket.issued' || refused.has(e.id)) continue;
    const key = `${dayKey(wallOf(e.hlc), timeZone)} ${e.number}`;
    const other = holder.get(key);
    if (other !== undefined && other !== e.ticket) out.push(`${key} on ${other} and ${e.ticket}`);
    else holder.set(key, e.ticket);
  }
  return out;
}

interface Seen {
  readonly number: string;
  readonly issuedBy: string;
  readonly issuedAt: number;
  service: string;
}

/** A ticket a replica showed and shows no more. */
export interface GoneTicket {
  readonly id: string;
  readonly number: string;
  readonly issuedBy: string;
  readonly issuedAt: number;
}

/**
 * Watches one replica over time: a ticket it has shown keeps its number, and shows another
 * service only when the log holds a transfer of that ticket to that service. Call `check`
 * after every change (a replica's `subscribe`), with the state and the log of that moment.
 */
export class TicketWatch {
  private readonly seen = new Map<string, Seen>();
  readonly violations: string[] = [];

  constructor(private readonly name: string) {}

  /** Returns the tickets that were shown and are gone now (the caller judges whether ok). */
  check(state: QueueState, log: () => readonly StoreEvent[]): GoneTicket[] {
    const gone: GoneTicket[] = [];
    for (const [id, was] of this.seen) {
      const t = state.tickets.get(id);
      if (!t) {
        gone.push({ id, number: was.number, issuedBy: was.issuedBy, issuedAt: was.issuedAt });
        this.seen.delete(id);
      } else if (t.number !== was.number) {
        this.violations.push(`${this.name}: ${id} went from ${was.number} to ${t.number}`);
      } else if (t.service !== was.service) {
        const moved = log().some(
          (e) => e.type === 'ticket.transferred' && e.ticket === id && e.toService === t.service,
        );
        if (!moved)
          this.violations.push(`${this.name}: ${id} went from ${was.service} to ${t.service}`);
        was.service = t.service;
      }
    }
    for (const t of state.tickets.values()) {
      if (!this.seen.has(t.id))
        this.seen.set(t.id, {
          number: t.number,
          issuedBy: t.issuedBy,
          issuedAt: t.issuedAt,
          service: t.service,
        });
    }
    return gone;
  }

  /** Forgets what was shown (a new store day starts with an empty line). */
  reset(): void {
    this.seen.clear();
  }
}

/**
 * Line order against issue time: in each service's waiting line (priority customers left
 * out: they go first by rule, not by clock), a ticket is ahead of another only if it was
 * issued no more than `windowMs` after it. `issuedAt` gives the time a ticket was issued as
 * the oracle knows it (the simulation's clock when the kiosk committed it, or the wall of
 * its issue event in the log); tickets it does not know are skipped. `line` is the order
 * the store shows.
 */
export function lineOrderViolations(
  line: readonly { readonly id: string; readonly number: string; readonly priority?: boolean }[],
  issuedAt: (ticket: string) => number | undefined,
  windowMs: number,
): string[] {
  const out: string[] = [];
  const known = line
    .filter((t) => !t.priority)
    .map((t) => ({ t, at: issuedAt(t.id) }))
    .filter((x): x is { t: (typeof line)[number]; at: number } => x.at !== undefined);
  // ahead of everyone behind it: the latest issue time so far must not pass a later ticket's
  let latest: (typeof known)[number] | undefined;
  for (const x of known) {
    if (latest && latest.at > x.at + windowMs) {
      out.push(`${latest.t.number} (issued ${latest.at}) ahead of ${x.t.number} (issued ${x.at})`);
    }
    if (!latest || x.at > latest.at) latest = x;
  }
  return out;
}

/**
 * Issue times as the log says them (the wall clock of each ticket's accepted issue event).
 * A ticket id issued by more than one accepted event is contested: which one counts is the
 * fold's rule, not the oracle's, so such tickets are left out.
 */
export function issueTimesFromLog(
  events: readonly StoreEvent[],
  refused: ReadonlyMap<string, unknown>,
): Map<string, number> {
  const at = new Map<string, number>();
  const contested = new Set<string>();
  for (const e of events) {
    if (e.type !== 'ticket.issued' || refused.has(e.id)) continue;
    if (at.has(e.ticket)) contested.add(e.ticket);
    at.set(e.ticket, wallOf(e.hlc));
  }
  for (const t of contested) at.delete(t);
  return at;
}
