/**
 * The store link's decisions without I/O: which of the store's durable events to send to the
 * chain and when, what an acknowledgement proves, when to write the cursor and when to report.
 * Inputs (an event committed, an ack, a nack or timeout, connected, disconnected, a tick) go in;
 * effects (publish, persist the cursor, wake me at, report, a note for the log) come out, and a
 * driver (src/hub/chain/) performs them. One owner feeds it, like quinn-proto's Connection: the
 * machine updates its state in place, since copying a day's queue per input would be quadratic.
 *
 * Guarantees: an event leaves `waiting` only on its acknowledgement; an acknowledged event is
 * never published again by this incarnation, nor by a later one once the cursor holding it was
 * persisted (resends between the ack and the persist are inside JetStream's dedup window).
 * Events are first sent in the order they were committed, at most `window` unacknowledged at a
 * time and at most `ratePerSec` (with a burst) so catching up never crowds the store's work.
 */
import { covered, markAcked, toPersisted, type Cursor } from './link-cursor.ts';
import type { LinkReport } from './link-report.ts';
import {
  DEFAULT_LINK_OPTIONS,
  type LinkEffect,
  type LinkInput,
  type LinkItem,
  type LinkOptions,
} from './link-messages.ts';

interface Queued {
  readonly item: LinkItem;
  /** Commit order: requeued events go back to their place. */
  readonly order: number;
}

interface Flight {
  readonly sentAt: number;
  readonly q: Queued;
}

const keyOf = (device: string, seq: number): string => `${device}\u0000${seq}`;

export class LinkMachine {
  /** Every event waiting for its ack: in the queue, or published (then also in `flights`). */
  private readonly known = new Map<string, 'queued' | 'flight'>();
  private readonly flights = new Map<string, Flight>();
  private queue: Queued[] = [];
  private head = 0;
  private nextOrder = 0;
  private connected = false;
  private tokens: number;
  private refilledAt: number;
  private pausedUntil = 0;
  private failures = 0;
  private lastReason = '';
  private dirtySince: number | undefined;
  private lastAckAt: number | undefined;
  private lastEventAt: number | undefined;
  private lastReportAt = -Infinity;
  /** Acks since the link last had nothing waiting, and whether that is worth a log line. */
  private sinceCaughtUp = 0;
  private catchingUp = true;

  /** `cursor` is what the last incarnation persisted (the machine owns it from now on). */
  constructor(
    private readonly cursor: Cursor,
    now: number,
    private readonly opts: LinkOptions = DEFAULT_LINK_OPTIONS,
  ) {
    this.tokens = opts.burst;
    this.refilledAt = now;
  }

  /** Events not yet acknowledged. */
  get waiting(): number {
    return this.known.size;
  }

  isCovered(device: string, seq: number): boolean {
    return covered(this.cursor, device, seq);
  }

  report(now: number): LinkReport {
    return {
      connected: this.connected,
      waiting: this.known.size,
      lastAckAt: this.lastAckAt ?? null,
      lastEventAt: this.lastEventAt ?? null,
      at: now,
    };
  }

  handle(input: LinkInput, now: number): LinkEffect[] {
    const out: LinkEffect[] = [];
    switch (input.kind) {
      case 'committed':
        for (const item of input.items) this.enqueue(item);
        break;
      case 'ack':
        this.ack(input.device, input.seq, now, out);
        break;
      case 'nack':
        this.nack(input.device, input.seq, input.reason, now, out);
        break;
      case 'connected':
        if (!this.connected) {
          this.connected = true;
          // a new connection is a fresh chance: no backoff carried over from the last one
          this.failures = 0;
          this.pausedUntil = 0;
          out.push({ kind: 'note', note: 'up' }, { kind: 'report', report: this.reported(now) });
        }
        break;
      case 'disconnected':
        if (this.connected) {
          this.connected = false;
          this.catchingUp = true;
          this.requeueAll();
          out.push(
            { kind: 'note', note: 'down', waiting: this.known.size },
            { kind: 'report', report: this.reported(now) },
          );
        }
        break;
      case 'tick':
        break;
    }
    this.pump(now, out);
    return out;
  }

  private enqueue(item: LinkItem): void {
    if (this.lastEventAt === undefined || item.at > this.lastEventAt) this.lastEventAt = item.at;
    const key = keyOf(item.device, item.seq);
    if (this.known.has(key) || covered(this.cursor, item.device, item.seq)) return;
    this.known.set(key, 'queued');
    this.queue.push({ item, order: this.nextOrder++ });
  }

