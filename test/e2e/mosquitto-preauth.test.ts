import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectAsync } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceRegistry } from '../../src/hub/device-registry.ts';
import { MOSQUITTO_LIMITS, writeMosquittoFiles } from '../../src/hub/mosquitto-config.ts';
import { startMosquitto, type Mosquitto } from '../support/mosquitto.ts';
import { floodConnect, processMemory } from '../support/preauth-flood.ts';

const MiB = 1024 * 1024;

/**
 * Memory before login on Mosquitto (issue 15): run with the files `nextup mosquitto-config`
 * writes, a CONNECT announcing 255 MB is refused at its header, not buffered. Without
 * max_packet_size, 16 of them took Mosquitto from 11 MiB to 629 MiB (bench/preauth-flood.ts).
 */
describe('Mosquitto with the hub-written config, before login', () => {
  let mosquitto: Mosquitto;
  let registry: DeviceRegistry;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'nextup-preauth-'));
    const aclDir = mkdtempSync(join(tmpdir(), 'nextup-acl-'));
    registry = new DeviceRegistry({ dataDir, store: 'store-001' });
    await writeMosquittoFiles(registry, 'nextup/v1', aclDir);
    mosquitto = await startMosquitto({ aclDir });
  });
  afterAll(() => mosquitto?.stop());

  it('closes CONNECTs that announce 255 MB before their body, and keeps its memory', async () => {
    const before = processMemory(mosquitto.pid);
    const sent = await Promise.all(
      Array.from({ length: 8 }, () => floodConnect(mosquitto.mqttPort, 255 * MiB)),
    );
    // each socket is closed by the broker (the promise resolves on close), long before its end
    for (const bytes of sent) expect(bytes).toBeLessThan(32 * MiB);
    expect(processMemory(mosquitto.pid).peak - before.peak).toBeLessThan(16 * MiB);
  });

  it('still takes an honest client, and its largest allowed packet', async () => {
    const { username, password } = registry.agentCredentials();
    const client = await connectAsync(mosquitto.mqttUrl, {
      clientId: username,
      username,
      password,
      reconnectPeriod: 0,
    });
    try {
      const topic = 'nextup/v1/store-001/preauth-check';
      await client.subscribeAsync(topic, { qos: 1 });
      const payload = Buffer.alloc(MOSQUITTO_LIMITS.maxPayloadBytes, 0x61);
      const got = new Promise<number>((resolve) =>
        client.on('message', (t, m) => t === topic && resolve(m.length)),
      );
      await client.publishAsync(topic, payload, { qos: 1 });
      expect(await got).toBe(payload.length);
    } finally {
      await client.endAsync();
    }
  });
});
