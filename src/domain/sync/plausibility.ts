import { wallOf } from '../clock/hlc.ts';
import type { StoreConfig } from '../config/types.ts';
import { rateLimitOf } from '../kiosk/rate-limit.ts';
import { roleOfDevice } from '../security/roles.ts';
import type { RefusalReason, StoreEvent } from '../queue/events.ts';

/**
 * Meaning checked, not only shape: events a device's role may write but that the device could
 * not honestly have written. The broker (Mosquitto especially) cannot read payloads, so every
 * receiver asks these questions when it first sees an event; the store agent's answer is final
 * and goes into the log as an `event.refused` verdict (src/sync/replica.ts).
 *
 * Time. An honest device's hybrid clock never goes back and follows the agent's clock while
 * connected (within 2 s). A device that was offline for hours legitimately sends events from
 * hours ago, so age alone proves nothing. What does: while connected, every device announces
 * its version vector (at least every 15 s), which says how many events of its own it had
 * written. An event with a higher seq was written after that announcement, so its time cannot
 * be much earlier than when the receiver heard it. The rules:
 *   - clockBehind: wall < (when the receiver last heard the author hold fewer events than this
 *     one's seq) - PAST_SKEW_MS. A device never heard from (or not since a receiver restart)
 *     gives no evidence, and its events pass.
 *   - clockAhead: wall > the receiver's clock + the future skew (the hybrid clock's existing
 *     15-minute drift limit, past which a clock is reported as wrong).
 *   - clockBackwards: the author's own neighbouring events (seq - 1, seq + 1) that the receiver
 *     holds are not before and after it.
 * PAST_SKEW_MS covers the 2 s clocks may disagree and a receiver busy for up to a minute
 * before it reads an announcement; a hostile device that keeps announcing can therefore place
 * an event at most this much (plus one announcement period) before the moment it was sent.
 *
 * Tickets (the rules a kiosk's own screen keeps, checked again where received):
 *   - ticketTaken: another event already issued a ticket with this id (first seen wins).
 *   - numberTaken: a ticket of the same day already has this number.
 *   - numberOutOfRange: the number is in no configured kiosk's range (kiosks[].range) nor the
 *     range of phone tickets (join.range, which only the agent issues from). Which
 *     tablet acts as which kiosk is chosen on the tablet and not recorded by the hub, so a
 *     number is checked against every kiosk's range, and a kiosk's allocation steps over
 *     numbers others put in its range (src/domain/queue/numbering.ts).
 *   - unknownService: no such service, or the number's letter is not the service's prefix.
 *   - priorityNotAllowed: priority on a service that does not offer it.
 *   - notBooked (the agent only, which writes the day's bookings): a booked customer's ticket
 *     (ticket.issued with `appointment`) for no booking of the day, for another service or
 *     slot than booked, or for a booking another ticket already holds: a ticket with a
 *     made-up slot would stand ahead of every walk-in.
 *   - rateLimited: more than kiosk.rateLimit.maxTickets tickets from one device with issue
 *     times inside any windowSec (issue time, not arrival: an offline kiosk's backlog arrives
 *     at once and is still within its limit).
 */

export const PAST_SKEW_MS = 60_000;
/** The replica's default drift limit (maxDriftMs): a clock further ahead is wrong. */
export const FUTURE_SKEW_MS = 15 * 60_000;

export interface PlausibilityRules {
  readonly pastSkewMs: number;
  readonly futureSkewMs: number;
  /** The store's configuration; without it the ticket checks that need it are skipped. */
  readonly config?:
    Pick<StoreConfig, 'services' | 'kiosks' | 'kiosk' | 'join' | 'booking'> | undefined;
}

/** What the receiver knows about an event when it first sees it. */
export interface Sight {
  /** The receiver's clock. */
  readonly now: number;
  /** When the receiver last heard the author hold fewer own events than this event's seq. */
  readonly heardAt?: number | undefined;
  /** Hybrid-clock values of the author's events seq - 1 and seq + 1, where held. */
  readonly prevHlc?: string | undefined;
  readonly nextHlc?: string | undefined;
  /** For a ticket of the receiver's day: whether its id and number are already issued. */
  readonly ticketTaken?: boolean;
  readonly numberTaken?: boolean;
  /** Issue times (ms) of the author's tickets already taken on that day. */
  readonly authorIssues?: readonly number[];
  /**
   * For a booked customer's ticket, where the receiver knows the day's bookings (the agent):
   * the booking it names, or null when the day has none by that id.
   */
  readonly booking?: BookingSight | null;
}

