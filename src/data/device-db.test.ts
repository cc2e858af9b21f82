import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeHlc } from '../domain/clock/hlc.ts';
import { issuedEvent } from '../domain/testing/store.ts';
import { NextupDb } from './db.ts';
import { DeviceDb, loadDeviceId, openCurrent, type DeviceKv } from './device-db.ts';
import { databaseName } from './schema.ts';

const TODAY = Date.UTC(2026, 11, 7);
let n = 0;
const open: { close(): void }[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const storeName = (): string => `device-db-test-${++n}`;

async function exists(name: string): Promise<boolean> {
  return (await indexedDB.databases()).some((d) => d.name === name);
}

/** A promise settled by hand: when the test lets Dexie load. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => {};
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('openCurrent', () => {
  it('leaves a database that does not exist uncreated (Dexie creates it)', async () => {
    const name = databaseName(storeName());
    expect(await openCurrent(name)).toBeUndefined();
    expect(await exists(name)).toBe(false);
  });

  it('declines a database at an older schema, which Dexie then upgrades', async () => {
    const store = storeName();
    const old = new Dexie(databaseName(store));
    old.version(1).stores({ events: 'id, [device+seq], hlc', outbox: 'id, seq', kv: 'key' });
    await old.open();
    old.close();
    expect(await openCurrent(databaseName(store))).toBeUndefined();
    const device = await DeviceDb.open(store, gate().promise);
    open.push(device);
    expect((await device.dexie()).verno).toBe(2);
  });
});

describe('DeviceDb', () => {
  it('starts and takes taps on its own connection, and loads Dexie only when let', async () => {
    const store = storeName();
    const seeded = new NextupDb(store);
    await seeded.events.bulkAdd([issuedEvent('kiosk-2', 1, TODAY + 1000)]);
    await seeded.kv.put({ key: 'deviceId', value: 'kiosk-1' });
    seeded.close();

    const dexieMay = gate();
    const device = await DeviceDb.open(store, dexieMay.promise);
    open.push(device);
    const storage = device.storage();
    expect(await device.get('deviceId')).toBe('kiosk-1');
    const since = encodeHlc({ wall: TODAY, counter: 0 });
    expect((await storage.load(since)).events.map((e) => e.id)).toEqual(['kiosk-2:1']);
    const tap = issuedEvent('kiosk-1', 1, TODAY + 2000);
    await storage.appendLocal(tap);

    // Dexie's own connection sees the tap, once it is let load
    dexieMay.open();
    const db = await device.dexie();
    expect(await db.events.get(tap.id)).toEqual(tap);
    expect(await db.outbox.toArray()).toEqual([{ id: tap.id, seq: 1 }]);
    // and the writes a start does not need go through it
    await storage.removeFromOutbox([tap.id]);
    const remote = issuedEvent('kiosk-2', 2, TODAY + 3000);
    await storage.appendRemote([remote]);
    const loaded = await storage.load(since);
    expect(loaded.outbox).toEqual([]);
    expect(loaded.events.map((e) => e.id)).toEqual(['kiosk-2:1', 'kiosk-1:1', 'kiosk-2:2']);
  });

  it('a first start creates the database through Dexie at once', async () => {
    const store = storeName();
    const device = await DeviceDb.open(store, gate().promise);
    open.push(device);
    expect(await exists(databaseName(store))).toBe(true);
    await device.storage().appendLocal(issuedEvent('kiosk-1', 1, TODAY));
    expect(await device.get('deviceId')).toBeUndefined();
    expect((await device.storage().load('')).outbox).toEqual(['kiosk-1:1']);
  });
});

describe('loadDeviceId', () => {
  it('reads a kept id without Dexie, and writes a new one through it', async () => {
    let asked = 0;
    const db = new NextupDb(storeName());
    open.push(db);
    const kv = (kept: unknown): DeviceKv => ({
      get: () => Promise.resolve(kept),
      dexie: () => {
        asked++;
        return Promise.resolve(db);
      },
    });
    expect(await loadDeviceId(kv('kiosk-7'), () => 'new')).toBe('kiosk-7');
    expect(asked).toBe(0);
    expect(await loadDeviceId(kv(undefined), () => 'kiosk-new')).toBe('kiosk-new');
    expect(asked).toBe(1);
    expect((await db.kv.get('deviceId'))?.value).toBe('kiosk-new');
  });
});
