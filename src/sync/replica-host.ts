import type { StoreConfig } from '../domain/config/types.ts';
import type { StoreEvent } from '../domain/queue/events.ts';
import type { CatchUpLimits } from '../domain/sync/catch-up.ts';
import type { FreshnessInput } from '../domain/sync/protocol/freshness.ts';
import type { LogCore } from '../domain/sync/log-core.ts';
import type { OutboxState } from '../domain/sync/protocol/outbox.ts';
import type { ReplicaPolicy } from '../domain/sync/protocol/policy.ts';
import type { PeerState } from '../domain/sync/protocol/vectors.ts';
import type { Clock, ReplicaStorage, Transport } from './ports.ts';
import type { Timers } from './timers.ts';
import type { TopicRoot } from './topics.ts';

/**
 * Owns the replica's options and what its driver's parts share (src/sync/replica.ts holds
 * them; replica-sender.ts and replica-inbound.ts act through them): the log core, the pure
 * protocol state, the timers and the one queue every change goes through.
 */
export interface ReplicaOptions {
  readonly root: TopicRoot;
  readonly device: string;
  readonly timeZone: string;
  readonly storage: ReplicaStorage;
  readonly transport: Transport;
  readonly clock: Clock;
  /**
   * The hub's agent keeps the durable history: it answers catch-up at once, and its vector
   * is what takes a device's event out of the outbox. Devices help each other more slowly.
   */
  readonly role?: 'agent' | 'device';
  /** How often the version vector is announced while online (anti-entropy). */
  readonly antiEntropyMs?: number;
  /** Store days kept in memory and local storage (today and the day before by default). */
  readonly keepDays?: number;
  /** A clock this far ahead of ours is wrong: reported, and its events refused. */
  readonly maxDriftMs?: number;
  /**
   * The store's configuration, for the ticket checks that need it (services, kiosks' ranges,
   * the kiosk's rate limit: src/domain/sync/plausibility.ts). Without it those are skipped.
   */
  readonly config?: Pick<StoreConfig, 'services' | 'kiosks' | 'kiosk'>;
  /** The agent's catch-up budget per device (src/domain/sync/catch-up.ts). */
  readonly catchUp?: CatchUpLimits;
  /**
   * A start that resumes today's kept state (domain/sync/warm-day.ts) reads the stored events
   * once this settles (a device: after its first screen); at once without it.
   */
  readonly restAfter?: Promise<void>;
  readonly onRejected?: (reason: string) => void;
  /** A device's clock is off by `driftMs` (positive: ahead of ours). */
  readonly onClockSkew?: (device: string, driftMs: number) => void;
  /** Called after events from peers were committed and applied. */
  readonly onRemoteApplied?: (events: readonly StoreEvent[]) => void;
}

export interface ReplicaHost {
  readonly opts: ReplicaOptions;
  readonly core: LogCore;
  readonly policy: ReplicaPolicy;
  readonly timers: Timers;
  /** The outbox and its retransmission (pure state, replaced on each change). */
  box: OutboxState;
  /** The vector protocol's state (pure, replaced on each step). */
  peers: PeerState;
  closed(): boolean;
  /** Our clock as corrected by the agent's. */
  now(): number;
  antiEntropyMs(): number;
  config(): ReplicaOptions['config'];
  enqueue<T>(task: () => Promise<T>): Promise<T>;
  changed(): void;
  emitEvents(events: readonly StoreEvent[]): void;
  rollDay(): Promise<boolean>;
  refold(): void;
  afterApply(applied: 'applied' | 'refold' | 'stale'): void;
  /** Steps the device's freshness (src/domain/sync/protocol/freshness.ts). */
  noteFreshness(input: FreshnessInput): void;
}
