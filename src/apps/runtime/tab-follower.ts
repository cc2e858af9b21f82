/**
 * A follower tab's device: the same DeviceRuntime as the leader's, backed by the tab channel.
 * It mirrors the leader's snapshots (state, connection, conflicts, config, presence), asks it
 * for the estimates its screen shows, and sends its changes to be committed there
 * (tab-protocol.ts). It never writes IndexedDB nor connects to MQTT itself.
 */
import type { StoreConfig } from '../../domain/config/types.ts';
import type { CommandResult } from '../../domain/queue/commands.ts';
import type { EventBody } from '../../domain/queue/events.ts';
import type { QueueState } from '../../domain/queue/state.ts';
import { DeviceRemovedError } from './enrollment.ts';
import type { PresenceFeed } from './presence.ts';
import type { StorageHealth } from './storage-health.ts';
import type { TabPort } from './tab-leader.ts';
import {
  COMMAND_TIMEOUT_MS,
  ESTIMATE_REFRESH_MS,
  estimateKey,
  estimatesDue,
  runAsFollower,
  serialQueue,
  TabMovedError,
  TabSyncError,
  type CommandReply,
  type LeaderMessage,
  type TabDevice,
  type TabMessage,
  type TabSnapshot,
} from './tab-protocol.ts';
import type { DeviceRuntime, DeviceSnapshot, QueueWait, RunOutcome } from './types.ts';

export interface FollowerOptions {
  readonly tab: string;
  readonly welcome: Extract<LeaderMessage, { kind: 'welcome' }>;
  /** The screen shows the manager's board: the leader must listen to presence. */
  readonly presence: boolean;
  readonly onRemoved?: ((error: DeviceRemovedError) => void) | undefined;
}

interface Pending {
  resolve(reply: CommandReply): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

type Listeners = Set<() => void>;

function fire(set: Listeners): void {
  for (const l of [...set]) l();
}

function listen(set: Listeners, listener: () => void): () => void {
  set.add(listener);
  return () => set.delete(listener);
}

export class FollowerDevice implements DeviceRuntime {
  readonly deviceId: string;
  readonly setupUrl: string | undefined;
  readonly apiAuth: string | undefined;
  readonly presence: PresenceFeed | undefined;
  private snap: TabSnapshot;
  private currentConfig: StoreConfig;
  private counter = 0;
  private cached: DeviceSnapshot | undefined;
  private readonly dismissed = new Set<string>();
  private readonly listeners: Listeners = new Set();
  private readonly configListeners: Listeners = new Set();
  private readonly storageListeners: Listeners = new Set();
  private readonly presenceListeners: Listeners = new Set();
  private readonly table = new Map<string, QueueWait | undefined>();
  private tableAt: { version: number; at: number } | undefined;
  /** Keys to ask for at the end of this turn (a render asks for several). */
  private readonly queued = new Set<string>();
  /** Keys asked for and not answered yet, with when (asked again if no answer came). */
  private readonly asked = new Map<string, number>();
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  private readonly serial = serialQueue();
  private health: StorageHealth;
  private readonly stop: () => void;

  constructor(
    private readonly port: TabPort,
    private readonly opts: FollowerOptions,
  ) {
    const device: TabDevice = opts.welcome.device;
    this.deviceId = device.deviceId;
    this.setupUrl = device.setupUrl;
    this.apiAuth = device.apiAuth;
    this.snap = opts.welcome.snapshot;
    this.currentConfig = opts.welcome.config;
    // a write the leader failed is not this tab's: only the browser's storage facts mirror
    this.health = { ...this.snap.storage, full: false };
    this.presence = opts.presence
      ? {
          list: () => this.snap.presence ?? [],
          subscribe: (l) => listen(this.presenceListeners, l),
        }
      : undefined;
    this.stop = port.listen((m) => this.receive(m));
  }

  get config(): StoreConfig {
    return this.currentConfig;
  }

  readonly storage = {
    get: (): StorageHealth => this.health,
    subscribe: (listener: () => void) => listen(this.storageListeners, listener),
  };

  subscribeConfig(listener: () => void): () => void {
    return listen(this.configListeners, listener);
  }

  subscribe(listener: () => void): () => void {
    return listen(this.listeners, listener);
  }

  getSnapshot(): DeviceSnapshot {
    this.cached ??= {
      version: ++this.counter,
      state: this.snap.state,
      status: this.snap.status,
      myConflicts: this.snap.myConflicts.filter((c) => !this.dismissed.has(c.eventId)),
    };
    return this.cached;
  }

