import type { DeviceRole } from '../domain/security/roles.ts';
import { createMqttTransport, type MqttTransportOptions } from '../sync/mqtt-transport.ts';
import { MemoryStorage } from '../sync/memory-transport.ts';
import { systemClock } from '../sync/ports.ts';
import { Replica } from '../sync/replica.ts';
import { startAgent, type Agent, type AgentOptions } from './agent.ts';
import type { FakeAgent, QuietHub } from './hub-testing.ts';

/**
 * The real store agent for a test hub (startQuietHub's second argument), with the agent the
 * test reads its replica from. `adjust` changes its options (a faulty disk, say).
 */
export function realAgent(
  adjust: (o: AgentOptions) => AgentOptions = (o) => o,
): FakeAgent & { agent(): Agent } {
  let agent: Agent | undefined;
  return {
    started: [],
    closed: 0,
    factory: async (o) => (agent = await startAgent(adjust(o))),
    agent: () => {
      if (!agent) throw new Error('no agent');
      return agent;
    },
  };
}

export interface NodeDevice {
  readonly id: string;
  readonly replica: Replica;
  readonly transport: ReturnType<typeof createMqttTransport>;
  close(): Promise<void>;
}

/**
 * A tablet in Node: the browser's replica on memory storage, enrolled on the test hub and
 * connected over MQTT (no wait for it to be online). `transport` adds to the MQTT options.
 */
export async function nodeDevice(
  q: QuietHub,
  id: string,
  role: DeviceRole = 'clerk',
  transport: Partial<MqttTransportOptions> = {},
): Promise<NodeDevice> {
  const who = q.hub.registry.enroll({ role, deviceId: id, trusted: true });
  const mqtt = createMqttTransport({
    url: q.hub.mqttUrl,
    clientId: who.deviceId,
    username: who.username,
    password: who.password,
    reconnectMs: 200,
    ...transport,
  });
  const replica = await Replica.open({
    root: { prefix: q.hub.config.mqtt.topicPrefix, store: q.hub.config.store.id },
    device: who.deviceId,
    timeZone: q.hub.config.store.timeZone,
    storage: new MemoryStorage(),
    transport: mqtt,
    clock: systemClock,
    antiEntropyMs: 300,
  });
  return {
    id: who.deviceId,
    replica,
    transport: mqtt,
    close: async () => {
      await replica.close();
      await mqtt.close();
    },
  };
}

/** Waits for `check` (polled every 25 ms), failing with `what` after `ms`. */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  ms = 20_000,
): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
