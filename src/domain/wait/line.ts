import type { PortableEvent, TicketEvent } from '../portable/types.ts';
import { appointmentPlace, placeIndex, priorityPlace } from '../queue/line-order.ts';

/**
 * The current line as the estimator sees it: who waits for which service in which order,
 * which counters are open, what they serve and whom they are busy with. Built incrementally
 * from portable-log events (LineTracker) or from the app's QueueState (queue-state.ts).
 */
export interface WaitingEntry {
  readonly ticket: string;
  readonly service: string;
  /** Place in line: smaller is earlier (queue/line-order.ts). A transfer keeps the place. */
  readonly key: number;
  /** When this wait began (issue, or the transfer), ms. */
  readonly since: number;
  /** A remote customer who has not checked in yet: not called until they do. */
  readonly awaitingCheckIn?: true;
  /** A booked customer's slot, ms: called from APPOINTMENT_EARLY_MS before it. */
  readonly slotAt?: number;
  /**
   * When a remote customer will check in, if the caller knows it (only the benchmark's
   * full-information oracle does): the simulation takes it instead of the learned rates.
   */
  readonly callableAt?: number;
}

/** A time booked for the day whose customer has not checked in (nor was it cancelled). */
export interface BookedSlot {
  readonly appointment: string;
  readonly service: string;
  readonly slotAt: number;
  /** When its customer will be callable, if known (see WaitingEntry); absent: learned. */
  readonly callableAt?: number;
}

export interface BusyEntry {
  readonly ticket: string;
  readonly service: string;
  readonly key: number;
  /** When the counter called this ticket, ms. */
  readonly calledAt: number;
  /** The customer has arrived at the counter (`ticket.started` seen). */
  readonly started: boolean;
}

export interface CounterEntry {
  readonly id: string;
  readonly open: boolean;
  readonly services: readonly string[];
  readonly busy?: BusyEntry;
}

export interface LineSnapshot {
  /** Every waiting ticket, earliest place first. */
  readonly waiting: readonly WaitingEntry[];
  readonly counters: readonly CounterEntry[];
  /** Booked times not yet checked in (absent: none known). */
  readonly booked?: readonly BookedSlot[];
}

/** What a step of the log taught, for the learned model. */
export type LineFact =
  | {
      readonly kind: 'waitEnded';
      readonly ticket: string;
      readonly service: string;
      readonly waitedMs: number;
      readonly abandoned: boolean;
      /** Dropped because the remote customer never checked in (not a patience matter). */
      readonly noCheckIn?: true;
      /** The customer's first wait (issue to first call), not one after a transfer. */
      readonly first: boolean;
      readonly at: number;
    }
  | {
      readonly kind: 'visitEnded';
      readonly service: string;
      readonly outcome: 'completed' | 'noShow' | 'transferred';
      readonly calledAt: number;
      readonly durationMs: number;
      readonly started: boolean;
      readonly toService?: string;
    }
  /** A remote ticket that had to check in: it did (after delayMs from issue) or was dropped. */
  | {
      readonly kind: 'checkInEnded';
      readonly service: string;
      readonly checkedIn: boolean;
      readonly delayMs: number;
    }
  /** A booked time ended: its customer checked in, or it was cancelled as missed. */
  | {
      readonly kind: 'appointmentEnded';
      readonly service: string;
      readonly showed: boolean;
      /** For one who came: check-in time less the slot, ms (negative: early). */
      readonly offsetMs?: number;
    };

interface TicketRec {
  readonly id: string;
  service: string;
  readonly issuedAt: number;
  readonly key: number;
  status: 'waiting' | 'counter' | 'ended';
  since: number;
  first: boolean;
  counter?: string;
  started: boolean;
  awaitingCheckIn: boolean;
  readonly slotAt?: number;
}

interface CounterRec {
  readonly id: string;
  open: boolean;
  services: string[];
  implicit: boolean;
  busy?: TicketRec;
}

const DAY = 86_400_000;
/** Tickets with early events kept before the oldest are looked at again. */
const EARLY_LIMIT = 1000;

function entryOf(t: TicketRec): WaitingEntry {
  return {
    ticket: t.id,
    service: t.service,
    key: t.key,
    since: t.since,
    ...(t.awaitingCheckIn ? { awaitingCheckIn: true as const } : {}),
    ...(t.slotAt !== undefined ? { slotAt: t.slotAt } : {}),
  };
}

function insertByKey(list: TicketRec[], t: TicketRec): void {
  const last = list[list.length - 1];
  if (!last || last.key <= t.key) list.push(t);
  else list.splice(placeIndex(list, t.key), 0, t);
}

function removeByKey(list: TicketRec[], t: TicketRec): void {
  const at = placeIndex(list, t.key);
  if (list[at] === t) list.splice(at, 1);
  else {
    const i = list.indexOf(t);
    if (i >= 0) list.splice(i, 1);
  }
}