  storeNow(): number {
    return Date.now() + this.snap.clock.offset;
  }

  eventTime(): number {
    return Math.max(this.snap.clock.eventTime, this.storeNow());
  }

  run(decide: (state: QueueState, at: number) => CommandResult): Promise<RunOutcome> {
    const mirror = () => ({
      leader: this.snap.leader,
      version: this.snap.version,
      state: this.snap.state,
      at: this.eventTime(),
    });
    return this.serial(() => runAsFollower(decide, mirror, (l, v, b) => this.send(l, v, b)));
  }

  dismissConflict(eventId: string): void {
    this.dismissed.add(eventId);
    this.changed();
  }

  /** The leader's last answer for it; asked again after a change or once it is old. */
  readonly estimate = (serviceId: string, ticketId?: string): QueueWait | undefined => {
    const key = estimateKey(serviceId, ticketId);
    const now = Date.now();
    const due = !this.table.has(key) || estimatesDue(this.tableAt, this.snap.version, now);
    const waiting = now - (this.asked.get(key) ?? -Infinity) < ESTIMATE_REFRESH_MS;
    if (due && !waiting && !this.queued.has(key)) {
      if (this.queued.size === 0) queueMicrotask(() => this.ask());
      this.queued.add(key);
    }
    return this.table.get(key);
  };

  close(): Promise<void> {
    this.stop();
    this.settleAll((p) => p.reject(new TabMovedError()));
    return Promise.resolve();
  }

  private changed(): void {
    this.cached = undefined;
    fire(this.listeners);
  }

  private ask(): void {
    const keys = [...this.queued];
    this.queued.clear();
    const now = Date.now();
    for (const key of keys) this.asked.set(key, now);
    if (keys.length > 0) this.port.post({ kind: 'estimate', from: this.opts.tab, keys });
  }

  private send(leader: string, version: number, body: EventBody): Promise<CommandReply> {
    const id = ++this.nextId;
    return new Promise<CommandReply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new TabSyncError(`no answer in ${COMMAND_TIMEOUT_MS / 1000} s`));
      }, COMMAND_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
      this.port.post({ kind: 'command', from: this.opts.tab, id, leader, version, body });
    });
  }

  private settleAll(how: (p: Pending) => void): void {
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      how(p);
    }
    this.pending.clear();
  }

  private adopt(next: TabSnapshot): void {
    const leaderChanged = next.leader !== this.snap.leader;
    this.snap = next;
    // changes sent to a leader that is gone are decided again on the new leader's state
    if (leaderChanged) {
      this.settleAll((p) => p.resolve({ kind: 'stale' }));
      this.asked.clear();
    }
    this.changed();
    const { low, persisted } = next.storage;
    if (low !== this.health.low || persisted !== this.health.persisted) {
      this.health = { low, persisted, full: false };
      fire(this.storageListeners);
    }
    if (next.presence) fire(this.presenceListeners);
  }

  private setConfig(config: StoreConfig): void {
    if (config === this.currentConfig) return;
    this.currentConfig = config;
    fire(this.configListeners);
  }

  private receive(m: TabMessage): void {
    const mine = 'leader' in m && m.leader === this.snap.leader;
    switch (m.kind) {
      case 'ready':
        if (!mine)
          this.port.post({ kind: 'hello', from: this.opts.tab, presence: !!this.presence });
        return;
      case 'welcome':
        if (m.to !== this.opts.tab) return;
        this.setConfig(m.config);
        return this.adopt(m.snapshot);
      case 'snapshot':
        if (m.snapshot.leader === this.snap.leader) this.adopt(m.snapshot);
        return;
      case 'config':
        if (mine) this.setConfig(m.config);
        return;
      case 'estimates':
        return mine ? this.takeEstimates(m) : undefined;
      case 'reply':
        return m.to === this.opts.tab ? this.answer(m.id, m.reply) : undefined;
      case 'removed':
        if (mine) this.opts.onRemoved?.(new DeviceRemovedError());
        return;
      default:
        // another follower's message
        return;
    }
  }

  private takeEstimates(m: Extract<LeaderMessage, { kind: 'estimates' }>): void {
    for (const [key, wait] of m.table) {
      this.table.set(key, wait);
      this.asked.delete(key);
    }
    this.tableAt = { version: m.version, at: Date.now() };
    this.changed();
  }

  private answer(id: number, reply: CommandReply): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    clearTimeout(p.timer);
    p.resolve(reply);
  }
}
