import { DeviceDb, loadDeviceId } from '../../data/device-db.ts';
import type { Conflict } from '../../domain/queue/state.ts';
import { waitsKnown } from '../../domain/sync/protocol/freshness.ts';
import type { DeviceWaits } from './device-waits.ts';
import { createLazyMqttTransport } from '../../sync/lazy-mqtt-transport.ts';
import { afterFirstScreen } from '../shell/first-screen.ts';
import {
  getOfflineCapability,
  offlineCapable,
  subscribeOfflineCapability,
} from '../shell/offline-capability.ts';
import { systemClock } from '../../sync/ports.ts';
import { Replica } from '../../sync/replica.ts';
import { presencePayload, topics } from '../../sync/topics.ts';
import { brokerUrlFor, loadHubConfig, setupPageUrl, type HubConfig } from './config-source.ts';
import {
  DeviceRemovedError,
  credentialStatus,
  forgetPairingCode,
  loadOrEnroll,
  markRemoved,
  pairingCodeFromUrl,
} from './enrollment.ts';
import type { PresenceBook, PresenceFeed } from './presence.ts';
import { watchStorage } from './storage-health.ts';
import { keepZoneOffsets, recallZoneOffsets } from './zone-memory.ts';
import { followHubConfig } from './live-config.ts';
import { locksAvailable } from './tab-lock.ts';
import type { LeaderDevice } from './tab-leader.ts';
import { joinStoreTabs } from './tab-runtime.ts';
import type { DeviceRuntime, DeviceSnapshot } from './types.ts';

export type DeviceRole = 'kiosk' | 'clerk' | 'board' | 'manager' | 'floor';

export interface RuntimeOptions {
  readonly role: DeviceRole;
  /** A readable prefix for the device id, e.g. the configured kiosk "kiosk-1". */
  readonly deviceId?: string;
  /**
   * The hub says a manager revoked this device: the runtime has stopped connecting and
   * remembers it; the screen should close it and say so (DeviceRemovedError on restart).
   */
  readonly onRemoved?: (error: DeviceRemovedError) => void;
}

/** At most one new enrollment attempt per this long after the broker refuses us. */
const REENROLL_EVERY_MS = 30_000;

function isRuntimeRole(x: string): x is DeviceRole {
  return ['kiosk', 'clerk', 'board', 'manager', 'floor'].includes(x);
}

/** A readable hint for the device id; the runtime appends a random part kept in IndexedDB. */
export function deviceIdFor(role: string, preferred?: string): string {
  return preferred ?? role;
}

/** Device ids start with their role: the broker and every receiver read the role from it. */
function roleHint(role: string, hint: string): string {
  return hint === role || hint.startsWith(`${role}-`) ? hint : `${role}-${hint}`;
}