/** Follows the line through portable-log events. Tolerates odd logs: it never throws. */
export class LineTracker {
  private readonly tickets = new Map<string, TicketRec>();
  private readonly lines = new Map<string, TicketRec[]>();
  private readonly counterMap = new Map<string, CounterRec>();
  private readonly bookedMap = new Map<string, BookedSlot>();
  private nextKey = 0;
  private ended = 0;
  /**
   * Events of tickets not issued yet, in the order seen: a device's issue can reach the log
   * after the calls of its tickets (its events were held back, then released). Replayed when
   * the issue comes, so the ticket is not taken as waiting for the rest of the day.
   */
  private readonly early = new Map<string, TicketEvent[]>();
  private earlyLimit = EARLY_LIMIT;

  /** Applies one event; returns what it taught (possibly nothing). */
  apply(e: PortableEvent): LineFact[] {
    switch (e.type) {
      case 'ticket.issued':
        return this.issue(e);
      case 'appointment.booked':
        this.bookedMap.set(e.appointment, {
          appointment: e.appointment,
          service: e.service,
          slotAt: e.slot,
        });
        // bookings whose customer never came and that the log never closed: a day is enough
        for (const [id, b] of this.bookedMap) if (b.slotAt < e.at - DAY) this.bookedMap.delete(id);
        return [];
      case 'appointment.cancelled': {
        const b = this.bookedMap.get(e.appointment);
        this.bookedMap.delete(e.appointment);
        return b && e.reason === 'missed'
          ? [{ kind: 'appointmentEnded', service: b.service, showed: false }]
          : [];
      }
      case 'counter.opened': {
        const c = this.counterMap.get(e.counter);
        if (c) {
          c.open = true;
          c.services = [...e.services];
          c.implicit = false;
        } else {
          this.counterMap.set(e.counter, {
            id: e.counter,
            open: true,
            services: [...e.services],
            implicit: false,
          });
        }
        return [];
      }
      case 'counter.closed': {
        const c = this.counterMap.get(e.counter);
        if (c) c.open = false;
        return [];
      }
      default:
        break;
    }
    const t = this.tickets.get(e.ticket);
    if (!t) {
      this.noteEarly(e);
      return [];
    }
    if (t.status === 'ended') return [];
    switch (e.type) {
      case 'ticket.called': {
        if (t.status !== 'waiting') return [];
        removeByKey(this.lineOf(t.service), t);
        const fact: LineFact = {
          kind: 'waitEnded',
          ticket: t.id,
          service: t.service,
          waitedMs: e.at - t.since,
          abandoned: false,
          first: t.first,
          at: e.at,
        };
        t.status = 'counter';
        t.first = false;
        t.since = e.at;
        t.started = false;
        if (e.counter !== undefined) {
          t.counter = e.counter;
          let c = this.counterMap.get(e.counter);
          if (!c) {
            // A counter the log never opened (e.g. an export that starts mid-day).
            c = { id: e.counter, open: true, services: [t.service], implicit: true };
            this.counterMap.set(c.id, c);
          } else if (c.implicit && !c.services.includes(t.service)) {
            c.services = [...c.services, t.service];
          }
          if (c.busy && c.busy !== t) {
            // The previous visit ended without an event; forget it, learn nothing from it.
            c.busy.status = 'ended';
            this.ended++;
          }
          c.busy = t;
        } else {
          delete t.counter;
        }
        return [fact];
      }
      case 'ticket.recalled':
        return [];
      case 'ticket.checkedIn':
        if (!t.awaitingCheckIn) return [];
        t.awaitingCheckIn = false;
        return [
          { kind: 'checkInEnded', service: t.service, checkedIn: true, delayMs: e.at - t.issuedAt },
        ];
      case 'ticket.started':
        if (t.status === 'counter') t.started = true;
        return [];
      case 'ticket.cancelled':
        if (t.status === 'waiting') {
          removeByKey(this.lineOf(t.service), t);
          this.end(t);
          const noCheckIn = t.awaitingCheckIn && e.reason === 'noCheckIn';
          const ended: LineFact = {
            kind: 'waitEnded',
            ticket: t.id,
            service: t.service,
            waitedMs: e.at - t.since,
            abandoned: true,
            ...(noCheckIn ? { noCheckIn } : {}),
            first: t.first,
            at: e.at,
          };
          if (!noCheckIn) return [ended];
          const dropped: LineFact = {
            kind: 'checkInEnded',
            service: t.service,
            checkedIn: false,
            delayMs: e.at - t.issuedAt,
          };
          return [ended, dropped];
        }
        // Cancelled at the counter: the counter spent its time as on a no-show.
        return [this.endVisit(t, e.at, 'noShow')];
      case 'ticket.completed':
      case 'ticket.noShow':
        if (t.status !== 'counter') return [];
        return [this.endVisit(t, e.at, e.type === 'ticket.completed' ? 'completed' : 'noShow')];
      case 'ticket.transferred': {
        if (t.status !== 'counter') return [];
        const fact = this.endVisit(t, e.at, 'transferred', e.toService);
        t.status = 'waiting';
        t.service = e.toService;
        t.since = e.at;
        insertByKey(this.lineOf(t.service), t);
        return [fact];
      }
    }
  }

