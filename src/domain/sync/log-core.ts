import { decodeHlc, encodeHlc, maxHlc, tick, ZERO_HLC, type Hlc } from '../clock/hlc.ts';
import type { CommandResult } from '../queue/commands.ts';
import { dayKey, startOfDaysBack } from '../queue/day.ts';
import { compareEvents, eventId, type StoreEvent } from '../queue/events.ts';
import { applyEvent, applyEvents, noteRefusals, refusedIds, withRefusals } from '../queue/fold.ts';
import { emptyState, type QueueState } from '../queue/state.ts';
import { summarizeDays, type DaySummary } from '../queue/summary.ts';
import { emptyTicketIndex, indexTicket, type TicketIndex } from './admission.ts';
import { EventLog } from './event-log.ts';
import type { ReplicaPolicy } from './protocol/policy.ts';
import {
  foldableAfter,
  matchingWarmDay,
  tallyWindow,
  WARM_DAY_VERSION,
  type WarmDay,
} from './warm-day.ts';

/**
 * Owns a replica's log core, without I/O: the event log, sequence numbers and the hybrid
 * clock, today's folded state (a new object per change), the day's bounds, compaction of old
 * days, and the events a device holds back until the agent has ruled. Its driver
 * (src/sync/replica.ts) commits to storage before it calls the methods that take events in.
 */
export class LogCore {
  readonly log = new EventLog();
  state: QueueState = emptyState();
  hlc: Hlc = ZERO_HLC;
  seq = 0;
  /** Events arrived out of order and the state waits for a refold (see applyInOrder). */
  stale = false;
  /**
   * Started from a kept day (resumeDay) or from the events read (foldRead): the state is
   * today's, the log holds only what came since, until `load` takes in the stored events.
   */
  partial = false;
  /**
   * A device's provisional refusals: held (they count in its vector) but left out of its state
   * until the agent has ruled. Its verdict refuses them for good; its vector covering them
   * without a verdict lets them in. Only the agent's word is final, so replicas converge.
   */
  readonly quarantine = new Map<string, StoreEvent>();
  /** Today's tickets taken into the log, current even while the state waits for a refold. */
  tickets: TicketIndex = emptyTicketIndex();
  private day = '';
  /**
   * Today's bounds [start, end) as clock values: fixed-width text, so an event's clock value
   * compares with them as it is (parsing its wall time for every event of a refold was a
   * fifth of the refold's time).
   */
  private dayFrom = '';
  private dayTo = '';
  private lastApplied: StoreEvent | undefined;

  constructor(
    readonly device: string,
    readonly store: string,
    readonly timeZone: string,
    private readonly keepDays: number,
    readonly policy: ReplicaPolicy,
  ) {}

  /** Start of the oldest store day kept, as a clock value. */
  since(now: number): string {
    const days = Math.max(1, this.keepDays);
    return encodeHlc({ wall: startOfDaysBack(now, days - 1, this.timeZone), counter: 0 });
  }

  /** Takes in what storage held at start (after resumeDay or foldRead: adds to what came since). */
  load(events: readonly StoreEvent[], floors: Record<string, number>): void {
    for (const [device, seq] of Object.entries(floors)) this.log.raiseFloor(device, seq);
    for (const e of events) this.log.add(e);
    this.takeClock(events, refusedIds(events));
    this.partial = false;
  }

