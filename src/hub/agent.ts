import { join } from 'node:path';
import type { StoreConfig } from '../domain/config/types.ts';
import { publicMessages } from '../domain/public/messages.ts';
import { closeCounterHeldBy } from '../domain/queue/commands.ts';
import { countersOpenBy } from '../domain/queue/selectors.ts';
import type { StoreEvent } from '../domain/queue/events.ts';
import { createMqttTransport } from '../sync/mqtt-transport.ts';
import { systemClock, type Clock } from '../sync/ports.ts';
import { Replica } from '../sync/replica.ts';
import { presencePayload, storeTopic, topics } from '../sync/topics.ts';
import type { OpenAppendFile } from './append-file.ts';
import { tapDurable } from './chain/durable-tap.ts';
import { startStoreLink, type ChainSettings, type StoreLink } from './chain/store-link.ts';
import { startCheckInSweep } from './check-in-sweep.ts';
import { startClosingSweep, type ClosingSweep } from './closing-sweep.ts';
import type { DiskReport } from './disk-health.ts';
import { EventFileStore } from './event-file-store.ts';
import { startHaDiscovery } from './ha-discovery-publisher.ts';
import type { Logger } from './log.ts';
import {
  startWaitPublisher,
  type WaitPublisher,
  type WaitPublisherOptions,
} from './wait-publisher.ts';

export interface AgentOptions {
  readonly config: StoreConfig;
  readonly brokerUrl: string;
  readonly dataDir: string;
  readonly log: Logger;
  readonly clock?: Clock;
  /** The agent's broker credentials (src/hub/device-registry.ts). */
  readonly credentials?: { readonly username: string; readonly password: string };
  /** The hub's own certificate, trusted for mqtts to the embedded broker. */
  readonly tlsCa?: string;
  /** Told about every message the agent drops (counted for the manager). */
  readonly onDropped?: (reason: string) => void;
  /** Live wait times and wait alerts (defaults: every 30 s, alerts with 5 min hysteresis). */
  readonly waits?: WaitPublisherOptions;
  /** Told how each write of the history went (the hub's health, its log once a minute). */
  readonly disk?: DiskReport;
  /** How day files are opened; tests pass a disk that fails. */
  readonly openFile?: OpenAppendFile;
  /** The version of `config` /api/config serves (retained on the config topic for devices). */
  readonly configVersion?: string;
  /** The chain's cluster (`--chain`): the store's events and live figures go there too. */
  readonly chain?: ChainSettings;
}

export interface Agent {
  readonly replica: Replica;
  /** The durable history, day by day (reports and export read it). */
  readonly history: EventFileStore;
  /** Live wait times (public `wait/...` topics and wait alerts) and estimates. */
  readonly waits: WaitPublisher;
  /** The store link to the chain, when the hub runs with `--chain`. */
  readonly chainLink?: StoreLink;
  /** Closes the tickets still waiting once their service closes (opening hours). */
  readonly closing: ClosingSweep;
  /**
   * Closes every counter `device` holds open, in the store log (counter.closed): a revoked
   * tablet can no longer close them, and an open counter nobody works at would still count
   * in every wait estimate and on the manager's screen. Resolves to the counters closed.
   */
  closeCountersOf(device: string): Promise<string[]>;
  /**
   * The manager changed the settings: the ticket checks and the waits use the new config, and
   * devices are told its version (retained), so they fetch it from /api/config.
   */
  setConfig(config: StoreConfig, version: string): void;
  close(): Promise<void>;
}

/**
 * The store agent: a replica like any device, but with durable history on disk, that answers
 * every device's catch-up and publishes the public topics (DESIGN.md section 4).
 */