function randomSuffix(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Wires this browser's device: configuration, IndexedDB, MQTT and the replica, in the one tab
 * of the store that leads; the store's other tabs follow it (src/apps/runtime/tab-runtime.ts).
 */
export async function createDeviceRuntime(opts: RuntimeOptions): Promise<DeviceRuntime> {
  const hub = await loadHubConfig();
  if (!locksAvailable()) {
    // not a secure context: such a tablet already warns its staff that it is degraded
    console.warn('[nextup] no Web Locks here: tabs of this store are not kept to one writer');
    return startDevice(opts, hub, () => undefined);
  }
  return joinStoreTabs({
    store: hub.config.store.id,
    presence: opts.role === 'manager',
    onRemoved: opts.onRemoved,
    // a start that failed (a pairing code needed, storage refused) holds nothing: the next
    // attempt, in this tab or another, must not meet this one's lock
    startLeader: (release, onRemoved) => startDevice({ ...opts, onRemoved }, hub, release),
  });
}

async function startDevice(
  opts: RuntimeOptions,
  hub: HubConfig,
  releaseLock: () => void,
): Promise<LeaderDevice> {
  const { config } = hub;
  const root = { prefix: config.mqtt.topicPrefix, store: config.store.id };
  // Dexie loads after the first screen (src/data/device-db.ts)
  const db = await DeviceDb.open(config.store.id, afterFirstScreen());
  const hint =
    (opts.deviceId ?? opts.role).replace(/[^A-Za-z0-9_.-]/g, '').slice(0, 40) || opts.role;
  const proposed = await loadDeviceId(db, () => `${roleHint(opts.role, hint)}-${randomSuffix()}`);
  const creds = await loadOrEnroll(db, opts.role, proposed, pairingCodeFromUrl(location));
  forgetPairingCode();
  const deviceId = creds.deviceId;
  // the device's own role: a surface shown under another role's enrollment (the floor view on
  // a clerk tablet) is that device to the broker and to its peers
  const role = isRuntimeRole(creds.role) ? creds.role : opts.role;
  let password = creds.password;
  const storageWatch = watchStorage(navigator.storage);

  const presenceTopic = topics.presence(root, deviceId);
  // online, and whether this device can start offline (left out until it knows)
  const onlinePresence = (): string =>
    presencePayload(deviceId, role, true, Date.now(), offlineCapable(getOfflineCapability()));
  // A hub that lost its device list (disk replaced) refuses our password: enroll again under
  // the same id (on its own machine at once, elsewhere once a manager's code is in the URL).
  let lastReenroll = 0;
  const reenroll = (): void => {
    if (Date.now() - lastReenroll < REENROLL_EVERY_MS) return;
    lastReenroll = Date.now();
    loadOrEnroll(db, role, deviceId, pairingCodeFromUrl(location), true).then(
      (fresh) => {
        if (fresh.deviceId !== deviceId) return;
        password = fresh.password;
        transport.setCredentials(deviceId, fresh.password);
      },
      (err: unknown) => console.warn(`[nextup] the hub refused this device: ${String(err)}`),
    );
  };
  // The broker's "not authorized" cannot tell revoked from forgotten: the hub's HTTP API can.
  // Revoked: stop connecting for good (a new pairing code is the only way back); forgotten:
  // enroll again. One question at a time; the transport's backoff spaces the refusals.
  let removed = false;
  let asking = false;
  const onAuthRefused = (): void => {
    if (removed || asking) return;
    asking = true;
    void credentialStatus(deviceId, password)
      .then(async (status) => {
        if (status === 'unknown') reenroll();
        if (status !== 'revoked' || removed) return;
        removed = true;
        window.removeEventListener('online', onOnline);
        transport.setNetworkAvailable(false);
        await markRemoved(db);
        opts.onRemoved?.(new DeviceRemovedError());
      })
      .catch((err: unknown) => console.warn(`[nextup] ${String(err)}`))
      .finally(() => (asking = false));
  };
  const transport = createLazyMqttTransport(
    {
      onAuthRefused,
      url: brokerUrlFor(hub, location),
      clientId: deviceId,
      username: deviceId,
      password: creds.password,
      will: {
        topic: presenceTopic,
        payload: presencePayload(deviceId, role, false, Date.now()),
        retain: true,
      },
      hello: () => ({ topic: presenceTopic, payload: onlinePresence(), retain: true }),
    },
    afterFirstScreen,
  );
  const onOnline = (): void => transport.setNetworkAvailable(true);
  const onOffline = (): void => transport.setNetworkAvailable(false);
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  if (!navigator.onLine) onOffline();

  const timeZone = config.store.timeZone;
  recallZoneOffsets(timeZone);
  const replica = await Replica.open({
    root,
    device: deviceId,
    timeZone,
    // the ticket checks (ranges, services, rate) judge against the same config as the agent
    config,
    storage: db.storage(),
    // a start from today's kept state reads the day's events after the first screen
    restAfter: afterFirstScreen(),
    transport,
    clock: systemClock,
    onRejected: (reason) => {
      console.warn(`[nextup] ${reason}`);
      if (reason.startsWith('local storage failed')) storageWatch.noteWrite(reason);
    },
  });

  // for the benchmark and the browser's performance panel: this start skipped the day's fold
  if (replica.resumed) {
    performance.mark('nextup:kept-day', { detail: { foldedOn: replica.foldedOn } });
  }

  const dismissed = new Set<string>();
  const listeners = new Set<() => void>();
  // the manager's settings change the config while the device runs (src/apps/runtime/live-config.ts)
  let current = hub;
  const configListeners = new Set<() => void>();
  let snapshot: DeviceSnapshot | undefined;
  const build = (): DeviceSnapshot => ({
    version: replica.version,
    state: replica.state,
    status: {
      connection: replica.connection,
      pending: replica.pending,
      freshness: replica.freshness,
    },
    myConflicts: replica.state.conflicts.filter(
      (c: Conflict) => c.device === deviceId && !dismissed.has(c.eventId),
    ),
  });
  const notify = (): void => {
    snapshot = undefined;
    for (const l of listeners) l();
  };
  replica.subscribe(notify);
  // The kiosk's first screen does not wait for the wait model's code: its wait shows a moment
  // later (a placeholder until then). Staff screens and the board load it before they start.
  let waits: DeviceWaits | undefined;
  let closed = false;
  const startWaits = async (): Promise<void> => {
    const { deviceWaits } = await import('./device-waits.ts');
    if (closed) return;
    waits = deviceWaits(replica, config, notify);
    notify();
  };
  void afterFirstScreen().then(() => keepZoneOffsets(timeZone, Date.now()));
  if (opts.role === 'kiosk') {
    void afterFirstScreen()
      .then(startWaits)
      .catch((error: unknown) => console.warn('[nextup] wait model did not load', error));
  } else await startWaits();
  // the manager's board shows which devices are online: it listens to their presence (and
  // so does a device whose other tab shows the manager's board)
  let presence: PresenceBook | undefined;
  const watchPresence = async (): Promise<PresenceFeed> => {
    const { PresenceBook } = await import('./presence.ts');
    if (presence) return presence;
    const book = new PresenceBook(topics.presenceAll(root).slice(0, -1));
    transport.onMessage((topic, payload) => book.receive(topic, payload));
    void transport.subscribe([topics.presenceAll(root)]).catch(() => undefined);
    presence = book;
    return book;
  };
  if (opts.role === 'manager') await watchPresence();

  followHubConfig({
    transport,
    topic: topics.config(root),
    current: () => current,
    apply: (fresh) => {
      current = fresh;
      replica.setConfig(fresh.config);
      for (const l of configListeners) l();
      notify();
    },
  });

  // the worker usually becomes ready after we connected: say so (not connected: hello will)
  const stopCapability = subscribeOfflineCapability(() => {
    transport
      .publish(presenceTopic, onlinePresence(), { qos: 1, retain: true })
      .catch(() => undefined);
  });

  return {
    get config() {
      return current.config;
    },
    subscribeConfig(listener) {
      configListeners.add(listener);
      return () => configListeners.delete(listener);
    },
    deviceId,
    setupUrl: setupPageUrl(hub),
    apiAuth: `Basic ${btoa(`${deviceId}:${creds.password}`)}`,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot() {
      snapshot ??= build();
      return snapshot;
    },
    eventTime: () => replica.eventTime(),
    storeNow: () => replica.now(),
    run: async (decide) => {
      const outcome = await replica.run(decide);
      if (outcome.ok) storageWatch.noteWrite(undefined);
      return outcome;
    },
    storage: storageWatch,
    dismissConflict(eventId) {
      dismissed.add(eventId);
      notify();
    },
    // a wait from a view the hub's catch-up has not completed would be rosier than the store's
    estimate: (serviceId, ticketId) =>
      waitsKnown(replica.freshness) ? waits?.estimate(serviceId, ticketId) : undefined,
    ...(presence ? { presence } : {}),
    watchPresence,
    async close() {
      closed = true;
      stopCapability();
      waits?.close();
      storageWatch.close();
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      await replica.close();
      await transport.close();
      db.close();
      releaseLock();
    },
  };
}