  /**
   * Starts from the events storage read when no kept day fits: today's state folded from them
   * as `refold` folds the log, without building the log first (building, compacting and
   * sorting it were a third of such a start's work in bench/fold-day.ts). The log is `partial`
   * until `load` takes in the same events, but for `unsent` (our own events to send): held at
   * once.
   */
  foldRead(
    events: readonly StoreEvent[],
    floors: Record<string, number>,
    unsent: ReadonlySet<string>,
    now: number,
  ): void {
    for (const [device, seq] of Object.entries(floors)) this.log.raiseFloor(device, seq);
    for (const e of events) if (unsent.has(e.id)) this.log.add(e);
    // as the log would hold them: none at or under its device's floor (settled history)
    const held = events.filter((e) => e.seq > this.log.floorOf(e.device));
    this.foldDay(now, held.sort(compareEvents));
    // the fold noted every verdict among them first: its refusals are refusedIds', unless the
    // floors left some events out (as `load`, the clock counts every verdict read)
    this.takeClock(events, held.length === events.length ? this.state.refused : refusedIds(events));
    this.partial = true;
  }

  /**
   * Our clock and sequence past what storage held. As when they arrived, a refused event drags
   * no clock along: a forged one stamped hours ahead would otherwise set the restarted agent's
   * clock, and every honest event after (issue 15, found by src/hub/disk-chaos.property.test.ts)
   */
  private takeClock(events: readonly StoreEvent[], refused: { has(id: string): boolean }): void {
    // clock values are fixed-width, so the latest compares as text: decoded once, not per event
    let latest = '';
    for (const e of events) {
      if (e.hlc > latest && !refused.has(e.id)) latest = e.hlc;
      if (e.device === this.device && e.seq > this.seq) this.seq = e.seq;
    }
    if (latest) this.hlc = maxHlc(this.hlc, decodeHlc(latest));
    this.seq = Math.max(this.seq, this.log.floorOf(this.device));
  }

  /** The live queue is today's: true when `now` is another day than the one folded. */
  dayChanged(now: number): boolean {
    return dayKey(now, this.timeZone) !== this.day;
  }

  /** Drops old days' events not in the outbox; what storage must record of them. */
  compact(
    now: number,
    outbox: readonly string[],
  ): { before: string; floors: Record<string, number>; summaries: DaySummary[] } | undefined {
    const before = this.since(now);
    const inOutbox = new Set(outbox);
    const dropped = this.log.compactBefore(before, (e) => inOutbox.has(e.id));
    if (dropped.length === 0) return undefined;
    const floors: Record<string, number> = {};
    for (const e of dropped) floors[e.device] = this.log.floorOf(e.device);
    return { before, floors, summaries: summarizeDays(dropped, this.timeZone) };
  }

  isToday(e: StoreEvent): boolean {
    return e.hlc >= this.dayFrom && e.hlc < this.dayTo;
  }

  /** Folds today again from the log: a fresh state. */
  refold(now: number): void {
    this.foldDay(now, this.log.all());
  }

  /** Today's state folded from `all`, in log order: refused and quarantined events left out. */
  private foldDay(now: number, all: readonly StoreEvent[]): void {
    this.setDay(now);
    this.stale = false;
    const state = emptyState();
    const tickets = emptyTicketIndex();
    let last: StoreEvent | undefined;
    noteRefusals(state, all);
    for (const e of all) {
      if (!this.isToday(e) || this.quarantine.has(e.id) || state.refused.has(e.id)) continue;
      applyEvent(state, e);
      if (e.type === 'ticket.issued') indexTicket(tickets, e);
      last = e;
    }
    this.tickets = tickets;
    this.state = state;
    this.lastApplied = last;
  }

  /**
   * Today's state to keep for the next start (warm-day.ts), while it is exactly the fold of
   * the log: not while events wait for a refold or the agent's ruling, nor before the log is
   * all in (a warm start's first moments).
   */
  keepDay(now: number): WarmDay | undefined {
    if (this.partial || this.stale || this.quarantine.size > 0 || this.dayChanged(now)) {
      return undefined;
    }
    const since = this.since(now);
    const { inWindow, upTo, verdictBefore } = tallyWindow(this.log.values(), since);
    if (verdictBefore) return undefined;
    return {
      version: WARM_DAY_VERSION,
      day: this.day,
      since,
      inWindow,
      upTo,
      state: this.state,
      tickets: this.tickets,
      hlc: encodeHlc(this.hlc),
      seq: this.seq,
      ...(this.lastApplied ? { last: this.lastApplied } : {}),
    };
  }