export async function startAgent(opts: AgentOptions): Promise<Agent> {
  const { config, log } = opts;
  const clock = opts.clock ?? systemClock;
  const root = { prefix: config.mqtt.topicPrefix, store: config.store.id };
  const device = `agent-${config.store.id}`;
  const storage = new EventFileStore(
    join(opts.dataDir, config.store.id),
    config.store.timeZone,
    { info: (m) => log.info('agent', m), warn: (m) => log.warn('agent', m) },
    {
      ...(opts.disk ? { report: opts.disk } : {}),
      ...(opts.openFile ? { openFile: opts.openFile } : {}),
    },
  );
  const dropped = (reason: string): void => {
    // the disk report counts failed writes and logs them once a minute: a full disk must not
    // add a line per message
    if (opts.disk && STORAGE_FAILURE.test(reason)) return;
    if (opts.onDropped) opts.onDropped(reason);
    else log.warn('agent', reason);
  };
  const presenceTopic = topics.presence(root, device);
  const transport = createMqttTransport({
    url: opts.brokerUrl,
    clientId: device,
    ...(opts.credentials ?? {}),
    ...(opts.tlsCa !== undefined ? { tlsCa: opts.tlsCa } : {}),
    will: {
      topic: presenceTopic,
      payload: presencePayload(device, 'agent', false, clock.now()),
      retain: true,
    },
    hello: () => ({
      topic: presenceTopic,
      payload: presencePayload(device, 'agent', true, clock.now()),
      retain: true,
    }),
  });
  let configVersion = opts.configVersion;
  // retained, and again on every connect: an embedded broker forgets it when the hub restarts
  const announceConfig = (): void => {
    if (configVersion === undefined) return;
    const payload = JSON.stringify({ version: configVersion });
    void transport.publish(topics.config(root), payload, { qos: 1, retain: true }).catch(() => {
      // not connected: the next connect announces it
    });
  };
  transport.onStateChange((s) => {
    if (s === 'online') announceConfig();
  });
  let lastState = transport.state;
  let closing = false;
  transport.onStateChange((s) => {
    if (s === lastState || closing) return;
    lastState = s;
    if (s === 'online') log.info('agent', `connected to broker ${opts.brokerUrl}`);
    else if (s === 'offline') log.warn('agent', `lost the broker ${opts.brokerUrl}; retrying`);
  });

  const publishPublic = (events: readonly StoreEvent[]): void => {
    for (const m of publicMessages(events, replica.state, clock.now())) {
      const topic = storeTopic(root, m.subtopic);
      void transport.publish(topic, m.payload, { qos: 1, retain: m.retain }).catch(() => undefined);
    }
  };

  let services = config.services.map((s) => s.id);
  const chainLink = opts.chain
    ? await startStoreLink({
        settings: opts.chain,
        root,
        storeDir: join(opts.dataDir, config.store.id),
        timeZone: config.store.timeZone,
        services: () => services,
        history: storage,
        clock,
        log,
      })
    : undefined;
  const replica: Replica = await Replica.open({
    root,
    device,
    timeZone: config.store.timeZone,
    // the link hears of events once they are on disk, beside the commit, never inside it
    storage: chainLink ? tapDurable(storage, (events) => chainLink.committed(events)) : storage,
    transport,
    clock,
    role: 'agent',
    config,
    onRejected: dropped,
    onClockSkew: (dev, driftMs) =>
      log.warn(
        'agent',
        `clock of ${dev} is off by ${formatDrift(driftMs)}: it should be set right (events stamped more than 15 minutes ahead are refused)`,
      ),
    onRemoteApplied: (events) => {
      const from = new Set(events.map((e) => e.device));
      log.info(
        'agent',
        `stored ${events.length} event${events.length === 1 ? '' : 's'} from ${[...from].join(', ')}`,
      );
      publishPublic(events);
    },
  }).catch(async (err: unknown) => {
    // the link was started first (it must see the first commit): stop it with the agent
    await chainLink?.close();
    throw err;
  });
  log.info('agent', `history loaded: ${replica.eventCount} events for store ${config.store.id}`);
  const haDiscovery = startHaDiscovery({ config, transport, agentDevice: device, log });
  const waits = startWaitPublisher({
    config,
    root,
    replica,
    history: storage,
    transport: chainLink ? chainLink.teeWaits(transport) : transport,
    clock,
    log,
    options: opts.waits,
  });
  const closingSweep = startClosingSweep({ config, replica, clock, log });
  const checkInSweep = startCheckInSweep({ config, replica, clock, log });

  return {
    replica,
    history: storage,
    waits,
    ...(chainLink ? { chainLink } : {}),
    closing: closingSweep,
    async closeCountersOf(dev) {
      const closed: string[] = [];
      for (const counter of countersOpenBy(replica.state, dev)) {
        const outcome = await replica.run((state) => closeCounterHeldBy(state, counter, dev));
        if (outcome.ok) closed.push(counter);
      }
      return closed;
    },
    setConfig(next, version) {
      replica.setConfig(next);
      waits.setConfig(next);
      services = next.services.map((s) => s.id);
      haDiscovery.setConfig(next);
      closingSweep.setConfig(next);
      checkInSweep.setConfig(next);
      configVersion = version;
      announceConfig();
    },
    async close() {
      closing = true;
      closingSweep.close();
      checkInSweep.close();
      await waits.close();
      await replica.close();
      await chainLink?.close();
      try {
        await transport.publish(
          presenceTopic,
          presencePayload(device, 'agent', false, clock.now()),
          {
            qos: 1,
            retain: true,
          },
        );
      } catch {
        // broker already gone: the will says the same
      }
      await transport.close();
      await storage.close();
    },
  };
}

/** The replica's words for a write of the history that failed (src/sync/replica.ts). */
const STORAGE_FAILURE = /^(storing \d+ events|local storage|updating the outbox) failed/;

function formatDrift(ms: number): string {
  const abs = Math.abs(ms);
  const sign = ms > 0 ? 'ahead' : 'behind';
  if (abs >= 86_400_000) return `${(abs / 86_400_000).toFixed(1)} days ${sign}`;
  if (abs >= 3_600_000) return `${(abs / 3_600_000).toFixed(1)} hours ${sign}`;
  return `${Math.round(abs / 60_000)} minutes ${sign}`;
}
