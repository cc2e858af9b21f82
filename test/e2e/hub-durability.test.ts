import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { issueTicket } from '../../src/domain/queue/commands.ts';
import { EventFileStore } from '../../src/hub/event-file-store.ts';
import { MemoryStorage } from '../../src/sync/memory-transport.ts';
import { createMqttTransport } from '../../src/sync/mqtt-transport.ts';
import { systemClock } from '../../src/sync/ports.ts';
import { Replica } from '../../src/sync/replica.ts';
import { enrollOverHttp, testConfigDir } from '../support/hub.ts';
import { startHubProcess, type HubProcess } from '../support/hub-process.ts';
import { freePort } from '../support/ports.ts';
import { loadStoreConfig } from '../../src/hub/config-loader.ts';

const config = await loadStoreConfig('kiosk-config');
// the devices here issue dozens of tickets in a moment: above the kiosk's rate limit, which
// receivers enforce (src/domain/sync/plausibility.ts); that is not what these tests are about
const configDir = testConfigDir((c) => {
  (c.kiosk as Record<string, unknown>).rateLimit = { maxTickets: 1000, windowSec: 1 };
});
const root = { prefix: config.mqtt.topicPrefix, store: config.store.id };
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/**
 * A store device in Node: the same replica as the browser, memory instead of IndexedDB,
 * enrolled with the hub. `reenroll` is what a device does when a hub lost its device list.
 */
async function device(hub: HubProcess, id: string) {
  const role = id.startsWith('clerk-') ? 'clerk' : 'kiosk';
  const who = await enrollOverHttp(hub.httpUrl, role, id);
  const transport = createMqttTransport({
    url: hub.mqttUrl,
    clientId: who.clientId,
    username: who.username,
    password: who.password,
    reconnectMs: 200,
  });
  const replica = await Replica.open({
    root,
    device: id,
    timeZone: config.store.timeZone,
    storage: new MemoryStorage(),
    transport,
    clock: systemClock,
    antiEntropyMs: 1000,
  });
  cleanups.push(async () => {
    await replica.close();
    await transport.close();
  });
  return Object.assign(replica, {
    async reenroll(to: HubProcess) {
      const again = await enrollOverHttp(to.httpUrl, role, id);
      expect(again.clientId).toBe(id);
      transport.setCredentials(again.username, again.password);
    },
  });
}

async function until(check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function history(dataDir: string): Promise<string[]> {
  const store = new EventFileStore(join(dataDir, config.store.id), config.store.timeZone, {
    info: () => {},
    warn: () => {},
  });
  const ids: string[] = [];
  for (const day of await store.days()) ids.push(...(await store.readDay(day)).map((e) => e.id));
  return ids;
}

async function issueMany(
  r: Replica,
  kioskIndex: number,
  n: number,
  tag: string,
): Promise<string[]> {
  const kiosk = config.kiosks[kioskIndex]!;
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const out = await r.run((s) =>
      issueTicket(s, config, kiosk, config.services[i % config.services.length]!.id, `${tag}${i}`),
    );
    if (!out.ok) throw new Error(out.error);
    ids.push(out.event.id);
  }
  return ids;
}

describe('the hub keeps the store history through crashes', () => {
  it('kill -9 loses no acknowledged event, and the hub catches up on what devices did while it was dead', async () => {
    const [port, mqttPort] = [await freePort(), await freePort()];
    const dataDir = mkdtempSync(join(tmpdir(), 'nextup-durable-'));
    let hub: HubProcess = await startHubProcess({ port, mqttPort, dataDir, configDir });
    cleanups.push(() => hub.stop());
    const k1 = await device(hub, 'kiosk-1-durable');
    const k2 = await device(hub, 'kiosk-2-durable');

    const before = [...(await issueMany(k1, 0, 30, 'a')), ...(await issueMany(k2, 1, 30, 'b'))];
    await until(() => k1.pending === 0 && k2.pending === 0);
    await hub.kill9();
    // what the devices saw acknowledged is on disk
    expect(new Set(await history(dataDir))).toEqual(new Set(before));

    const during = await issueMany(k1, 0, 10, 'c');
    expect(k1.pending).toBe(10);
    hub = await startHubProcess({ port, mqttPort, dataDir, configDir });
    await until(() => k1.pending === 0 && k2.pending === 0);
    const ids = await history(dataDir);
    expect(new Set(ids)).toEqual(new Set([...before, ...during]));
    expect(k2.eventCount).toBe(70);
  });

  it('a hub whose disk was wiped gets the day back from the devices', async () => {
    const [port, mqttPort] = [await freePort(), await freePort()];
    const dataDir = mkdtempSync(join(tmpdir(), 'nextup-wiped-'));
    let hub: HubProcess = await startHubProcess({ port, mqttPort, dataDir, configDir });
    cleanups.push(() => hub.stop());
    const k1 = await device(hub, 'kiosk-1-wiped');
    const clerk = await device(hub, 'clerk-wiped');
    const issued = await issueMany(k1, 0, 25, 'w');
    await until(() => k1.pending === 0 && clerk.eventCount === 25);
    await hub.kill9();
    rmSync(dataDir, { recursive: true, force: true });
    hub = await startHubProcess({ port, mqttPort, dataDir, configDir });
    // the wiped hub lost its device list too: the devices enroll again under their own ids
    await k1.reenroll(hub);
    await clerk.reenroll(hub);
    const end = Date.now() + 20_000;
    let ids: string[] = [];
    while (Date.now() < end) {
      ids = await history(dataDir);
      if (ids.length >= 25) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(new Set(ids)).toEqual(new Set(issued));
  });
});
