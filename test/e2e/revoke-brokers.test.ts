import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectAsync } from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { openCounter } from '../../src/domain/queue/commands.ts';
import { startAgent, type Agent } from '../../src/hub/agent.ts';
import { DeviceRegistry } from '../../src/hub/device-registry.ts';
import { startHub, type Hub } from '../../src/hub/hub.ts';
import { createMemoryLogger, type MemoryLogger } from '../../src/hub/log.ts';
import { writeMosquittoFiles } from '../../src/hub/mosquitto-config.ts';
import { createMqttTransport } from '../../src/sync/mqtt-transport.ts';
import { MemoryStorage } from '../../src/sync/memory-transport.ts';
import { systemClock } from '../../src/sync/ports.ts';
import { Replica } from '../../src/sync/replica.ts';
import { startMosquitto, type Mosquitto } from '../support/mosquitto.ts';
import { reloadOnNewDevices } from '../support/mosquitto-follow.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 30_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The hub with its agent, on the embedded broker or on Mosquitto with the hub's files. */
async function start(kind: 'embedded' | 'mosquitto') {
  const dataDir = mkdtempSync(join(tmpdir(), 'nextup-revoke-'));
  const log: MemoryLogger = createMemoryLogger();
  let mosquitto: Mosquitto | undefined;
  let external = {};
  if (kind === 'mosquitto') {
    const aclDir = mkdtempSync(join(tmpdir(), 'nextup-acl-'));
    const registry = new DeviceRegistry({ dataDir, store: 'store-001' });
    await writeMosquittoFiles(registry, 'nextup/v1', aclDir);
    await registry.flushed();
    mosquitto = await startMosquitto({ aclDir });
    cleanups.push(reloadOnNewDevices(() => mosquitto, aclDir));
    external = { brokerUrl: mosquitto.mqttUrl, brokerWsUrl: mosquitto.wsUrl, brokerAclDir: aclDir };
  }
  let agent: Agent | undefined;
  const hub: Hub = await startHub({
    port: 0,
    mqttPort: 0,
    dataDir,
    log,
    ...external,
    agent: async (o) => (agent = await startAgent(o)),
  });
  cleanups.push(async () => {
    await hub.close();
    await mosquitto?.stop();
  });
  await until(() => agent?.replica.connection === 'online', 'the agent online');
  return { hub, log, agent: agent! };
}

/** A device's MQTT transport that counts the broker's refusals (tries every few ms). */
function transportFor(hub: Hub, who: { deviceId: string; username: string; password: string }) {
  let refused = 0;
  const transport = createMqttTransport({
    url: hub.mqttUrl,
    clientId: who.deviceId,
    username: who.username,
    password: who.password,
    reconnectMs: 20,
    authBackoffCapMs: 40,
    onAuthRefused: () => refused++,
  });
  cleanups.push(() => transport.close());
  return { transport, refused: () => refused };
}

describe.each(['embedded', 'mosquitto'] as const)('revoking a tablet, %s broker', (kind) => {
  it('closes its counter in the store log, and its retries cost the hub one line', async () => {
    const { hub, log, agent } = await start(kind);
    const who = hub.registry.enroll({ role: 'clerk', deviceId: 'clerk-revoked', trusted: true });
    const { transport } = transportFor(hub, who);
    // on Mosquitto the device is known once the broker reread the hub's files
    await until(() => transport.state === 'online', 'the clerk online');
    const replica = await Replica.open({
      root: { prefix: hub.config.mqtt.topicPrefix, store: hub.config.store.id },
      device: who.deviceId,
      timeZone: hub.config.store.timeZone,
      storage: new MemoryStorage(),
      transport,
      clock: systemClock,
      antiEntropyMs: 300,
    });
    cleanups.push(() => replica.close());
    const counter = hub.config.counters[0]!.id;
    const services = hub.config.services.map((s) => s.id);
    expect((await replica.run(() => openCounter(counter, services))).ok).toBe(true);
    const open = () => agent.replica.state.counters.get(counter)?.open;
    await until(() => open() === true, 'the counter open at the agent');

    const m = hub.registry.enroll({ role: 'manager', trusted: true });
    const res = await fetch(`${hub.httpUrl}/api/devices/revoke`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Basic ${Buffer.from(`${m.username}:${m.password}`).toString('base64')}`,
      },
      body: JSON.stringify({ id: who.deviceId }),
    });
    expect(res.status).toBe(200);
    await until(() => open() === false, 'the counter closed by the agent');
    expect(log.find(`closed ${counter}: held open by ${who.deviceId}`)).toHaveLength(1);

    // the tablet comes back with its old secret: refused, again and again, told it is revoked
    // (Mosquitto refuses once it reread the hub's files)
    await until(async () => {
      try {
        const probe = await connectAsync(hub.mqttUrl, {
          clientId: who.deviceId,
          username: who.username,
          password: who.password,
          reconnectPeriod: 0,
        });
        await probe.endAsync();
        return false;
      } catch {
        return true;
      }
    }, 'the broker refusing the old secret');
    const again = transportFor(hub, who);
    await until(() => again.refused() >= 10, 'ten refused tries');
    const status = await fetch(`${hub.httpUrl}/api/devices/status`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`${who.username}:${who.password}`).toString('base64')}`,
      },
    });
    expect(await status.json()).toEqual({ status: 'revoked' });
    const warnings = log.lines.filter((l) => l.includes(who.deviceId) && l.includes('WARN'));
    // Mosquitto refuses it itself: the hub hears nothing of the retries
    expect(warnings.length).toBeLessThanOrEqual(kind === 'embedded' ? 1 : 0);
  });
});
