import {
  APPOINTMENT_EARLY_MS,
  appointmentPlace,
  firstToCall,
  placeIndex,
  placeKey,
} from '../queue/line-order.ts';
import type { TicketChannel } from '../queue/events.ts';
import type { PortableEvent } from './types.ts';

/**
 * A discrete-event simulation of a store's counters, driven by given customers and a given
 * counter schedule, that writes a portable log. The what-if tool re-plays a real day's
 * customers under another schedule with it; the benchmark feeds it customers drawn from
 * queueing models.
 *
 * Rules: a counter that is open and free calls the first ticket in line among its services
 * that may be called (queue/line-order.ts `firstToCall`: priority tickets first, then booked
 * customers by slot, then by issue; a transfer keeps the place; a remote customer who must
 * check in is passed over until they do and is dropped, reason 'noCheckIn', after the grace
 * time; a booked customer is called from 5 minutes before the slot, earlier only when nobody
 * else can be). Bookings (SimBooking) write `appointment.booked` and, when missed,
 * `appointment.cancelled`.
 * A customer leaves the line when his patience runs out before the first call. A shift's end closes the
 * counter to new calls; the visit in progress is finished.
 */
export interface SimVisit {
  /** Counter time: from the call to the end of the visit, ms. */
  readonly durationMs: number;
  readonly outcome: 'completed' | 'noShow' | 'transferred';
  /** For a transfer: the service the customer queues for next (his next visit). */
  readonly toService?: string;
  /** Call to `ticket.started`, ms; absent when the customer never came (no-show). */
  readonly startAfterMs?: number;
  /** `ticket.recalled` events, ms after the call. */
  readonly recallsMs?: readonly number[];
}

export interface SimCustomer {
  readonly ticket: string;
  readonly number?: string;
  readonly service: string;
  /** Issue time, ms since the epoch. */
  readonly arrival: number;
  /** Priority service: goes before every customer without it (among themselves by arrival). */
  readonly priority?: boolean;
  /** Time he waits for the first call before leaving, ms (Infinity: he stays). */
  readonly patienceMs: number;
  /** His visits in order: the first for `service`, then one after each transfer. */
  readonly visits: readonly SimVisit[];
  /** Where the ticket was taken (absent: a kiosk). */
  readonly channel?: TicketChannel;
  /**
   * A remote ticket that must check in: ms from the issue to the check-in (Infinity: never);
   * it is dropped with reason 'noCheckIn' `graceMs` after the issue if not checked in by then.
   */
  readonly checkInAfterMs?: number;
  readonly graceMs?: number;
  /** A booked customer's ticket, issued at their check-in: the booking and its slot (ms). */
  readonly appointment?: string;
  readonly slotAt?: number;
}

/** A booking: written when booked; a missed one is cancelled with reason 'missed'. */
export interface SimBooking {
  readonly appointment: string;
  readonly service: string;
  /** When it was booked, and its slot, ms. */
  readonly bookedAt: number;
  readonly slotAt: number;
  /** The customer never came: cancelled at this time. */
  readonly missedAt?: number;
}

export interface CounterShift {
  readonly counter: string;
  readonly services: readonly string[];
  /** ms since the epoch */
  readonly from: number;
  readonly to: number;
  /** At `to`, keep calling until the counter's lines are empty, then close (closing time). */
  readonly drain?: boolean;
}

export interface SimResult {
  readonly events: PortableEvent[];
  /** Per customer (same order as given): time of the first call, or NaN if never called. */
  readonly firstCall: Float64Array;
  /** Per customer: true if he left the line before being called. */
  readonly abandoned: Uint8Array;
}

interface Waiter {
  readonly idx: number;
  /** Place in line. */
  readonly key: number;
  service: string;
  visit: number;
  gone: boolean;
  /** line-order.ts `isCallable`'s fields. */
  awaitingCheckIn: boolean;
  readonly slotAt?: number;
}

interface Counter {
  readonly id: string;
  open: boolean;
  services: readonly string[];
  busy: Waiter | undefined;
  idleSince: number;
  /** Past the end of a draining shift: closes as soon as it finds nobody to call. */
  draining: boolean;
}

const enum Kind {
  VisitEnd,
  ShiftStart,
  ShiftEnd,
  Abandon,
  CheckIn,
  NoCheckIn,
  SlotOpen,
  Booked,
  Missed,
}

