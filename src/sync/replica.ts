import {
  decodeHlc,
  encodeHlc,
  maxHlc,
  receive,
  tick,
  wallOf,
  ZERO_HLC,
  type Hlc,
} from '../domain/clock/hlc.ts';
import type { CommandResult } from '../domain/queue/commands.ts';
import { dayKey } from '../domain/queue/day.ts';
import { compareEvents, eventId, type StoreEvent } from '../domain/queue/events.ts';
import { applyEvent } from '../domain/queue/fold.ts';
import { emptyState, type QueueState } from '../domain/queue/state.ts';
import { EventLog } from '../domain/sync/event-log.ts';
import { MAX_EVENTS_PER_MESSAGE, parseSyncMessage } from '../domain/sync/messages.ts';
import type { Clock, ConnectionState, ReplicaStorage, Transport } from './ports.ts';
import { isSyncTopic, topics, type TopicRoot } from './topics.ts';

export interface ReplicaOptions {
  readonly root: TopicRoot;
  readonly device: string;
  readonly timeZone: string;
  readonly storage: ReplicaStorage;
  readonly transport: Transport;
  readonly clock: Clock;
  /** The hub's agent answers catch-up for every device; a device only for its own events. */
  readonly servesAll?: boolean;
  /** How often the version vector is announced while online (anti-entropy). */
  readonly antiEntropyMs?: number;
  readonly onRejected?: (reason: string) => void;
  /** Called after events from peers were committed and applied. */
  readonly onRemoteApplied?: (events: readonly StoreEvent[]) => void;
}

export type LocalOutcome =
  | { ok: true; event: StoreEvent }
  | { ok: false; error: Extract<CommandResult, { ok: false }>['error'] | 'storageFailed' };

const PUBLISH_TIMEOUT_MS = 10_000;

/**
 * One replica of the store's event log: commits local events, replicates them over the
 * transport, applies peers' events idempotently and answers catch-up requests.
 * Every change to the log goes through one queue, so state is never read half-written.
 */
export class Replica {
  readonly device: string;
  state: QueueState = emptyState();
  version = 0;

  private readonly log = new EventLog();
  private readonly outbox: string[] = [];
  private hlc: Hlc = ZERO_HLC;
  private seq = 0;
  private day = '';
  private lastApplied: StoreEvent | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private draining = false;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private antiEntropyTimer: ReturnType<typeof setInterval> | undefined;
  private readonly answerTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly listeners = new Set<() => void>();
  private closed = false;

  private constructor(private readonly opts: ReplicaOptions) {
    this.device = opts.device;
  }

  static async open(opts: ReplicaOptions): Promise<Replica> {
    const r = new Replica(opts);
    await r.load();
    r.wire();
    return r;
  }

  get connection(): ConnectionState {
    return this.opts.transport.state;
  }

  get pending(): number {
    return this.outbox.length;
  }

  get eventCount(): number {
    return this.log.size;
  }

  vector(): Record<string, number> {
    return this.log.vector();
  }

