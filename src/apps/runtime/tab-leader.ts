/**
 * The leader tab's side of the tab channel: it runs the device (IndexedDB, MQTT, replica) and
 * serves the other tabs of the store: a snapshot after every change once a follower said
 * hello, the estimates they ask for, and their changes, committed only while the version they
 * were decided on is still current (tab-protocol.ts).
 */
import type { PresenceFeed } from './presence.ts';
import {
  estimateKey,
  judgeCommand,
  parseEstimateKey,
  type FollowerMessage,
  type TabMessage,
  type TabSnapshot,
} from './tab-protocol.ts';
import type { DeviceRuntime, RunOutcome } from './types.ts';

/** The device a leader tab runs, with what only the leader can start on demand. */
export interface LeaderDevice extends DeviceRuntime {
  /** Listens to presence, for a follower showing the manager's board. */
  watchPresence(): Promise<PresenceFeed>;
}

/** A BroadcastChannel seen as posts and listeners (a fake in tests). */
export interface TabPort {
  post(message: TabMessage): void;
  listen(listener: (message: TabMessage) => void): () => void;
}

type Command = Extract<FollowerMessage, { kind: 'command' }>;

/** Never shown: the refusal that keeps a stale change out of replica.run's commit. */
const NOT_COMMITTED = { ok: false, error: 'queueEmpty' } as const;
/** Estimates answered per question at most (a follower asks for what its screen shows). */
const MAX_ESTIMATES = 200;

export class LeaderServer {
  // nothing is cloned onto the channel until a follower exists
  private serving = false;
  private dirty = false;
  private presence: PresenceFeed | undefined;
  private readonly stops: (() => void)[] = [];

  constructor(
    private readonly port: TabPort,
    private readonly device: LeaderDevice,
    private readonly leader: string,
  ) {
    this.presence = device.presence;
    this.stops.push(device.subscribe(this.changed));
    if (device.storage) this.stops.push(device.storage.subscribe(this.changed));
    if (device.subscribeConfig) {
      this.stops.push(
        device.subscribeConfig(() => {
          if (this.serving) port.post({ kind: 'config', leader, config: device.config });
        }),
      );
    }
    if (this.presence) this.stops.push(this.presence.subscribe(this.changed));
    this.stops.push(port.listen((m) => this.receive(m)));
    port.post({ kind: 'ready', leader });
  }

  /** A manager revoked the device: the followers stop too. */
  removed(): void {
    this.port.post({ kind: 'removed', leader: this.leader });
  }

  close(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  private receive(m: TabMessage): void {
    if (m.kind === 'hello') this.hello(m.from, m.presence);
    // a change meant for an earlier leader: its follower decides again once we welcome it
    else if (m.kind === 'command' && m.leader === this.leader) {
      this.serving = true;
      void this.commit(m);
    } else if (m.kind === 'estimate') this.estimates(m.keys);
  }

  private snapshot(): TabSnapshot {
    const { device } = this;
    const s = device.getSnapshot();
    const health = device.storage?.get();
    return {
      leader: this.leader,
      version: s.version,
      state: s.state,
      status: s.status,
      myConflicts: s.myConflicts,
      clock: { offset: device.storeNow() - Date.now(), eventTime: device.eventTime() },
      storage: { persisted: health?.persisted, low: health?.low ?? false },
      ...(this.presence ? { presence: this.presence.list() } : {}),
    };
  }

  private flush(): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.port.post({ kind: 'snapshot', snapshot: this.snapshot() });
  }

  /** One snapshot per burst of changes (a catch-up applies many events in one turn). */
  private readonly changed = (): void => {
    if (!this.serving || this.dirty) return;
    this.dirty = true;
    queueMicrotask(() => this.flush());
  };

  private hello(from: string, wantsPresence: boolean): void {
    this.serving = true;
    if (wantsPresence && !this.presence) {
      void this.device.watchPresence().then(
        (feed) => {
          if (this.presence) return;
          this.presence = feed;
          this.stops.push(feed.subscribe(this.changed));
          this.changed();
        },
        (error: unknown) => console.warn('[nextup] presence did not start', error),
      );
    }
    const { deviceId, setupUrl, apiAuth, config } = this.device;
    this.port.post({
      kind: 'welcome',
      to: from,
      device: { deviceId, setupUrl, apiAuth },
      config,
      snapshot: this.snapshot(),
    });
  }

  private async commit(command: Command): Promise<void> {
    let stale = false;
    let outcome: RunOutcome;
    try {
      outcome = await this.device.run(() => {
        // judged inside the replica's queue: nothing can land between the check and the commit
        const version = this.device.getSnapshot().version;
        if (judgeCommand(this.leader, version, command) === 'commit') {
          return { ok: true, event: command.body };
        }
        stale = true;
        return NOT_COMMITTED;
      });
    } catch (error) {
      console.error('[nextup] a change from another tab was not saved', error);
      outcome = { ok: false, error: 'storageFailed' };
    }
    // the follower's mirror is current before it reads the answer (one channel keeps order)
    this.flush();
    this.port.post({
      kind: 'reply',
      to: command.from,
      id: command.id,
      reply: stale ? { kind: 'stale' } : { kind: 'done', outcome },
    });
  }

  private estimates(keys: readonly string[]): void {
    const table = keys.slice(0, MAX_ESTIMATES).map((key) => {
      const { serviceId, ticketId } = parseEstimateKey(key);
      return [estimateKey(serviceId, ticketId), this.device.estimate(serviceId, ticketId)] as const;
    });
    const version = this.device.getSnapshot().version;
    this.port.post({ kind: 'estimates', leader: this.leader, version, table });
  }
}