class EventHeap {
  private t: number[] = [];
  private seq: number[] = [];
  private kind: Kind[] = [];
  private ref: number[] = [];
  private n = 0;
  private counter = 0;
  get size(): number {
    return this.n;
  }
  topTime(): number {
    return this.n > 0 ? this.t[0]! : Infinity;
  }
  private less(i: number, j: number): boolean {
    return this.t[i]! < this.t[j]! || (this.t[i] === this.t[j] && this.seq[i]! < this.seq[j]!);
  }
  private swap(i: number, j: number): void {
    [this.t[i], this.t[j]] = [this.t[j]!, this.t[i]!];
    [this.seq[i], this.seq[j]] = [this.seq[j]!, this.seq[i]!];
    [this.kind[i], this.kind[j]] = [this.kind[j]!, this.kind[i]!];
    [this.ref[i], this.ref[j]] = [this.ref[j]!, this.ref[i]!];
  }
  push(time: number, kind: Kind, ref: number): void {
    let i = this.n++;
    this.t[i] = time;
    this.seq[i] = this.counter++;
    this.kind[i] = kind;
    this.ref[i] = ref;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }
  pop(): { time: number; kind: Kind; ref: number } {
    const top = { time: this.t[0]!, kind: this.kind[0]!, ref: this.ref[0]! };
    const n = --this.n;
    if (n > 0) {
      this.t[0] = this.t[n]!;
      this.seq[0] = this.seq[n]!;
      this.kind[0] = this.kind[n]!;
      this.ref[0] = this.ref[n]!;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && this.less(r, l) ? r : l;
        if (!this.less(c, i)) break;
        this.swap(c, i);
        i = c;
      }
    }
    return top;
  }
}

function isSpecial(w: Waiter): boolean {
  return w.awaitingCheckIn || w.slotAt !== undefined;
}

/** The issue event of a customer, with the extensions the wait model reads. */
function issued(cust: SimCustomer): PortableEvent {
  return {
    at: cust.arrival,
    type: 'ticket.issued',
    ticket: cust.ticket,
    service: cust.service,
    ...(cust.number !== undefined ? { number: cust.number } : {}),
    ...(cust.priority ? { priority: true as const } : {}),
    ...(cust.channel !== undefined ? { channel: cust.channel } : {}),
    ...(cust.checkInAfterMs !== undefined ? { checkIn: true as const } : {}),
    ...(cust.appointment !== undefined ? { appointment: cust.appointment } : {}),
    ...(cust.slotAt !== undefined ? { slot: cust.slotAt } : {}),
  };
}

/** A remote customer's check-in or drop, a booked customer's callable time. */
function scheduleChannel(heap: EventHeap, cust: SimCustomer, idx: number): void {
  const after = cust.checkInAfterMs;
  if (after !== undefined) {
    const grace = cust.graceMs ?? Infinity;
    if (after <= grace) heap.push(cust.arrival + Math.max(0, after), Kind.CheckIn, idx);
    else if (Number.isFinite(grace)) heap.push(cust.arrival + grace, Kind.NoCheckIn, idx);
  }
  if (cust.slotAt !== undefined && cust.slotAt - APPOINTMENT_EARLY_MS > cust.arrival)
    heap.push(cust.slotAt - APPOINTMENT_EARLY_MS, Kind.SlotOpen, idx);
}

/** A service's line: entries ordered by key, consumed from `head`; left customers are skipped. */
class Line {
  items: Waiter[] = [];
  head = 0;
  first(): Waiter | undefined {
    while (this.head < this.items.length && this.items[this.head]!.gone) this.head++;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return this.items[this.head];
  }
  insert(w: Waiter): void {
    const items = this.items;
    if (items.length === this.head || items[items.length - 1]!.key <= w.key) {
      items.push(w);
      return;
    }
    // after those at the same place (booked customers of one slot: by arrival)
    let i = placeIndex(items, w.key, this.head);
    while (i < items.length && items[i]!.key === w.key) i++;
    items.splice(i, 0, w);
  }
  /** The waiting tickets, in order. */
  waiting(): Waiter[] {
    const out: Waiter[] = [];
    for (let i = this.head; i < this.items.length; i++)
      if (!this.items[i]!.gone) out.push(this.items[i]!);
    return out;
  }
}