  private issue(e: Extract<PortableEvent, { type: 'ticket.issued' }>): LineFact[] {
    if (this.tickets.has(e.ticket)) return [];
    const slotAt = e.appointment !== undefined || e.channel === 'appointment' ? e.slot : undefined;
    const t: TicketRec = {
      id: e.ticket,
      service: e.service,
      issuedAt: e.at,
      key: e.priority
        ? priorityPlace(e.at)
        : slotAt !== undefined
          ? appointmentPlace(slotAt)
          : this.nextKey++,
      status: 'waiting',
      since: e.at,
      first: true,
      started: false,
      awaitingCheckIn: e.checkIn === true,
      ...(slotAt !== undefined ? { slotAt } : {}),
    };
    this.tickets.set(t.id, t);
    insertByKey(this.lineOf(t.service), t);
    const facts: LineFact[] = [];
    const b = e.appointment !== undefined ? this.bookedMap.get(e.appointment) : undefined;
    if (b) {
      this.bookedMap.delete(b.appointment);
      facts.push({
        kind: 'appointmentEnded',
        service: b.service,
        showed: true,
        offsetMs: e.at - b.slotAt,
      });
    }
    const early = this.early.get(t.id);
    if (early) {
      this.early.delete(t.id);
      for (const later of early) facts.push(...this.apply(later));
    }
    return facts;
  }

  /** Keeps an event of a ticket not issued yet; those a day older than it are let go. */
  private noteEarly(e: TicketEvent): void {
    if (e.type === 'ticket.issued') return;
    const list = this.early.get(e.ticket);
    if (list) list.push(e);
    else this.early.set(e.ticket, [e]);
    if (this.early.size <= this.earlyLimit) return;
    // most are tickets issued before the log began (a day's export): never issued here
    for (const [id, l] of this.early) if (l[0]!.at < e.at - DAY) this.early.delete(id);
    this.earlyLimit = Math.max(EARLY_LIMIT, 2 * this.early.size);
  }

  private endVisit(
    t: TicketRec,
    at: number,
    outcome: 'completed' | 'noShow' | 'transferred',
    toService?: string,
  ): LineFact {
    const fact: LineFact = {
      kind: 'visitEnded',
      service: t.service,
      outcome,
      calledAt: t.since,
      durationMs: at - t.since,
      started: t.started,
      ...(toService !== undefined ? { toService } : {}),
    };
    if (t.counter !== undefined) {
      const c = this.counterMap.get(t.counter);
      if (c?.busy === t) delete c.busy;
    }
    delete t.counter;
    if (outcome !== 'transferred') this.end(t);
    return fact;
  }

  private end(t: TicketRec): void {
    t.status = 'ended';
    this.ended++;
    // Ended tickets are kept only as long as needed to ignore their late events.
    if (this.ended > 5000 && this.ended > this.tickets.size / 2) this.compact();
  }

  private compact(): void {
    for (const [id, t] of this.tickets) if (t.status === 'ended') this.tickets.delete(id);
    this.ended = 0;
  }

  private lineOf(service: string): TicketRec[] {
    let l = this.lines.get(service);
    if (!l) {
      l = [];
      this.lines.set(service, l);
    }
    return l;
  }

  /** Waiting tickets of one service, earliest first (do not modify). */
  waitingFor(service: string): readonly WaitingEntry[] {
    return (this.lines.get(service) ?? []).map(entryOf);
  }

  waitingCount(service: string): number {
    return this.lines.get(service)?.length ?? 0;
  }

  /** The earliest waiting ticket's wait so far (the head of the line), or undefined. */
  headSince(service: string): number | undefined {
    return this.lines.get(service)?.[0]?.since;
  }

  /** A waiting ticket's place in line and service, or undefined if it is not waiting. */
  waitingTicket(ticket: string): WaitingEntry | undefined {
    const t = this.tickets.get(ticket);
    if (!t || t.status !== 'waiting') return undefined;
    return entryOf(t);
  }

  /** Waiting tickets of the service ahead of the given place. */
  aheadOf(service: string, key: number): number {
    const l = this.lines.get(service);
    return l ? placeIndex(l, key) : 0;
  }

  counters(): CounterEntry[] {
    const out: CounterEntry[] = [];
    for (const c of this.counterMap.values()) {
      const b = c.busy;
      out.push({
        id: c.id,
        open: c.open,
        services: c.services,
        ...(b
          ? {
              busy: {
                ticket: b.id,
                service: b.service,
                key: b.key,
                calledAt: b.since,
                started: b.started,
              },
            }
          : {}),
      });
    }
    return out;
  }

  snapshot(): LineSnapshot {
    const waiting: WaitingEntry[] = [];
    for (const l of this.lines.values()) {
      for (const t of l) waiting.push(entryOf(t));
    }
    waiting.sort((a, b) => a.key - b.key);
    const booked = [...this.bookedMap.values()];
    return { waiting, counters: this.counters(), ...(booked.length > 0 ? { booked } : {}) };
  }
}
