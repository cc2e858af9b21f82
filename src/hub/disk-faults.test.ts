import { mkdirSync, readFileSync, readdirSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { connectAsync } from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeHlc } from '../domain/clock/hlc.ts';
import type { EventBody } from '../domain/queue/events.ts';
import { topics } from '../sync/topics.ts';
import { diskError, faultyDisk } from './append-file-testing.ts';
import { EventFileStore } from './event-file-store.ts';
import { startQuietHub, type QuietHub } from './hub-testing.ts';
import { nodeDevice, realAgent, until } from './node-devices-testing.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A hub whose data folder fails when the test says: the agent's disk and the probe. */
async function hubOnFaultyDisk(readOnly = false) {
  const disk = faultyDisk();
  let probeFails: string | undefined;
  if (readOnly) {
    disk.readOnly();
    probeFails = 'EROFS';
  }
  const a = realAgent((o) => ({ ...o, openFile: disk.open }));
  const q = await startQuietHub(
    {
      diskProbe: () => (probeFails ? Promise.reject(diskError(probeFails)) : Promise.resolve()),
    },
    a,
  );
  cleanups.push(() => q.close());
  return {
    q,
    disk,
    agent: () => a.agent(),
    failProbe: (code: string | undefined) => {
      probeFails = code;
    },
  };
}

async function health(q: QuietHub) {
  const res = await fetch(`${q.hub.httpUrl}/api/health`);
  const body = (await res.json()) as {
    ok: boolean;
    reason?: string;
    disk: { ok: boolean; problem?: string; failedWrites: number };
  };
  return { status: res.status, ...body };
}

/** A clerk's tablet in Node: the browser's replica on memory storage, over MQTT to the hub. */
async function clerk(q: QuietHub, id: string) {
  const device = await nodeDevice(q, id);
  cleanups.push(() => device.close());
  return device.replica;
}

const opened: EventBody = { type: 'counter.opened', counter: 'c1', services: ['advice'] };
const closed: EventBody = { type: 'counter.closed', counter: 'c1' };

function dayFiles(dataDir: string, store: string): string[] {
  const dir = join(dataDir, store, 'events');
  return readdirSync(dir).map((f) => join(dir, f));
}

