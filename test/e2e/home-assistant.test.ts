import { connectAsync, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceCredentials, testConfigDir } from '../support/hub.ts';
import { brokerKnows, startStoreHub, type StoreHub } from '../support/store-hub.ts';

interface Seen {
  readonly topic: string;
  readonly payload: string;
  readonly retain: boolean;
}

/**
 * Issue 21, Home Assistant discovery, as Home Assistant would meet it: a plain MQTT client
 * enrolled as a board (README, Home Assistant) subscribes to the discovery prefix, reads each
 * entity's config, follows its state and availability topics, and announces itself on
 * `homeassistant/status` as Home Assistant does when it starts. On both brokers: Mosquitto
 * gets the outside-the-store topics from the ACL the hub writes.
 */
describe.each(['embedded', 'mosquitto'] as const)('Home Assistant on the %s broker', (kind) => {
  let s: StoreHub;
  let ha: MqttClient;
  const seen: Seen[] = [];
  let services: string[] = [];

  beforeAll(async () => {
    const configDir = testConfigDir((c) => {
      (c['mqtt'] as Record<string, unknown>)['homeAssistant'] = true;
      services = (c['services'] as { id: string }[]).map((x) => x.id);
    });
    s = await startStoreHub(kind, { configDir });
  });
  afterAll(async () => {
    await ha?.endAsync(true);
    await s?.close();
  });

  const configs = () => seen.filter((m) => m.topic.endsWith('/config') && m.payload !== '');

  it('finds every service without configuration, through the discovery prefix', async () => {
    const who = deviceCredentials(s.hub, 'board', `board-ha-${kind}`);
    await brokerKnows(s, who, true);
    ha = await connectAsync(s.hub.mqttUrl, { ...who, reconnectPeriod: 0 });
    ha.on('message', (topic, payload, packet) =>
      seen.push({ topic, payload: payload.toString(), retain: packet.retain }),
    );
    await ha.subscribeAsync('homeassistant/#', { qos: 1 });
    await expect.poll(() => configs().length).toBe(5 * services.length);
    expect(s.log.find('Home Assistant discovery: ')).toHaveLength(1);
    for (const service of services) {
      expect(configs().map((m) => m.topic)).toContain(
        `homeassistant/sensor/store-001/${service}_wait/config`,
      );
      expect(configs().map((m) => m.topic)).toContain(
        `homeassistant/binary_sensor/store-001/${service}_needs_counter/config`,
      );
    }
  });

  it('each entity reads a retained state topic that carries its fields, and is available', async () => {
    const wanted = new Map<string, Set<string>>();
    let availability = '';
    for (const m of configs()) {
      const c = JSON.parse(m.payload) as {
        state_topic: string;
        value_template: string;
        availability: { topic: string }[];
      };
      const fields = wanted.get(c.state_topic) ?? new Set<string>();
      for (const [, f] of c.value_template.matchAll(/value_json\.(\w+)/g)) fields.add(f!);
      wanted.set(c.state_topic, fields);
      availability = c.availability[0]!.topic;
    }
    await ha.subscribeAsync([...wanted.keys(), availability], { qos: 1 });
    const last = (topic: string) => seen.filter((m) => m.topic === topic).at(-1);
    for (const [topic, fields] of wanted) {
      await expect.poll(() => last(topic)?.retain).toBe(true);
      const state = JSON.parse(last(topic)!.payload) as Record<string, unknown>;
      for (const f of fields) expect(Object.keys(state), `${topic} ${f}`).toContain(f);
      // nobody serves yet: no minutes (Home Assistant shows "unknown"), no rosy number
      expect(state).toMatchObject({ noCounter: true, minutes: null, alert: false });
    }
    await expect
      .poll(() => (JSON.parse(last(availability)?.payload ?? '{}') as { online?: boolean }).online)
      .toBe(true);
  });

  it('sends the configs again when Home Assistant announces it is back', async () => {
    const before = configs().filter((m) => !m.retain).length;
    await ha.publishAsync('homeassistant/status', 'online', { qos: 1 });
    await expect
      .poll(() => configs().filter((m) => !m.retain).length)
      .toBe(before + 5 * services.length);
    expect(ha.connected).toBe(true);
  });

  it('a board may not write discovery configs', async () => {
    const who = deviceCredentials(s.hub, 'board', `board-rogue-${kind}`);
    await brokerKnows(s, who, true);
    const rogue = await connectAsync(s.hub.mqttUrl, { ...who, reconnectPeriod: 0 });
    const topic = 'homeassistant/sensor/store-001/advice_wait/config';
    // the embedded broker drops a client for a refused publish, Mosquitto acknowledges and
    // discards it: either way the publish ends, or the connection does
    await Promise.race([
      rogue.publishAsync(topic, '{"name":"forged"}', { qos: 1 }).catch(() => undefined),
      new Promise<void>((r) => rogue.once('close', () => r())),
    ]);
    rogue.end(true);
    // a fresh subscriber still gets the agent's retained config
    const check = await connectAsync(s.hub.mqttUrl, { ...who, reconnectPeriod: 0 });
    const got = new Promise<string>((resolve) =>
      check.on('message', (t, p) => t === topic && resolve(p.toString())),
    );
    await check.subscribeAsync(topic, { qos: 1 });
    expect((JSON.parse(await got) as { name: string }).name).not.toBe('forged');
    await check.endAsync(true);
  });
});
