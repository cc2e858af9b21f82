import type { StoreEvent } from '../domain/queue/events.ts';

/** Ports of the replica: where events are kept, how they travel, what time it is. */
export type ConnectionState = 'online' | 'offline' | 'connecting';

export interface ReplicaStorage {
  /** Every event held, and the ids of own events not yet acknowledged, oldest first. */
  load(): Promise<{ events: StoreEvent[]; outbox: string[] }>;
  /** A local event and its outbox entry, in one transaction: the commit point. */
  appendLocal(event: StoreEvent): Promise<void>;
  /** A batch of events from peers, in one transaction. */
  appendRemote(events: readonly StoreEvent[]): Promise<void>;
  removeFromOutbox(ids: readonly string[]): Promise<void>;
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

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
