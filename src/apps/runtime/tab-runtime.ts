/**
 * One writer per browser and store. Every tab of the store asks for the store's Web Lock
 * (queued, no timeout) and says hello on the store's BroadcastChannel: the lock's holder runs
 * the device (tab-leader.ts), the others follow it (tab-follower.ts). When the leader's tab
 * closes, the next tab in the lock's queue starts the device and leads, without a reload; its
 * screen keeps the same DeviceRuntime, whose backing moves from the channel to the device.
 */
import type { QueueState } from '../../domain/queue/state.ts';
import type { CommandResult } from '../../domain/queue/commands.ts';
import type { DeviceRemovedError } from './enrollment.ts';
import type { PresenceFeed } from './presence.ts';
import type { StorageHealth } from './storage-health.ts';
import { heldPort } from './held-port.ts';
import { LeaderServer, type LeaderDevice, type TabPort } from './tab-leader.ts';
import {
  serialQueue,
  TabMovedError,
  tabChannelName,
  tabLockName,
  turnLockName,
  type TabMessage,
} from './tab-protocol.ts';
import type { DeviceRuntime, DeviceSnapshot, RunOutcome } from './types.ts';

export interface StoreTabsOptions {
  readonly store: string;
  /** The screen shows the manager's board (presence). */
  readonly presence: boolean;
  /** Starts the device in this tab; `release` lets the lock go once it has closed. */
  startLeader(
    release: () => void,
    onRemoved: (error: DeviceRemovedError) => void,
  ): Promise<LeaderDevice>;
  readonly onRemoved?: ((error: DeviceRemovedError) => void) | undefined;
}

type Backend = DeviceRuntime;

/** Listeners kept across a change of backing: re-subscribed to the new one, then told. */
class Relay {
  readonly listeners = new Set<() => void>();
  private stop: (() => void) | undefined;
  readonly add = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  readonly fire = (): void => {
    for (const l of [...this.listeners]) l();
  };
  attach(subscribe: ((listener: () => void) => () => void) | undefined): void {
    this.stop?.();
    this.stop = subscribe?.(this.fire);
  }
}

function channelPort(channel: BroadcastChannel): TabPort {
  return {
    post: (message) => channel.postMessage(message),
    listen(listener) {
      const on = (e: MessageEvent<TabMessage>): void => listener(e.data);
      channel.addEventListener('message', on);
      return () => channel.removeEventListener('message', on);
    },
  };
}

function tabToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const UNKNOWN_HEALTH: StorageHealth = { persisted: undefined, low: false, full: false };

/** Joins the store's tabs in this browser: resolves once this tab leads or follows. */
export function joinStoreTabs(opts: StoreTabsOptions): Promise<DeviceRuntime> {
  const tabs = new StoreTabs(opts);
  return tabs.start();
}

class StoreTabs {
  private readonly tab = tabToken();
  private readonly channel: BroadcastChannel;
  private readonly port: TabPort;
  private readonly abort = new AbortController();
  private backend: Backend | undefined;
  private server: LeaderServer | undefined;
  private closed = false;
  private readonly relays = {
    state: new Relay(),
    config: new Relay(),
    storage: new Relay(),
    presence: new Relay(),
  };
  private readonly serial = serialQueue();
  private innerSnapshot: DeviceSnapshot | undefined;
  private outerSnapshot: DeviceSnapshot | undefined;
  private counter = 0;

  constructor(private readonly opts: StoreTabsOptions) {
    this.channel = new BroadcastChannel(tabChannelName(opts.store));
    this.port = channelPort(this.channel);
  }

  start(): Promise<DeviceRuntime> {
    return new Promise((resolve, reject) => {
      let settled = false;
      const adopt = (backend: Backend): void => {
        this.adopt(backend);
        if (settled) return;
        settled = true;
        resolve(this.runtime());
      };
      const hello = (): void =>
        this.port.post({ kind: 'hello', from: this.tab, presence: this.opts.presence });
      const stopListening = this.port.listen((m) => {
        if (this.backend || this.closed) return stopListening();
        if (m.kind === 'ready') hello();
        else if (m.kind === 'welcome' && m.to === this.tab) {
          stopListening();
          follow(m);
        }
      });
      // another tab leads: its follower's code loads only now (a leading tab never needs it)
      const follow = (welcome: Extract<TabMessage, { kind: 'welcome' }>): void => {
        const held = heldPort(this.port);
        import('./tab-follower.ts')
          .then(({ FollowerDevice }) => {
            // this tab took the lead, or closed, meanwhile
            if (this.backend || this.closed) return held.drop();
            const { presence, onRemoved } = this.opts;
            adopt(new FollowerDevice(held.port, { tab: this.tab, welcome, presence, onRemoved }));
          })
          .catch((error: unknown) => {
            held.drop();
            if (!this.backend && !this.closed) fail(error);
          });
      };
      // the screen gets nothing to close: this tab leaves the store's tabs by itself
      const fail = (error: unknown): void => {
        settled = true;
        this.closed = true;
        stopListening();
        this.channel.close();
        reject(error instanceof Error ? error : new Error(String(error)));
      };
      hello();
      navigator.locks
        .request(
          tabLockName(this.opts.store),
          { signal: this.abort.signal },
          () =>
            // held until this tab's device closes (or the tab goes away)
            new Promise<void>((release) => {
              this.lead(release, adopt).catch((error: unknown) => {
                release();
                if (!settled) return fail(error);
                // a follower could not take over: start afresh rather than show a dead screen
                console.error('[nextup] this tab could not take over the store', error);
                location.reload();
              });
            }),
        )
        .catch((error: unknown) => {
          // aborted: this tab closed; anything else leaves a screen that must not wait forever
          if (!this.closed && !settled) fail(error);
        });
    });
  }