export interface BookingSight {
  readonly at: number;
  readonly service: string;
  /** The ticket that already holds it, if any. */
  readonly ticket?: string | undefined;
}

/** Why the receiver should refuse `e`, or undefined when nothing is implausible. */
export function judge(
  e: StoreEvent,
  sight: Sight,
  rules: PlausibilityRules,
): RefusalReason | undefined {
  const wall = wallOf(e.hlc);
  if (wall > sight.now + rules.futureSkewMs) return 'clockAhead';
  if (
    (sight.prevHlc !== undefined && e.hlc <= sight.prevHlc) ||
    (sight.nextHlc !== undefined && e.hlc >= sight.nextHlc)
  ) {
    return 'clockBackwards';
  }
  if (sight.heardAt !== undefined && wall < sight.heardAt - rules.pastSkewMs) return 'clockBehind';
  if (e.type !== 'ticket.issued') return undefined;
  if (sight.ticketTaken) return 'ticketTaken';
  if (e.appointment !== undefined && sight.booking !== undefined) {
    const b = sight.booking;
    if (!b || b.at !== e.slot || b.service !== e.service) return 'notBooked';
    if (b.ticket !== undefined && b.ticket !== e.ticket) return 'notBooked';
  }
  const cfg = rules.config;
  if (cfg) {
    const service = cfg.services.find((s) => s.id === e.service);
    if (!service || !e.number.startsWith(service.prefix)) return 'unknownService';
    if (e.priority && !service.allowPriority) return 'priorityNotAllowed';
    const ranges = [
      ...cfg.kiosks.map((k) => k.range),
      ...(cfg.join ? [cfg.join.range] : []),
      ...(cfg.booking ? [cfg.booking.range] : []),
    ];
    if (!ranges.some((r) => e.n >= r.from && e.n <= r.to)) return 'numberOutOfRange';
  }
  if (sight.numberTaken) return 'numberTaken';
  // the agent issues phone tickets under the hub's own limits (domain/join/limits.ts)
  if (cfg && sight.authorIssues && roleOfDevice(e.device) !== 'agent') {
    const limit = rateLimitOf(cfg.kiosk);
    if (overRate(sight.authorIssues, wall, limit.maxTickets, limit.windowSec * 1000)) {
      return 'rateLimited';
    }
  }
  return undefined;
}

/**
 * True when adding an issue at `at` puts more than `max` issues inside some window of
 * `windowMs` (half-open, as the kiosk counts). Only windows holding `at` can newly exceed.
 */
export function overRate(
  times: readonly number[],
  at: number,
  max: number,
  windowMs: number,
): boolean {
  const near = times.filter((t) => t > at - windowMs && t < at + windowMs);
  near.push(at);
  near.sort((a, b) => a - b);
  const limit = Math.max(1, Math.floor(max));
  let lo = 0;
  for (let hi = 0; hi < near.length; hi++) {
    while (near[hi]! - near[lo]! >= windowMs) lo++;
    if (hi - lo + 1 > limit) return true;
  }
  return false;
}

/**
 * Per device: the latest receiver time at which it was heard holding `seq` own events. Kept
 * small (the newest seqs); forgetting old entries only weakens the evidence.
 */
export type ContactBook = Map<string, Map<number, number>>;

const CONTACTS_PER_DEVICE = 32;

/**
 * Notes an announcement: `device` held `seq` of its own events. `heardAt` is the receiver's
 * clock, or the announcement's own time when that is earlier (a receiver reading it late, or
 * a device whose clock is behind): a device can weaken the evidence about itself this way, but
 * no more than by staying silent, and never the evidence an earlier announcement gave.
 */
export function noteContact(book: ContactBook, device: string, seq: number, heardAt: number): void {
  let m = book.get(device);
  if (!m) {
    m = new Map();
    book.set(device, m);
  }
  m.set(seq, Math.max(m.get(seq) ?? -Infinity, heardAt));
  if (m.size > CONTACTS_PER_DEVICE) m.delete(Math.min(...m.keys()));
}

/** The latest time the device was heard holding fewer own events than `seq`. */
export function heardBefore(book: ContactBook, device: string, seq: number): number | undefined {
  let latest: number | undefined;
  for (const [held, at] of book.get(device) ?? []) {
    if (held < seq && (latest === undefined || at > latest)) latest = at;
  }
  return latest;
}
