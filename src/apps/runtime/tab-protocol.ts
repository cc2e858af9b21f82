/**
 * Tabs of one browser on one store, without I/O: the messages the leader tab and its
 * followers exchange over a BroadcastChannel, the leader's version check for a follower's
 * change, and the follower's decide-send-retry loop. The wiring is tab-leader.ts,
 * tab-follower.ts and tab-runtime.ts.
 *
 * A follower cannot send its `decide` closure across the channel: it decides on its mirror of
 * the leader's state at version V and sends the event body with V; the leader commits it only
 * while its state is still at V (optimistic concurrency), else answers "stale" and the follower
 * decides again on the newer snapshot it has received by then.
 */
import type { StoreConfig } from '../../domain/config/types.ts';
import type { CommandResult } from '../../domain/queue/commands.ts';
import type { EventBody } from '../../domain/queue/events.ts';
import type { Conflict, QueueState } from '../../domain/queue/state.ts';
import type { QueueWait } from '../../domain/wait/queue-state.ts';
import type { PresenceEntry } from './presence.ts';
import type { StorageHealth } from './storage-health.ts';
import type { DeviceStatus, RunOutcome } from './types.ts';

/** The Web Lock whose holder is the store's one writer in this browser. */
export const tabLockName = (store: string): string => `nextup-device-${store}`;
/**
 * Held by a follower tab while it decides and commits one change: followers take turns, so two
 * never decide on the same mirror. The leader takes none (it decides inside its replica's
 * queue); a follower's change that the leader's own taps overtake is stale and decided again.
 */
export const turnLockName = (store: string): string => `nextup-turn-${store}`;
/** The channel the leader and its followers talk on. */
export const tabChannelName = (store: string): string => `nextup-${store}`;

/** A change is decided again at most this often when other changes keep landing first. */
export const MAX_ATTEMPTS = 5;
/** A leader that does not answer a change in this long is not there (the tab froze or died). */
export const COMMAND_TIMEOUT_MS = 15_000;
/** Estimates shown in a follower are asked for again this often while nothing changes. */
export const ESTIMATE_REFRESH_MS = 5_000;

/** What a follower mirrors of the leader's device after every change. */
export interface TabSnapshot {
  /** The leader tab this came from: versions are counted per leader. */
  readonly leader: string;
  readonly version: number;
  readonly state: QueueState;
  readonly status: DeviceStatus;
  readonly myConflicts: readonly Conflict[];
  /** storeNow() − Date.now() and eventTime() at the leader when it sent this. */
  readonly clock: { readonly offset: number; readonly eventTime: number };
  /** Facts of the browser's storage; a write the leader failed is its own (not `full`). */
  readonly storage: Pick<StorageHealth, 'persisted' | 'low'>;
  /** Which devices are online, when a follower asked for it (a manager's screen). */
  readonly presence?: readonly PresenceEntry[];
}

/** What a follower learns once about the device it shows. */
export interface TabDevice {
  readonly deviceId: string;
  readonly setupUrl?: string | undefined;
  readonly apiAuth?: string | undefined;
}

export type CommandReply =
  { readonly kind: 'done'; readonly outcome: RunOutcome } | { readonly kind: 'stale' };

export type LeaderMessage =
  /** A tab became the leader: followers say hello to it. */
  | { readonly kind: 'ready'; readonly leader: string }
  | {
      readonly kind: 'welcome';
      readonly to: string;
      readonly device: TabDevice;
      readonly config: StoreConfig;
      readonly snapshot: TabSnapshot;
    }
  | { readonly kind: 'snapshot'; readonly snapshot: TabSnapshot }
  | { readonly kind: 'config'; readonly leader: string; readonly config: StoreConfig }
  | {
      readonly kind: 'estimates';
      readonly leader: string;
      readonly version: number;
      readonly table: readonly (readonly [string, QueueWait | undefined])[];
    }
  | {
      readonly kind: 'reply';
      readonly to: string;
      readonly id: number;
      readonly reply: CommandReply;
    }
  /** A manager revoked the device: every tab stops. */
  | { readonly kind: 'removed'; readonly leader: string };

export type FollowerMessage =
  | { readonly kind: 'hello'; readonly from: string; readonly presence: boolean }
  | {
      readonly kind: 'command';
      readonly from: string;
      readonly id: number;
      readonly leader: string;
      readonly version: number;
      readonly body: EventBody;
    }
  | { readonly kind: 'estimate'; readonly from: string; readonly keys: readonly string[] };

export type TabMessage = LeaderMessage | FollowerMessage;

/** The leader's check: a change decided on what this leader holds now, or on older state. */
export function judgeCommand(
  leader: string,
  version: number,
  command: Pick<Extract<FollowerMessage, { kind: 'command' }>, 'leader' | 'version'>,
): 'commit' | 'stale' {
  return command.leader === leader && command.version === version ? 'commit' : 'stale';
}

export function estimateKey(serviceId: string, ticketId?: string): string {
  return `${serviceId}|${ticketId ?? ''}`;
}

export function parseEstimateKey(key: string): { serviceId: string; ticketId?: string } {
  const bar = key.lastIndexOf('|');
  const ticketId = key.slice(bar + 1);
  return { serviceId: key.slice(0, bar), ...(ticketId ? { ticketId } : {}) };
}

/** A follower's table of estimates is asked for again after a change or once it is old. */
export function estimatesDue(
  table: { readonly version: number; readonly at: number } | undefined,
  version: number,
  now: number,
): boolean {
  return !table || table.version !== version || now - table.at >= ESTIMATE_REFRESH_MS;
}

/** A follower's view of the leader's state at one moment. */
export interface Mirror {
  readonly leader: string;
  readonly version: number;
  readonly state: QueueState;
  /** The time the event would carry (the follower's estimate of the leader's eventTime). */
  readonly at: number;
}

export class TabSyncError extends Error {
  constructor(why: string) {
    super(`The tab that runs this store did not take the change: ${why}`);
    this.name = 'TabSyncError';
  }
}

/**
 * A follower was closed (this tab now leads, or its screen went away) mid-change. Here, not in
 * tab-follower.ts: the tab runtime checks for it, and a leading tab never loads the follower.
 */
export class TabMovedError extends Error {
  constructor() {
    super('This tab stopped following while a change was on its way.');
    this.name = 'TabMovedError';
  }
}

/**
 * One change from a follower: decide on the mirror, send, and decide again while the leader
 * says the mirror was stale (its reply comes after the newer snapshot, so the mirror has
 * moved on by then). A refusal is decided locally, as the leader would on the same state.
 */
export async function runAsFollower(
  decide: (state: QueueState, at: number) => CommandResult,
  mirror: () => Mirror,
  send: (leader: string, version: number, body: EventBody) => Promise<CommandReply>,
): Promise<RunOutcome> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const m = mirror();
    const result = decide(m.state, m.at);
    if (!result.ok) return result;
    const reply = await send(m.leader, m.version, result.event);
    if (reply.kind === 'done') return reply.outcome;
  }
  throw new TabSyncError(`other changes kept landing first (${MAX_ATTEMPTS} tries)`);
}

/** Runs tasks one after another (two quick taps never decide on the same state). */
export function serialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const next = tail.then(task, task);
    tail = next.catch(() => undefined);
    return next;
  };
}