  private ack(device: string, seq: number, now: number, out: LinkEffect[]): void {
    const key = keyOf(device, seq);
    this.flights.delete(key);
    // a late ack for a requeued event still proves it: its queue entry is skipped when reached
    this.known.delete(key);
    if (!markAcked(this.cursor, device, seq)) return;
    this.failures = 0;
    this.lastAckAt = now;
    this.dirtySince ??= now;
    this.sinceCaughtUp++;
    if (this.known.size === 0 && this.catchingUp && this.connected) {
      out.push({ kind: 'note', note: 'caughtUp', count: this.sinceCaughtUp });
      out.push({ kind: 'report', report: this.reported(now) });
      this.catchingUp = false;
      this.sinceCaughtUp = 0;
    } else if (this.known.size === 0) this.sinceCaughtUp = 0;
  }

  private nack(device: string, seq: number, reason: string, now: number, out: LinkEffect[]): void {
    const f = this.flights.get(keyOf(device, seq));
    // none: already requeued, or acked meanwhile
    if (f) this.refuse([f.q], reason, now, out);
  }

  /** Refused or timed-out publishes go back to the queue, and sending pauses a while. */
  private refuse(qs: readonly Queued[], reason: string, now: number, out: LinkEffect[]): void {
    this.requeue(qs);
    this.failures++;
    const pause = Math.min(this.opts.maxBackoffMs, this.opts.backoffMs * 2 ** (this.failures - 1));
    this.pausedUntil = Math.max(this.pausedUntil, now + pause);
    if (this.failures === 1 || reason !== this.lastReason)
      out.push({ kind: 'note', note: 'refused', reason, waiting: this.known.size });
    this.lastReason = reason;
  }

  private requeueAll(): void {
    this.requeue([...this.flights.values()].map((f) => f.q));
  }

  /** Puts in-flight events back in the queue at their commit order. */
  private requeue(flights: readonly Queued[]): void {
    if (flights.length === 0) return;
    for (const q of flights) {
      const key = keyOf(q.item.device, q.item.seq);
      this.known.set(key, 'queued');
      this.flights.delete(key);
    }
    const rest = this.queue.slice(this.head);
    this.queue = [...flights, ...rest].sort((a, b) => a.order - b.order);
    this.head = 0;
  }

  private pump(now: number, out: LinkEffect[]): void {
    this.refill(now);
    this.expire(now, out);
    if (this.connected && now >= this.pausedUntil) {
      while (this.flights.size < this.opts.window && this.tokens >= 1) {
        const q = this.take();
        if (!q) break;
        this.tokens--;
        const key = keyOf(q.item.device, q.item.seq);
        this.known.set(key, 'flight');
        this.flights.set(key, { sentAt: now, q });
        out.push({ kind: 'publish', item: q.item });
      }
    }
    if (this.dirtySince !== undefined && now >= this.dirtySince + this.opts.persistDelayMs) {
      this.dirtySince = undefined;
      out.push({ kind: 'persist', cursor: toPersisted(this.cursor) });
    }
    if (now >= this.lastReportAt + this.opts.reportEveryMs)
      out.push({ kind: 'report', report: this.reported(now) });
    out.push({ kind: 'wake', at: this.nextWake(now) });
  }

  private refill(now: number): void {
    const gained = ((now - this.refilledAt) / 1000) * this.opts.ratePerSec;
    this.tokens = Math.min(this.opts.burst, this.tokens + Math.max(0, gained));
    this.refilledAt = now;
  }

  /** Publishes unacknowledged past the timeout go back to the queue, as a refusal would. */
  private expire(now: number, out: LinkEffect[]): void {
    const late: Queued[] = [];
    for (const f of this.flights.values())
      if (now - f.sentAt >= this.opts.ackTimeoutMs) late.push(f.q);
    if (late.length > 0)
      this.refuse(late, `no acknowledgement within ${this.opts.ackTimeoutMs} ms`, now, out);
  }

  private take(): Queued | undefined {
    while (this.head < this.queue.length) {
      const q = this.queue[this.head++];
      if (q && this.known.get(keyOf(q.item.device, q.item.seq)) === 'queued') {
        this.compact();
        return q;
      }
    }
    this.compact();
    return undefined;
  }

  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }

  private reported(now: number): LinkReport {
    this.lastReportAt = now;
    return this.report(now);
  }

  private nextWake(now: number): number {
    const times = [this.lastReportAt + this.opts.reportEveryMs];
    if (this.dirtySince !== undefined) times.push(this.dirtySince + this.opts.persistDelayMs);
    for (const f of this.flights.values()) times.push(f.sentAt + this.opts.ackTimeoutMs);
    const queued = this.known.size - this.flights.size;
    const sendable = this.connected && this.flights.size < this.opts.window && queued > 0;
    if (sendable) {
      const forToken = this.refilledAt + ((1 - this.tokens) / this.opts.ratePerSec) * 1000;
      times.push(Math.max(this.pausedUntil, forToken));
    }
    return Math.max(now + 1, Math.min(...times));
  }
}