  /**
   * Starts from a kept day instead of the log, when storage still holds `inWindow` events from
   * its `since` on, or up to its `upTo` and `newer` ones after it (warm-day.ts): today's state is
   * whole, the newer events folded on; the log is not (`partial`) until `load` takes in the
   * events. False: load and fold instead.
   */
  resumeDay(
    kept: unknown,
    stored: {
      readonly inWindow: number;
      readonly floors: Record<string, number>;
      readonly newer?: readonly StoreEvent[];
    },
    now: number,
  ): boolean {
    const { day } = this.dayOf(now);
    const warm = matchingWarmDay(kept, { day, since: this.since(now), inWindow: stored.inWindow });
    const newer = warm && foldableAfter(warm, stored.newer ?? []);
    if (!warm || !newer) return false;
    this.setDay(now);
    for (const [device, seq] of Object.entries(stored.floors)) this.log.raiseFloor(device, seq);
    this.state = warm.state;
    this.tickets = warm.tickets;
    this.lastApplied = warm.last;
    this.hlc = maxHlc(this.hlc, decodeHlc(warm.hlc));
    this.seq = Math.max(this.seq, warm.seq, this.log.floorOf(this.device));
    this.partial = true;
    this.foldOn(newer);
    return true;
  }

  /** Events later than everything folded, in order: folded on as `refold` would fold them. */
  private foldOn(events: readonly StoreEvent[]): void {
    for (const e of events) {
      this.log.add(e);
      if (e.device === this.device && e.seq > this.seq) this.seq = e.seq;
      // (no verdict is among them: foldableAfter)
      if (this.state.refused.has(e.id)) continue;
      this.hlc = maxHlc(this.hlc, decodeHlc(e.hlc));
      if (!this.isToday(e)) continue;
      applyEvent(this.state, e);
      if (e.type === 'ticket.issued') indexTicket(this.tickets, e);
      this.lastApplied = e;
    }
  }

  private setDay(now: number): void {
    ({ day: this.day, dayFrom: this.dayFrom, dayTo: this.dayTo } = this.dayOf(now));
  }

  /** The store day of `now`: its key, and its bounds [dayFrom, dayTo) as clock values. */
  private dayOf(now: number): { day: string; dayFrom: string; dayTo: string } {
    const tz = this.timeZone;
    const dayStart = startOfDaysBack(now, 0, tz);
    return {
      day: dayKey(now, tz),
      dayFrom: encodeHlc({ wall: dayStart, counter: 0 }),
      // 30 hours after midnight is always tomorrow, whatever the daylight-saving change
      dayTo: encodeHlc({ wall: startOfDaysBack(dayStart + 30 * 3_600_000, 0, tz), counter: 0 }),
    };
  }

  /**
   * Applies events incrementally when they extend the log's order. Else the day needs folding
   * again: 'refold' when the policy does it at once (done here), 'stale' when the driver
   * should refold soon (a catch-up of many messages, each reaching back, stays linear).
   */
  applyInOrder(batch: readonly StoreEvent[], now: number): 'applied' | 'refold' | 'stale' {
    if (this.stale) return 'stale'; // the refold due soon folds these too
    const sorted = batch.filter((e) => this.isToday(e)).sort(compareEvents);
    const first = sorted[0];
    if (!first) return 'applied';
    if (this.lastApplied && compareEvents(first, this.lastApplied) < 0) {
      // the agent publishes public topics from its state right after applying: never stale
      if (this.policy.refoldsAtOnce) {
        this.refold(now);
        return 'refold';
      }
      this.stale = true;
      return 'stale';
    }
    // a new state object: whoever holds the old one (a React memo) sees it unchanged
    this.state = applyEvents(this.state, sorted);
    this.lastApplied = sorted[sorted.length - 1];
    return 'applied';
  }

