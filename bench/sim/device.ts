import type { StoreConfig } from '../../src/domain/config/types.ts';
import {
  callNext,
  actOnCurrent,
  issueTicket,
  openCounter,
} from '../../src/domain/queue/commands.ts';
import type { StoreEvent } from '../../src/domain/queue/events.ts';
import { MemoryStorage } from '../../src/sync/memory-transport.ts';
import { createMqttTransport, type MqttTransport } from '../../src/sync/mqtt-transport.ts';
import { systemClock } from '../../src/sync/ports.ts';
import { Replica } from '../../src/sync/replica.ts';
import { presencePayload, topics } from '../../src/sync/topics.ts';
import { benchConnectOptions, type BenchCredentials } from './connect.ts';

/**
 * A simulated device speaking the real sync protocol: the real Replica (in memory instead of
 * IndexedDB) over the real MQTT transport, with presence, version-vector announcements and
 * catch-up exactly as a tablet does. The agent does the same work for it as for a tablet.
 */
export interface SimDevice {
  readonly id: string;
  readonly replica: Replica;
  readonly transport: MqttTransport;
  /** Called with every batch of peers' events this device applied. */
  onApplied(fn: (events: readonly StoreEvent[]) => void): void;
  /** How many times it announced its vector (asked for what it lacks), so far. */
  readonly announcements: number;
  close(): Promise<void>;
}

/** The roles simulated here; ids start with them ("clerk-…"). */
export type SimRole = 'kiosk' | 'clerk' | 'board';

export async function startSimDevice(opts: {
  brokerUrl: string;
  config: StoreConfig;
  /** Enrolled for `role`: its clientId (the device id) starts with the role. */
  credentials: BenchCredentials;
  role: SimRole;
  antiEntropyMs?: number;
}): Promise<SimDevice> {
  const id = opts.credentials.clientId;
  // receivers read the author's role from the id and drop what that role may not write
  if (!id.startsWith(`${opts.role}-`)) throw new Error(`${id} is not a ${opts.role} id`);
  const root = { prefix: opts.config.mqtt.topicPrefix, store: opts.config.store.id };
  const presenceTopic = topics.presence(root, id);
  const transport = createMqttTransport({
    ...benchConnectOptions(opts.brokerUrl, opts.credentials),
    will: {
      topic: presenceTopic,
      payload: presencePayload(id, opts.role, false, Date.now()),
      retain: true,
    },
    hello: () => ({
      topic: presenceTopic,
      payload: presencePayload(id, opts.role, true, Date.now()),
      retain: true,
    }),
  });
  // counted on the way out: a catch-up asked for twice is sent twice (bench/growth.ts)
  let announcements = 0;
  const vectorTopic = topics.vector(root, id);
  const publish = transport.publish.bind(transport);
  transport.publish = (topic, payload, options) => {
    if (topic === vectorTopic) announcements++;
    return publish(topic, payload, options);
  };
  const appliedListeners: ((events: readonly StoreEvent[]) => void)[] = [];
  const replica = await Replica.open({
    root,
    device: id,
    timeZone: opts.config.store.timeZone,
    storage: new MemoryStorage(),
    transport,
    clock: systemClock,
    ...(opts.antiEntropyMs !== undefined ? { antiEntropyMs: opts.antiEntropyMs } : {}),
    onRemoteApplied: (events) => {
      for (const l of appliedListeners) l(events);
    },
  });
  return {
    id,
    replica,
    transport,
    onApplied: (fn) => appliedListeners.push(fn),
    get announcements() {
      return announcements;
    },
    async close() {
      await replica.close();
      await transport.close();
    },
  };
}

export async function waitOnline(device: SimDevice, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (device.transport.state !== 'online') {
    if (Date.now() > until) throw new Error(`${device.id} did not connect`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A kiosk tap: the real issueTicket command on the simulated kiosk's replica. */
export async function simIssue(
  kiosk: SimDevice,
  config: StoreConfig,
  kioskId: string,
  service: string,
  ticketId: string,
): Promise<StoreEvent | undefined> {
  const kc = config.kiosks.find((k) => k.id === kioskId) ?? config.kiosks[0]!;
  const r = await kiosk.replica.run((s) => issueTicket(s, config, kc, service, ticketId));
  return r.ok ? r.event : undefined;
}

/** A clerk serving: open the counter once, then call and complete the next customer. */
export async function simServeNext(
  clerk: SimDevice,
  counter: string,
  services: readonly string[],
): Promise<{ event: StoreEvent; startedAt: number }[]> {
  const out: { event: StoreEvent; startedAt: number }[] = [];
  const step = async (decide: Parameters<Replica['run']>[0]): Promise<boolean> => {
    const startedAt = performance.now();
    const r = await clerk.replica.run(decide);
    if (r.ok) out.push({ event: r.event, startedAt });
    return r.ok;
  };
  if (!clerk.replica.state.counters.get(counter)?.open) {
    await step(() => openCounter(counter, services));
  }
  if (await step((s, at) => callNext(s, counter, services, at))) {
    await step((s) => actOnCurrent(s, counter, 'ticket.completed'));
  }
  return out;
}