describe('the hub on a full disk', () => {
  it('acknowledges nothing it could not keep, says so once a minute, and takes the resend once space is back', async () => {
    const { q, disk, agent, failProbe } = await hubOnFaultyDisk();
    const k = await clerk(q, 'clerk-disk');
    await k.run(() => ({ ok: true, event: opened }));
    await until(() => k.pending === 0, 'the first event acknowledged');
    expect((await health(q)).status).toBe(200);

    // the disk fills: 20 bytes of the next line fit, the rest does not
    disk.fillAfter(20);
    failProbe('ENOSPC');
    await k.run(() => ({ ok: true, event: closed }));
    await until(() => disk.failedAppends >= 3, 'the clerk to send it three times');
    expect(k.pending).toBe(1);
    expect(agent().replica.vector()['clerk-disk']).toBe(1);
    // the disk's report counts a failed write once the agent has heard of it, a moment after
    // the disk refused it
    let red = await health(q);
    await until(async () => {
      red = await health(q);
      return red.disk.failedWrites >= 3;
    }, 'the report to count three failed writes');
    expect(red).toMatchObject({
      status: 503,
      ok: false,
      reason: 'the disk is full',
      disk: { ok: false, problem: 'full' },
    });
    expect(red.disk.failedWrites).toBeGreaterThanOrEqual(3);
    // one line, however many writes failed (each used to log its own warning)
    expect(q.log.find('the disk is full')).toHaveLength(1);
    expect(q.log.find('events failed')).toEqual([]);
    for (const file of dayFiles(q.data.path, q.hub.config.store.id)) {
      const text = readFileSync(file, 'utf8');
      expect(text.endsWith('\n')).toBe(true);
      for (const line of text.split('\n').filter(Boolean))
        expect(() => JSON.parse(line) as unknown).not.toThrow();
    }

    disk.heal();
    failProbe(undefined);
    await until(() => k.pending === 0, 'the resend acknowledged');
    await until(async () => (await health(q)).status === 200, 'health green again');

    // a restart reads every acknowledged event
    await q.hub.close();
    const store = new EventFileStore(
      join(q.data.path, q.hub.config.store.id),
      q.hub.config.store.timeZone,
      { info: () => undefined, warn: () => undefined },
    );
    const { events } = await store.load(encodeHlc({ wall: Date.now() - 86_400_000, counter: 0 }));
    await store.close();
    expect(events.map((e) => e.id).sort()).toEqual(['clerk-disk:1', 'clerk-disk:2']);
  });

  it('refuses an event with a clock past year 9999 and counts it as dropped', async () => {
    const { q, agent } = await hubOnFaultyDisk();
    const who = q.hub.registry.enroll({ role: 'clerk', deviceId: 'clerk-future', trusted: true });
    const manager = q.hub.registry.enroll({ role: 'manager', trusted: true });
    const client = await connectAsync(q.hub.mqttUrl, {
      clientId: who.deviceId,
      username: who.username,
      password: who.password,
      reconnectPeriod: 0,
    });
    cleanups.push(() => client.endAsync());
    const root = { prefix: q.hub.config.mqtt.topicPrefix, store: q.hub.config.store.id };
    const event = (seq: number, wall: number) => ({
      id: `${who.deviceId}:${seq}`,
      store: root.store,
      device: who.deviceId,
      seq,
      hlc: encodeHlc({ wall, counter: 0 }),
      ...opened,
    });
    await client.publishAsync(
      topics.events(root, who.deviceId),
      JSON.stringify({
        v: 1,
        kind: 'events',
        from: who.deviceId,
        events: [event(1, Date.now()), event(2, Date.UTC(10000, 0, 2))],
      }),
      { qos: 1 },
    );
    await until(() => agent().replica.vector()[who.deviceId] === 1, 'the good event stored');
    const auth = `Basic ${Buffer.from(`${manager.username}:${manager.password}`).toString('base64')}`;
    await until(async () => {
      const res = await fetch(`${q.hub.httpUrl}/api/devices`, { headers: { Authorization: auth } });
      const body = (await res.json()) as { dropped: Record<string, number> };
      return body.dropped['invalid event'] === 1;
    }, 'the drop counted');
    expect(
      q.log.find(
        `invalid message (invalid event): event from ${who.deviceId} dropped: field "hlc"`,
      ),
    ).toHaveLength(1);
    expect(
      agent()
        .replica.events()
        .map((e) => e.id),
    ).toEqual([`${who.deviceId}:1`]);
  });
});

describe('the hub on a read-only data folder', () => {
  it('says so on /api/health and refuses to enroll a device it could not remember', async () => {
    const { q, disk, failProbe } = await hubOnFaultyDisk(true);
    await until(async () => (await health(q)).status === 503, 'health red');
    expect(await health(q)).toMatchObject({
      ok: false,
      reason: 'the data folder is read-only',
      disk: { ok: false, problem: 'readOnly' },
    });

    // the device list cannot be written: a folder stands where its temporary file goes
    const blocker = join(q.data.path, 'devices.json.tmp');
    mkdirSync(blocker);
    const enroll = () =>
      fetch(`${q.hub.httpUrl}/api/devices/enroll`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ role: 'board', deviceId: 'board-lobby' }),
      });
    const refused = await enroll();
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as { error: string }).error).toMatch(
      /^the hub cannot save its device list, so nothing was enrolled: EISDIR/,
    );
    expect(q.hub.registry.get('board-lobby')).toBeUndefined();

    rmdirSync(blocker);
    disk.heal();
    failProbe(undefined);
    const accepted = await enroll();
    expect(accepted.status).toBe(200);
    const saved = JSON.parse(readFileSync(join(q.data.path, 'devices.json'), 'utf8')) as {
      devices: { id: string }[];
    };
    expect(saved.devices.map((d) => d.id)).toContain('board-lobby');
    // the probe finds the folder writable again within its pace while failing (10 s)
    await until(async () => (await health(q)).status === 200, 'health green again');
  });
});