  /** This tab got the lock: start the device, serve the others, take over the screen. */
  private async lead(release: () => void, adopt: (b: Backend) => void): Promise<void> {
    if (this.closed) return release();
    const device = await this.opts.startLeader(release, (error) => {
      this.server?.removed();
      this.opts.onRemoved?.(error);
    });
    if (this.closed) return device.close();
    const follower = this.backend;
    this.server = new LeaderServer(this.port, device, this.tab);
    adopt(device);
    // its changes on the way are rejected as moved: run() decides them again here
    await follower?.close();
  }

  private adopt(backend: Backend): void {
    this.backend = backend;
    const { state, config, storage, presence } = this.relays;
    state.attach((l) => backend.subscribe(l));
    config.attach(backend.subscribeConfig?.bind(backend));
    storage.attach(backend.storage?.subscribe.bind(backend.storage));
    presence.attach(backend.presence?.subscribe.bind(backend.presence));
    for (const relay of Object.values(this.relays)) relay.fire();
  }

  private current(): Backend {
    if (!this.backend) throw new Error('the store tabs have not started');
    return this.backend;
  }

  /** Versions keep increasing across a takeover (a new leader counts from its own start). */
  private getSnapshot(): DeviceSnapshot {
    const inner = this.current().getSnapshot();
    if (inner !== this.innerSnapshot || !this.outerSnapshot) {
      this.innerSnapshot = inner;
      this.outerSnapshot = { ...inner, version: ++this.counter };
    }
    return this.outerSnapshot;
  }

  /**
   * One change at a time in this tab. The leader decides inside its replica's queue, on the
   * state it commits to, so it needs nothing more (a Web Lock cost a tap 4 ms on a slow
   * tablet). Followers decide on their mirror of it and take turns (the turn lock): two quick
   * taps in two followers never decide on the same state, and one decided on a state the
   * leader has moved on from is refused as stale and decided again (tab-follower.ts). A change
   * on its way when this tab took over from the leader is decided again here.
   */
  private run(decide: (state: QueueState, at: number) => CommandResult): Promise<RunOutcome> {
    if (this.server) return this.serial(() => this.current().run(decide));
    return this.serial(() =>
      navigator.locks.request(turnLockName(this.opts.store), async () => {
        for (;;) {
          const backend = this.current();
          try {
            return await backend.run(decide);
          } catch (error) {
            if (!(error instanceof TabMovedError) || this.backend === backend) throw error;
          }
        }
      }),
    );
  }

  private async close(): Promise<void> {
    this.closed = true;
    this.abort.abort();
    this.server?.close();
    await this.backend?.close();
    this.channel.close();
  }

  private runtime(): DeviceRuntime {
    const { relays } = this;
    const current = () => this.current();
    const presence: PresenceFeed = {
      list: () => current().presence?.list() ?? [],
      subscribe: relays.presence.add,
    };
    return {
      get config() {
        return current().config;
      },
      subscribeConfig: relays.config.add,
      get deviceId() {
        return current().deviceId;
      },
      get setupUrl() {
        return current().setupUrl;
      },
      get apiAuth() {
        return current().apiAuth;
      },
      storage: {
        get: () => current().storage?.get() ?? UNKNOWN_HEALTH,
        subscribe: relays.storage.add,
      },
      subscribe: relays.state.add,
      getSnapshot: () => this.getSnapshot(),
      eventTime: () => current().eventTime(),
      storeNow: () => current().storeNow(),
      run: (decide) => this.run(decide),
      dismissConflict: (eventId) => current().dismissConflict(eventId),
      estimate: (serviceId, ticketId) => current().estimate(serviceId, ticketId),
      ...(this.opts.presence ? { presence } : {}),
      close: () => this.close(),
    };
  }
}