  /** Decides a local change on today's state; the event it would write, not yet committed. */
  decide(
    decideFn: (state: QueueState, at: number) => CommandResult,
    now: number,
  ):
    | { ok: false; result: Extract<CommandResult, { ok: false }> }
    | { ok: true; event: StoreEvent; hlc: Hlc } {
    const hlc = tick(this.hlc, now);
    const result = decideFn(this.state, hlc.wall);
    if (!result.ok) return { ok: false, result };
    const seq = this.seq + 1;
    const event = {
      id: eventId(this.device, seq),
      store: this.store,
      device: this.device,
      seq,
      hlc: encodeHlc(hlc),
      ...result.event,
    } as StoreEvent;
    return { ok: true, event, hlc };
  }

  /** A local event is on disk: the clock and sequence move only now. */
  committedLocal(event: StoreEvent, hlc: Hlc, now: number): 'applied' | 'refold' | 'stale' {
    this.seq = event.seq;
    this.hlc = hlc;
    this.log.add(event);
    this.noteTickets([event]);
    return this.applyInOrder([event], now);
  }

  /** Indexes today's tickets just taken into the log. */
  noteTickets(events: readonly StoreEvent[]): void {
    for (const e of events) {
      if (e.type === 'ticket.issued' && this.isToday(e) && !this.state.refused.has(e.id)) {
        indexTicket(this.tickets, e);
      }
    }
  }

  /**
   * Notes the agent's verdicts; an event already folded into today's state that a verdict
   * refuses needs the day folded again without it. True when it refolded.
   */
  applyVerdicts(events: readonly StoreEvent[], now: number): boolean {
    const verdicts = events.filter((e) => e.type === 'event.refused');
    if (verdicts.length === 0) return false;
    const before = new Set(this.state.refused.keys());
    this.state = withRefusals(this.state, verdicts);
    let folded = false;
    for (const id of this.state.refused.keys()) {
      if (before.has(id) || this.quarantine.delete(id)) continue;
      const e = this.log.get(...deviceAndSeq(id));
      if (e && this.isToday(e)) folded = true;
    }
    // at once: a state that names an event refused must not still show it
    if (folded) this.refold(now);
    return folded;
  }

  /**
   * Lets in held-back events the agent has ruled on without refusing them: its vector covers
   * them, and we hold every verdict it had written by then. A ticket we took meanwhile with the
   * same id or number, and the agent has not ruled on, lost to it there: it waits in turn.
   * Returns the events let in (the day was folded again with them).
   */
  settleQuarantine(
    said: { readonly device: string; readonly vector: Record<string, number> } | undefined,
    now: number,
  ): StoreEvent[] {
    if (!said || this.quarantine.size === 0) return [];
    if ((this.log.vector()[said.device] ?? 0) < (said.vector[said.device] ?? 0)) return [];
    const ruled = (e: StoreEvent): boolean => (said.vector[e.device] ?? 0) >= e.seq;
    const released: StoreEvent[] = [];
    for (const [id, e] of this.quarantine) {
      if (!ruled(e)) continue;
      this.quarantine.delete(id);
      if (this.state.refused.has(id)) continue;
      released.push(e);
      if (e.type !== 'ticket.issued' || !this.isToday(e)) continue;
      for (const other of [this.tickets.byId.get(e.ticket), this.tickets.byNumber.get(e.number)]) {
        const o = other === undefined ? undefined : this.log.get(...deviceAndSeq(other));
        if (o && o.id !== id && !ruled(o)) this.quarantine.set(o.id, o);
      }
    }
    if (released.length > 0) this.refold(now);
    return released;
  }
}

export function deviceAndSeq(id: string): [string, number] {
  const i = id.lastIndexOf(':');
  return [id.slice(0, i), Number(id.slice(i + 1))];
}
