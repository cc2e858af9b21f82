import type { StorageWatch } from './storage-health.ts';
import type { StoreConfig } from '../../domain/config/types.ts';
import type { CommandResult } from '../../domain/queue/commands.ts';
import type { StoreEvent } from '../../domain/queue/events.ts';
import type { Conflict, QueueState } from '../../domain/queue/state.ts';
import type { Freshness } from '../../domain/sync/protocol/freshness.ts';
import type { QueueWait } from '../../domain/wait/queue-state.ts';
import type { PresenceFeed } from './presence.ts';

export type { QueueWait };

/** What a screen needs from the device: state to render and one way to act. */
export type ConnectionState = 'online' | 'offline' | 'connecting';

export interface DeviceStatus {
  readonly connection: ConnectionState;
  /** Local changes not yet acknowledged by the broker. */
  readonly pending: number;
  /**
   * Whether the device holds the store's view (src/domain/sync/protocol/freshness.ts): not
   * right after a start or a reconnection, until the hub's catch-up is in.
   */
  readonly freshness: Freshness;
}

export interface DeviceSnapshot {
  /** Increases on every change; the object identity changes with it. */
  readonly version: number;
  readonly state: QueueState;
  readonly status: DeviceStatus;
  /** Actions of this device that lost against another device's after a merge. */
  readonly myConflicts: readonly Conflict[];
}

export type RunOutcome =
  | { ok: true; event: StoreEvent }
  | { ok: false; error: Extract<CommandResult, { ok: false }>['error'] | 'storageFailed' };

export interface DeviceRuntime {
  /** The store config as it is now: the manager's settings may change it while running. */
  readonly config: StoreConfig;
  /** Told when `config` changes (absent: it never does, e.g. in tests). */
  subscribeConfig?(listener: () => void): () => void;
  readonly deviceId: string;
  /** Where a tablet that cannot start offline is set up (the hub's plain-HTTP page), if known. */
  readonly setupUrl?: string | undefined;
  /** Free space, persistence and refused writes of this device's storage. */
  readonly storage?: Pick<StorageWatch, 'get' | 'subscribe'>;
  /** HTTP Basic authorization with this device's credentials (manager APIs on the hub). */
  readonly apiAuth?: string;
  subscribe(listener: () => void): () => void;
  getSnapshot(): DeviceSnapshot;
  /**
   * Decides and commits one local change. Runs one at a time, so two quick taps never see
   * the same state. Resolves after the event is in local storage (the commit point). `at` is
   * the time the event will carry (eventTime()).
   */
  run(decide: (state: QueueState, at: number) => CommandResult): Promise<RunOutcome>;
  /**
   * The time (ms) an event written now would carry. It runs ahead of storeNow() after a peer
   * whose clock was ahead wrote events, and then stands still until storeNow() catches up.
   */
  eventTime(): number;
  /** This device's clock as corrected by the store agent's. */
  storeNow(): number;
  dismissConflict(eventId: string): void;
  /**
   * The estimated wait, in seconds with an 80% range, of a ticket issued now for the service,
   * or (with `ticketId`) the remaining wait of that waiting ticket. Made on this device from
   * its own replica (domain/wait), so it is there offline too; stable for a few seconds
   * between changes, so screens may call it on every render. Undefined on a kiosk for the
   * moment after its first screen while the wait model's code loads, and on any device while
   * its view is not the store's (status.freshness): show no number then.
   */
  readonly estimate: (serviceId: string, ticketId?: string) => QueueWait | undefined;
  /** Which devices are online (the manager's device only: others do not listen). */
  readonly presence?: PresenceFeed;
  close(): Promise<void>;
}
