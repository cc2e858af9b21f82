import type { StoreEvent } from '../domain/queue/events.ts';
import type { DaySummary } from '../domain/queue/summary.ts';
import { readKeptDay, type WarmDay } from '../domain/sync/warm-day.ts';
import type {
  Clock,
  ConnectionState,
  LoadedLog,
  ReplicaStorage,
  StartRead,
  Transport,
} from './ports.ts';

/** MQTT topic filter match with + and # wildcards. */
export function topicMatches(filter: string, topic: string): boolean {
  const f = filter.split('/');
  const t = topic.split('/');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return true;
    if (i >= t.length) return false;
    if (f[i] !== '+' && f[i] !== t[i]) return false;
  }
  return f.length === t.length;
}

/**
 * An in-process broker: the test implementation of the transport port. Delivery is
 * asynchronous like a real broker's; clients can be taken offline and back. Given a clock (the
 * simulation scheduler's), deliveries are timers on it and tests run in virtual time.
 */
export class MemoryBroker {
  private readonly clients = new Set<MemoryTransport>();
  readonly retained = new Map<string, string>();
  delivered = 0;

  constructor(readonly clock?: Clock) {}

  connect(clientId: string): MemoryTransport {
    const c = new MemoryTransport(this, clientId);
    this.clients.add(c);
    return c;
  }

  /** @internal */
  route(topic: string, payload: string, retain: boolean): void {
    if (retain) this.retained.set(topic, payload);
    for (const c of this.clients) {
      if (c.state === 'online' && c.wants(topic)) {
        this.delivered++;
        const deliver = (): void => c.deliver(topic, payload);
        if (this.clock) this.clock.after(0, deliver);
        else setTimeout(deliver, 0);
      }
    }
  }

  /** @internal */
  detach(c: MemoryTransport): void {
    this.clients.delete(c);
  }
}

/**
 * What in-process transports share: topic filters, handlers, and a connection state whose
 * changes are announced. Subclasses decide how messages travel.
 */
export abstract class LocalTransport implements Transport {
  state: ConnectionState;
  private readonly filters = new Set<string>();
  private readonly messageHandlers: ((topic: string, payload: string, bytes: number) => void)[] =
    [];
  private readonly stateHandlers: ((s: ConnectionState) => void)[] = [];

  constructor(initial: ConnectionState) {
    this.state = initial;
  }

  abstract publish(
    topic: string,
    payload: string,
    opts: { qos: 0 | 1; retain?: boolean },
  ): Promise<void>;
  abstract close(): Promise<void>;

  wants(topic: string): boolean {
    for (const f of this.filters) if (topicMatches(f, topic)) return true;
    return false;
  }

  deliver(topic: string, payload: string): void {
    if (this.state !== 'online') return;
    for (const h of this.messageHandlers) h(topic, payload, payload.length);
  }

  setState(s: ConnectionState): void {
    if (s === this.state) return;
    this.state = s;
    this.stateChanged();
    for (const h of this.stateHandlers) h(s);
  }

  /** Hook for subclasses that track connection generations. */
  protected stateChanged(): void {}

  subscribe(topics: readonly string[]): Promise<void> {
    for (const t of topics) this.filters.add(t);
    return Promise.resolve();
  }

  onMessage(handler: (topic: string, payload: string, bytes: number) => void): void {
    this.messageHandlers.push(handler);
  }

  onStateChange(handler: (s: ConnectionState) => void): void {
    this.stateHandlers.push(handler);
  }
}

export class MemoryTransport extends LocalTransport {
  constructor(
    private readonly broker: MemoryBroker,
    readonly clientId: string,
  ) {
    super('online');
  }

  setOnline(online: boolean): void {
    this.setState(online ? 'online' : 'offline');
  }

  publish(topic: string, payload: string, opts: { qos: 0 | 1; retain?: boolean }): Promise<void> {
    if (this.state !== 'online') return Promise.reject(new Error('not connected'));
    this.broker.route(topic, payload, opts.retain ?? false);
    // in virtual time the broker acknowledges at once: nothing else would move time on
    if (this.broker.clock) return Promise.resolve();
    return new Promise((resolve) => setTimeout(resolve, 0));
  }

  close(): Promise<void> {
    this.state = 'offline';
    this.broker.detach(this);
    return Promise.resolve();
  }
}

/** The test implementation of the storage port; can be told to fail like a full disk. */
export class MemoryStorage implements ReplicaStorage {
  readonly events = new Map<string, StoreEvent>();
  outbox: string[] = [];
  floors: Record<string, number> = {};
  readonly summaries = new Map<string, DaySummary>();
  /** Today's state as kept (copied, as IndexedDB does); undefined: none. */
  warm: WarmDay | undefined;
  failWrites = false;

  load(_since: string): Promise<LoadedLog> {
    return Promise.resolve({
      events: [...this.events.values()],
      outbox: [...this.outbox],
      floors: { ...this.floors },
    });
  }

  /** As src/data/idb-log.ts reads a start (copied, as IndexedDB does). */
  loadStart(since: string): Promise<StartRead> {
    const read = structuredClone(readKeptDay(this.events.values(), this.warm, since));
    return Promise.resolve({ ...read, outbox: [...this.outbox], floors: { ...this.floors } });
  }

  keepDay(day: WarmDay): Promise<void> {
    if (this.failWrites) return Promise.reject(new Error('QuotaExceededError: disk full'));
    this.warm = this.inWindow(day.since) === day.inWindow ? structuredClone(day) : undefined;
    return Promise.resolve();
  }

  private inWindow(since: string): number {
    let n = 0;
    for (const e of this.events.values()) if (e.hlc >= since) n++;
    return n;
  }

  appendLocal(event: StoreEvent): Promise<void> {
    if (this.failWrites) return Promise.reject(new Error('QuotaExceededError: disk full'));
    this.events.set(event.id, event);
    this.outbox.push(event.id);
    return Promise.resolve();
  }

  appendRemote(events: readonly StoreEvent[]): Promise<void> {
    if (this.failWrites) return Promise.reject(new Error('QuotaExceededError: disk full'));
    for (const e of events) this.events.set(e.id, e);
    return Promise.resolve();
  }

  removeFromOutbox(ids: readonly string[]): Promise<void> {
    if (this.failWrites) return Promise.reject(new Error('QuotaExceededError: disk full'));
    const gone = new Set(ids);
    this.outbox = this.outbox.filter((id) => !gone.has(id));
    return Promise.resolve();
  }

  compact(
    before: string,
    floors: Readonly<Record<string, number>>,
    summaries: readonly DaySummary[],
  ): Promise<void> {
    for (const d of summaries) this.summaries.set(d.day, d);
    const keep = new Set(this.outbox);
    for (const [id, e] of this.events) if (e.hlc < before && !keep.has(id)) this.events.delete(id);
    for (const [d, seq] of Object.entries(floors))
      this.floors[d] = Math.max(this.floors[d] ?? 0, seq);
    return Promise.resolve();
  }
}
