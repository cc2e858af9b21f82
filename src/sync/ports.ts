import type { StoreEvent } from '../domain/queue/events.ts';
import type { DaySummary } from '../domain/queue/summary.ts';
import type { WarmDay } from '../domain/sync/warm-day.ts';

/** Ports of the replica: where events are kept, how they travel, what time it is. */
export type ConnectionState = 'online' | 'offline' | 'connecting';

export interface LoadedLog {
  readonly events: StoreEvent[];
  /** Ids of own events not yet in the hub's durable history, oldest first. */
  readonly outbox: string[];
  /** Per device, the seq up to which history is settled (compacted or older than kept). */
  readonly floors: Record<string, number>;
}

/** What a start reads before the day's events (ReplicaStorage.loadStart). */
export interface StartRead {
  /** Today's state as last kept (keepDay), unchecked: the log core checks it. */
  readonly warm: unknown;
  /**
   * How many stored events are at or after the `since` asked for (counted, not read); with
   * `newer`, how many of them are up to the kept day's `upTo`.
   */
  readonly inWindow: number;
  /**
   * The events stored after the kept day (later than its `upTo`), read when those up to it are
   * as many as it was folded from: it was kept too long ago to hold them.
   */
  readonly newer?: readonly StoreEvent[];
  readonly outbox: string[];
  readonly floors: Record<string, number>;
}

export interface ReplicaStorage {
  /** Events at or after `since` (older ones may be left out, their floors given instead). */
  load(since: string): Promise<LoadedLog>;
  /** A local event and its outbox entry, in one transaction: the commit point. */
  appendLocal(event: StoreEvent): Promise<void>;
  /** A batch of events from peers, in one transaction. */
  appendRemote(events: readonly StoreEvent[]): Promise<void>;
  removeFromOutbox(ids: readonly string[]): Promise<void>;
  /**
   * Lets go of events older than `before` that are not in the outbox, recording the floors
   * and a summary of each day that left.
   */
  compact(
    before: string,
    floors: Readonly<Record<string, number>>,
    summaries: readonly DaySummary[],
  ): Promise<void>;
  /**
   * Keeps today's folded state for the next start in place of the last one, in one
   * transaction with a count of the stored events at or after `day.since`: when they are not
   * `day.inWindow`, the state is not their fold, and no state is kept. The record is copied
   * before any change can commit after it. Absent (with loadStart): every start folds.
   */
  keepDay?(day: WarmDay): Promise<void>;
  /** The kept state, the outbox, the floors and a count of the events at or after `since`. */
  loadStart?(since: string): Promise<StartRead>;
}

export interface Transport {
  readonly state: ConnectionState;
  /** Resolves when the broker acknowledged (QoS 1); rejects when not connected. */
  publish(topic: string, payload: string, opts: { qos: 0 | 1; retain?: boolean }): Promise<void>;
  /** Topics to hold subscribed on every (re)connection. */
  subscribe(topics: readonly string[]): Promise<void>;
  onMessage(handler: (topic: string, payload: string, bytes: number) => void): void;
  onStateChange(handler: (state: ConnectionState) => void): void;
  close(): Promise<void>;
}

/** Time and timers, injected so a simulation can run them deterministically. */
export interface Clock {
  now(): number;
  /** Runs `fn` after `ms`; returns a function that cancels it. */
  after(ms: number, fn: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  after: (ms, fn) => {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
};
