import type { StoreEvent } from '../domain/queue/events.ts';
import type { DaySummary } from '../domain/queue/summary.ts';

/** Ports of the replica: where events are kept, how they travel, what time it is. */
export type ConnectionState = 'online' | 'offline' | 'connecting';

export interface LoadedLog {
  readonly events: StoreEvent[];
  /** Ids of own events not yet in the hub's durable history, oldest first. */
  readonly outbox: string[];
  /** Per device, the seq up to which history is settled (compacted or older than kept). */
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