export function simulate(
  customers: readonly SimCustomer[],
  shifts: readonly CounterShift[],
  bookings: readonly SimBooking[] = [],
): SimResult {
  const events: PortableEvent[] = [];
  const firstCall = new Float64Array(customers.length).fill(NaN);
  const abandoned = new Uint8Array(customers.length);
  const heap = new EventHeap();
  const lines = new Map<string, Line>();
  const lineOf = (s: string): Line => {
    let l = lines.get(s);
    if (!l) {
      l = new Line();
      lines.set(s, l);
    }
    return l;
  };
  const counters: Counter[] = [];
  const counterIndex = new Map<string, number>();
  shifts.forEach((s, i) => {
    if (!(s.to > s.from)) return;
    if (!counterIndex.has(s.counter)) {
      counterIndex.set(s.counter, counters.length);
      counters.push({
        id: s.counter,
        open: false,
        services: [],
        busy: undefined,
        idleSince: -Infinity,
        draining: false,
      });
    }
    heap.push(s.from, Kind.ShiftStart, i);
    heap.push(s.to, Kind.ShiftEnd, i);
  });
  const waiters: (Waiter | undefined)[] = new Array<Waiter | undefined>(customers.length);
  bookings.forEach((b, i) => {
    heap.push(b.bookedAt, Kind.Booked, i);
    if (b.missedAt !== undefined) heap.push(b.missedAt, Kind.Missed, i);
  });
  /** Waiting tickets that are not plainly callable (remote, booked): the rule needs `now`. */
  let special = 0;

  const call = (c: Counter, w: Waiter, at: number): void => {
    const cust = customers[w.idx]!;
    const v = cust.visits[w.visit];
    c.busy = w;
    events.push({ at, type: 'ticket.called', ticket: cust.ticket, counter: c.id });
    if (w.visit === 0) firstCall[w.idx] = at;
    const ci = counterIndex.get(c.id)!;
    if (!v) {
      // No data for this visit: count it as a zero-length completion.
      events.push({ at, type: 'ticket.completed', ticket: cust.ticket, counter: c.id });
      heap.push(at, Kind.VisitEnd, ci);
      return;
    }
    const duration = Math.max(1, Math.round(v.durationMs));
    for (const r of v.recallsMs ?? []) {
      const t = Math.round(r);
      if (t > 0 && t < duration)
        events.push({ at: at + t, type: 'ticket.recalled', ticket: cust.ticket, counter: c.id });
    }
    if (v.startAfterMs !== undefined && v.outcome !== 'noShow') {
      const t = Math.min(duration - 1, Math.max(0, Math.round(v.startAfterMs)));
      events.push({ at: at + t, type: 'ticket.started', ticket: cust.ticket, counter: c.id });
    }
    heap.push(at + duration, Kind.VisitEnd, ci);
  };

  /** The first ticket of the counter's lines by place (all callable: no remote or booked). */
  const firstInLines = (c: Counter): Waiter | undefined => {
    let best: Waiter | undefined;
    for (const s of c.services) {
      const w = lines.get(s)?.first();
      if (w && (!best || w.key < best.key)) best = w;
    }
    return best;
  };

  /** The counter's lines merged in order, and line-order.ts's choice among them. */
  const firstCallable = (c: Counter, at: number): Waiter | undefined => {
    const merged = c.services.flatMap((s) => lines.get(s)?.waiting() ?? []);
    merged.sort((a, b) => a.key - b.key);
    return firstToCall(merged, at);
  };

  const dispatch = (c: Counter, at: number): void => {
    if (!c.open || c.busy) return;
    const best = special > 0 ? firstCallable(c, at) : firstInLines(c);
    if (!best) {
      c.idleSince = Math.min(c.idleSince, at);
      if (c.draining) close(c, at);
      return;
    }
    take(best);
    c.idleSince = Infinity;
    call(c, best, at);
  };

  const take = (w: Waiter): void => {
    w.gone = true;
    if (isSpecial(w)) special--;
    lines.get(w.service)?.first(); // moves the head past it
  };

  const close = (c: Counter, at: number): void => {
    c.open = false;
    c.draining = false;
    events.push({ at, type: 'counter.closed', counter: c.id });
  };

  /** A ticket joined a line: an idle open counter serving it calls (the one idle longest). */
  const offer = (service: string, at: number): void => {
    let pick: Counter | undefined;
    for (const c of counters) {
      if (!c.open || c.busy || !c.services.includes(service)) continue;
      if (!pick || c.idleSince < pick.idleSince) pick = c;
    }
    if (pick) dispatch(pick, at);
  };

  const enqueue = (w: Waiter, at: number): void => {
    w.gone = false;
    if (isSpecial(w)) special++;
    lineOf(w.service).insert(w);
    offer(w.service, at);
  };

  /** A waiting ticket leaves the line without a call. */
  const leave = (w: Waiter): void => {
    w.gone = true;
    if (isSpecial(w)) special--;
  };

  let next = 0;
  while (next < customers.length || heap.size > 0) {
    const arrivalAt = next < customers.length ? customers[next]!.arrival : Infinity;
    // at equal times the counters (openings, ends of visits) go first
    if (arrivalAt < heap.topTime()) {
      const idx = next++;
      const cust = customers[idx]!;
      events.push(issued(cust));
      const booked = cust.slotAt !== undefined && !cust.priority;
      const key = booked ? appointmentPlace(cust.slotAt) : placeKey(Boolean(cust.priority), idx);
      const w: Waiter = {
        idx,
        key,
        service: cust.service,
        visit: 0,
        gone: false,
        awaitingCheckIn: cust.checkInAfterMs !== undefined,
        ...(booked ? { slotAt: cust.slotAt } : {}),
      };
      waiters[idx] = w;
      if (Number.isFinite(cust.patienceMs))
        heap.push(cust.arrival + Math.max(0, cust.patienceMs), Kind.Abandon, idx);
      scheduleChannel(heap, cust, idx);
      enqueue(w, cust.arrival);
      continue;
    }
    const ev = heap.pop();
    const at = ev.time;
    switch (ev.kind) {
      case Kind.ShiftStart: {
        const s = shifts[ev.ref]!;
        const c = counters[counterIndex.get(s.counter)!]!;
        c.open = true;
        c.draining = false;
        c.services = [...s.services];
        if (!c.busy) c.idleSince = at;
        events.push({ at, type: 'counter.opened', counter: c.id, services: [...s.services] });
        dispatch(c, at);
        break;
      }
      case Kind.ShiftEnd: {
        const s = shifts[ev.ref]!;
        const c = counters[counterIndex.get(s.counter)!]!;
        if (!c.open) break;
        if (s.drain) {
          c.draining = true;
          if (!c.busy) dispatch(c, at);
        } else {
          close(c, at);
        }
        break;
      }
      case Kind.Abandon: {
        const w = waiters[ev.ref]!;
        if (w.visit !== 0 || w.gone) break;
        leave(w);
        abandoned[w.idx] = 1;
        events.push({ at, type: 'ticket.cancelled', ticket: customers[w.idx]!.ticket });
        break;
      }
      case Kind.CheckIn: {
        const w = waiters[ev.ref]!;
        if (w.visit !== 0 || w.gone || !w.awaitingCheckIn) break;
        special--;
        w.awaitingCheckIn = false;
        if (isSpecial(w)) special++;
        events.push({ at, type: 'ticket.checkedIn', ticket: customers[w.idx]!.ticket });
        offer(w.service, at);
        break;
      }
      case Kind.NoCheckIn: {
        const w = waiters[ev.ref]!;
        if (w.visit !== 0 || w.gone || !w.awaitingCheckIn) break;
        leave(w);
        const ticket = customers[w.idx]!.ticket;
        events.push({ at, type: 'ticket.cancelled', ticket, reason: 'noCheckIn' });
        break;
      }
      case Kind.SlotOpen: {
        const w = waiters[ev.ref]!;
        if (!w.gone) offer(w.service, at);
        break;
      }
      case Kind.Booked: {
        const b = bookings[ev.ref]!;
        events.push({
          at,
          type: 'appointment.booked',
          appointment: b.appointment,
          service: b.service,
          slot: b.slotAt,
        });
        break;
      }
      case Kind.Missed: {
        const b = bookings[ev.ref]!;
        events.push({
          at,
          type: 'appointment.cancelled',
          appointment: b.appointment,
          reason: 'missed',
        });
        break;
      }
      case Kind.VisitEnd: {
        const c = counters[ev.ref]!;
        const w = c.busy;
        c.busy = undefined;
        c.idleSince = at;
        if (w) {
          const cust = customers[w.idx]!;
          const v = cust.visits[w.visit];
          if (v) {
            const to = v.toService;
            if (v.outcome === 'transferred' && to !== undefined && cust.visits[w.visit + 1]) {
              events.push({
                at,
                type: 'ticket.transferred',
                ticket: cust.ticket,
                counter: c.id,
                toService: to,
              });
              w.visit++;
              w.service = to;
              enqueue(w, at);
            } else {
              const type = v.outcome === 'noShow' ? 'ticket.noShow' : 'ticket.completed';
              events.push({ at, type, ticket: cust.ticket, counter: c.id });
            }
          }
        }
        dispatch(c, at);
        break;
      }
    }
  }
  // Stable: events at the same time keep the order in which they happened.
  events.sort((a, b) => a.at - b.at);
  return { events, firstCall, abandoned };
}
