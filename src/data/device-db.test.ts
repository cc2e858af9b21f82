import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeHlc } from '../domain/clock/hlc.ts';
import { emptyState } from '../domain/queue/state.ts';
import { emptyTicketIndex } from '../domain/sync/admission.ts';
import { WARM_DAY_VERSION, type WarmDay } from '../domain/sync/warm-day.ts';
import { issuedEvent } from '../domain/testing/store.ts';
import { NextupDb } from './db.ts';
import { DeviceDb, loadDeviceId, openCurrent, type DeviceKv } from './device-db.ts';
import { databaseName, IDB_SCHEMA_VERSION } from './schema.ts';

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
  it('creates a database that does not exist as Dexie would, which Dexie then opens as it is', async () => {
    const shape = (idb: IDBDatabase) => {
      const tx = idb.transaction([...idb.objectStoreNames], 'readonly');
      return {
        version: idb.version,
        tables: [...idb.objectStoreNames].map((name) => {
          const store = tx.objectStore(name);
          return {
            name,
            key: store.keyPath,
            autoIncrement: store.autoIncrement,
            indexes: [...store.indexNames].map((i) => {
              const index = store.index(i);
              return [i, index.keyPath, index.unique, index.multiEntry];
            }),
          };
        }),
      };
    };
    const byDexie = new NextupDb(storeName());
    await byDexie.open();
    open.push(byDexie);
    const store = storeName();
    const created = await openCurrent(databaseName(store));
    expect(created).toBeDefined();
    expect(shape(created!)).toEqual(shape(byDexie.backendDB()));
    created!.close();

    // Dexie takes it at the same version: no upgrade, so later starts read it without Dexie
    const dexie = new NextupDb(store);
    await dexie.kv.put({ key: 'deviceId', value: 'kiosk-1' });
    expect(dexie.backendDB().version).toBe(IDB_SCHEMA_VERSION);
    dexie.close();
    const again = await openCurrent(databaseName(store));
    expect(again).toBeDefined();
    again!.close();
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

  it('a first start creates the database, takes its id and a tap, all before Dexie', async () => {
    const store = storeName();
    const dexieMay = gate();
    const device = await DeviceDb.open(store, dexieMay.promise);
    open.push(device);
    expect(await exists(databaseName(store))).toBe(true);
    expect(await loadDeviceId(device, () => 'kiosk-new')).toBe('kiosk-new');
    expect(await loadDeviceId(device, () => 'kiosk-other')).toBe('kiosk-new');
    await device.write(
      [
        { key: 'creds', value: { a: 1 } },
        { key: 'gone', value: true },
      ],
      ['gone'],
    );
    await device.storage().appendLocal(issuedEvent('kiosk-1', 1, TODAY));
    expect((await device.storage().load('')).outbox).toEqual(['kiosk-1:1']);

    dexieMay.open();
    const db = await device.dexie();
    expect(await db.kv.toArray()).toEqual([
      { key: 'creds', value: { a: 1 } },
      { key: 'deviceId', value: 'kiosk-new' },
    ]);
    expect(await db.events.count()).toBe(1);
  });
});

describe("the kept day's storage", () => {
  /** A kept day as the log core writes it: only what storage looks at is real here. */
  const keptDay = (since: string, inWindow: number, upTo: string): WarmDay => ({
    version: WARM_DAY_VERSION,
    day: '2026-12-07',
    since,
    inWindow,
    upTo,
    state: emptyState(),
    tickets: emptyTicketIndex(),
    hlc: since,
    seq: 0,
  });

  it('keeps the day when the stored events are the ones counted, and reads it with a count', async () => {
    const store = storeName();
    const seeded = new NextupDb(store);
    await seeded.events.bulkAdd([
      issuedEvent('kiosk-2', 1, TODAY - 1000),
      issuedEvent('kiosk-2', 2, TODAY + 1000),
      issuedEvent('kiosk-2', 3, TODAY + 2000),
    ]);
    await seeded.outbox.add({ id: 'kiosk-2:3', seq: 3 });
    await seeded.kv.put({ key: 'floors', value: { 'kiosk-9': 4 } });
    seeded.close();
    const device = await DeviceDb.open(store, gate().promise);
    open.push(device);
    const storage = device.storage();
    const since = encodeHlc({ wall: TODAY, counter: 0 });
    const upTo = encodeHlc({ wall: TODAY + 2000, counter: 0 });

    await storage.keepDay?.(keptDay(since, 2, upTo));
    const start = await storage.loadStart?.(since);
    expect(start).toMatchObject({ inWindow: 2, outbox: ['kiosk-2:3'], floors: { 'kiosk-9': 4 } });
    expect(start?.warm).toMatchObject({ inWindow: 2, since });
    expect((start?.warm as WarmDay).state.tickets).toBeInstanceOf(Map);

    // an event stored since, later than all it was folded from: read with it, to fold on
    const late = issuedEvent('kiosk-2', 4, TODAY + 3000);
    await storage.appendLocal(late);
    const after = await storage.loadStart?.(since);
    expect(after).toMatchObject({ inWindow: 2, newer: [late] });
    expect(after?.warm).toMatchObject({ inWindow: 2, since, upTo });
    expect(await storage.loadStart?.(encodeHlc({ wall: TODAY + 1, counter: 0 }))).toMatchObject({
      warm: undefined,
    });

    // and one from before its last (a peer's, come late): the kept day is not read at all
    await storage.appendRemote([issuedEvent('kiosk-3', 1, TODAY + 1500)]);
    const stale = await storage.loadStart?.(since);
    expect(stale).toMatchObject({ warm: undefined, inWindow: 4 });
    expect(stale?.newer).toBeUndefined();

    // counted otherwise: the state is not the fold of these events, and the last one goes too
    await storage.keepDay?.(keptDay(since, 4, upTo));
    expect((await storage.loadStart?.(since))?.warm).toMatchObject({ inWindow: 4 });
    await storage.keepDay?.(keptDay(since, 1, upTo));
    expect((await storage.loadStart?.(since))?.warm).toBeUndefined();
  });

  it('is not offered by a start that opened the database through Dexie', async () => {
    // a database at an older schema: Dexie opens it, to upgrade it
    const store = storeName();
    const old = new Dexie(databaseName(store));
    old.version(1).stores({ events: 'id, [device+seq], hlc', outbox: 'id, seq', kv: 'key' });
    await old.open();
    old.close();
    const device = await DeviceDb.open(store, gate().promise);
    open.push(device);
    const storage = device.storage();
    expect('loadStart' in storage || 'keepDay' in storage).toBe(false);
  });
});

describe('loadDeviceId', () => {
  it('reads a kept id, and replaces one that is not text in one transaction', async () => {
    const store = storeName();
    const seeded = new NextupDb(store);
    await seeded.kv.put({ key: 'deviceId', value: 42 });
    seeded.close();
    const device = await DeviceDb.open(store, gate().promise);
    open.push(device);
    expect(await loadDeviceId(device, () => 'kiosk-new')).toBe('kiosk-new');
    expect(await device.get('deviceId')).toBe('kiosk-new');
    const kv = (kept: unknown): DeviceKv => ({
      get: () => Promise.resolve(kept),
      write: () => Promise.reject(new Error('no write expected')),
      getOrPut: () => Promise.reject(new Error('no write expected')),
    });
    expect(await loadDeviceId(kv('kiosk-7'), () => 'new')).toBe('kiosk-7');
  });
});