  /** All events held, in log order (for export and tests). */
  events(): StoreEvent[] {
    return this.log.all();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Decides and commits one local change; serialized with every other change. */
  run(decide: (state: QueueState) => CommandResult): Promise<LocalOutcome> {
    return this.enqueue(async () => {
      this.rollDay();
      const result = decide(this.state);
      if (!result.ok) return result;
      const hlc = tick(this.hlc, this.opts.clock.now());
      const seq = this.seq + 1;
      const event = {
        id: eventId(this.device, seq),
        store: this.opts.root.store,
        device: this.device,
        seq,
        hlc: encodeHlc(hlc),
        ...result.event,
      } as StoreEvent;
      try {
        await this.opts.storage.appendLocal(event);
      } catch (err) {
        this.opts.onRejected?.(`local storage failed: ${describe(err)}`);
        return { ok: false, error: 'storageFailed' } as const;
      }
      // moved only after the commit: a failed write never advances the clock
      this.seq = seq;
      this.hlc = hlc;
      this.log.add(event);
      this.outbox.push(event.id);
      this.applyInOrder([event]);
      this.changed();
      this.drain();
      return { ok: true, event } as const;
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.announceTimer);
    clearInterval(this.antiEntropyTimer);
    for (const t of this.answerTimers.values()) clearTimeout(t);
    await this.queue.catch(() => undefined);
  }

  private async load(): Promise<void> {
    const { events, outbox } = await this.opts.storage.load();
    for (const e of events) {
      this.log.add(e);
      this.hlc = maxHlc(this.hlc, decodeHlc(e.hlc));
      if (e.device === this.device && e.seq > this.seq) this.seq = e.seq;
    }
    this.outbox.push(...outbox);
    this.refold();
  }

  private wire(): void {
    const { transport, root } = this.opts;
    transport.onMessage((topic, payload, bytes) => {
      if (!isSyncTopic(root, topic) || this.closed) return;
      this.receive(payload, bytes);
    });
    transport.onStateChange((s) => {
      this.changed();
      if (s === 'online') {
        this.announce();
        this.drain();
      }
    });
    const every = this.opts.antiEntropyMs ?? 15_000;
    this.antiEntropyTimer = setInterval(() => {
      if (this.rollDay()) this.changed();
      if (transport.state === 'online') this.announce();
    }, every);
    void transport.subscribe([topics.syncAll(root)]).catch((err: unknown) => {
      this.opts.onRejected?.(`subscribe failed: ${describe(err)}`);
    });
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }

  private today(): string {
    return dayKey(this.opts.clock.now(), this.opts.timeZone);
  }

  /** The live queue is today's; at midnight it starts afresh. Returns true on a new day. */
  private rollDay(): boolean {
    if (this.today() === this.day) return false;
    this.refold();
    return true;
  }

  private isToday(e: StoreEvent): boolean {
    return dayKey(wallOf(e.hlc), this.opts.timeZone) === this.day;
  }

  private refold(): void {
    this.day = this.today();
    const state = emptyState();
    let last: StoreEvent | undefined;
    for (const e of this.log.all()) {
      if (!this.isToday(e)) continue;
      applyEvent(state, e);
      last = e;
    }
    this.state = state;
    this.lastApplied = last;
  }

  /** Applies events incrementally when they extend the log's order, else refolds the day. */
  private applyInOrder(batch: StoreEvent[]): void {
    const sorted = batch.filter((e) => this.isToday(e)).sort(compareEvents);
    const first = sorted[0];
    if (!first) return;
    if (this.lastApplied && compareEvents(first, this.lastApplied) < 0) {
      this.refold();
      return;
    }
    for (const e of sorted) applyEvent(this.state, e);
    this.lastApplied = sorted[sorted.length - 1];
  }

  private receive(payload: string, bytes: number): void {
    const msg = parseSyncMessage(payload, bytes);
    if (!msg.ok) {
      this.opts.onRejected?.(`sync message dropped: ${msg.reason}`);
      return;
    }
    if (msg.from === this.device) return;
    if (msg.kind === 'vector') {
      this.onVector(msg.from, msg.vector);
      return;
    }
    for (const reason of msg.rejected)
      this.opts.onRejected?.(`event from ${msg.from} dropped: ${reason}`);
    const fresh = msg.events.filter((e) => e.store === this.opts.root.store);
    if (fresh.length !== msg.events.length) {
      this.opts.onRejected?.(`events from ${msg.from} for another store dropped`);
    }
    if (fresh.length > 0) void this.enqueue(() => this.applyRemote(fresh));
  }

  private async applyRemote(batch: StoreEvent[]): Promise<void> {
    const seen = new Set<string>();
    const fresh = batch.filter((e) => {
      if (this.log.has(e.device, e.seq) || seen.has(e.id) || e.device === this.device) return false;
      seen.add(e.id);
      return true;
    });
    if (fresh.length === 0) return;
    try {
      await this.opts.storage.appendRemote(fresh);
    } catch (err) {
      // not applied and not counted as held: catch-up will bring these events again
      this.opts.onRejected?.(`storing ${fresh.length} events failed: ${describe(err)}`);
      return;
    }
    const now = this.opts.clock.now();
    for (const e of fresh) {
      this.log.add(e);
      this.hlc = receive(this.hlc, decodeHlc(e.hlc), now);
    }
    this.rollDay();
    this.applyInOrder(fresh);
    this.changed();
    this.opts.onRemoteApplied?.(fresh);
    if (this.log.hasGaps()) this.scheduleAnnounce();
  }

  private onVector(from: string, theirs: Record<string, number>): void {
    if (this.log.behind(theirs)) this.scheduleAnnounce();
    // coalesce: answer a peer once per burst of its announcements
    if (this.answerTimers.has(from)) return;
    this.answerTimers.set(
      from,
      setTimeout(() => {
        this.answerTimers.delete(from);
        this.answer(theirs);
      }, 50),
    );
  }

  private answer(theirs: Record<string, number>): void {
    const only = this.opts.servesAll ? undefined : new Set([this.device]);
    const missing = this.log.missingFrom(theirs, only);
    if (missing.length === 0 || this.opts.transport.state !== 'online') return;
    void this.publishEvents(missing).catch(() => undefined);
  }

  private scheduleAnnounce(): void {
    if (this.announceTimer) return;
    this.announceTimer = setTimeout(() => {
      this.announceTimer = undefined;
      this.announce();
    }, 100);
  }

  private announce(): void {
    if (this.opts.transport.state !== 'online' || this.closed) return;
    const payload = JSON.stringify({
      v: 1,
      kind: 'vector',
      from: this.device,
      vector: this.log.vector(),
    });
    void this.opts.transport
      .publish(topics.vector(this.opts.root, this.device), payload, { qos: 0 })
      .catch(() => undefined);
  }

  private async publishEvents(events: readonly StoreEvent[]): Promise<void> {
    for (let i = 0; i < events.length; i += MAX_EVENTS_PER_MESSAGE / 5) {
      const chunk = events.slice(i, i + MAX_EVENTS_PER_MESSAGE / 5);
      const payload = JSON.stringify({ v: 1, kind: 'events', from: this.device, events: chunk });
      await withTimeout(
        this.opts.transport.publish(topics.events(this.opts.root, this.device), payload, {
          qos: 1,
        }),
        PUBLISH_TIMEOUT_MS,
      );
    }
  }

  /** Sends the outbox in order; entries leave it only once the broker acknowledged them. */
  private drain(): void {
    if (this.draining || this.closed || this.opts.transport.state !== 'online') return;
    this.draining = true;
    void (async () => {
      try {
        while (this.outbox.length > 0 && this.opts.transport.state === 'online' && !this.closed) {
          const ids = this.outbox.slice(0, 100);
          const events = ids.map((id) => this.log.get(...splitId(id)));
          await this.publishEvents(events.filter((e): e is StoreEvent => e !== undefined));
          await this.opts.storage.removeFromOutbox(ids);
          this.outbox.splice(0, ids.length);
          this.changed();
        }
      } catch {
        // stays in the outbox; the next connection drains it again
      } finally {
        this.draining = false;
      }
      if (this.outbox.length > 0 && this.opts.transport.state === 'online' && !this.closed) {
        setTimeout(() => this.drain(), 1000);
      }
    })();
  }
}

function splitId(id: string): [string, number] {
  const at = id.lastIndexOf(':');
  return [id.slice(0, at), Number(id.slice(at + 1))];
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no acknowledgement within ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

function describe(err: unknown): string {
  if (err instanceof Error)
    return err.name && err.name !== 'Error' ? `${err.name}: ${err.message}` : err.message;
  return String(err);
}
