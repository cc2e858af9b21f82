import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeHlc } from '../domain/clock/hlc.ts';
import { issuedEvent } from '../domain/testing/store.ts';
import { NextupDb } from './db.ts';
import { DexieStorage } from './dexie-storage.ts';

const DAY = 86_400_000;
const TODAY = Date.UTC(2026, 11, 7);
let n = 0;
const dbs: NextupDb[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

function fresh(): { db: NextupDb; storage: DexieStorage } {
  const db = new NextupDb(`dexie-storage-test-${++n}`);
  dbs.push(db);
  return { db, storage: new DexieStorage(db) };
}

describe('DexieStorage.load', () => {
  it('reads the kept days, and older events only while they wait in the outbox', async () => {
    const { db, storage } = fresh();
    const oldSent = issuedEvent('kiosk-1', 1, TODAY - 3 * DAY);
    const oldUnsent = issuedEvent('kiosk-1', 2, TODAY - 2 * DAY);
    const ownToday = issuedEvent('kiosk-1', 3, TODAY + 60_000);
    const theirsToday = issuedEvent('kiosk-2', 1, TODAY + 30_000);
    await db.events.bulkAdd([oldSent, oldUnsent, ownToday, theirsToday]);
    const tapped = issuedEvent('kiosk-1', 4, TODAY + 90_000);
    await storage.appendLocal(tapped);
    await db.outbox.bulkAdd([
      { id: oldUnsent.id, seq: 2 },
      { id: ownToday.id, seq: 3 },
    ]);
    await db.kv.put({ key: 'floors', value: { 'kiosk-1': 0, bad: 'x' } });

    const loaded = await storage.load(encodeHlc({ wall: TODAY - DAY, counter: 0 }));

    const ids = loaded.events.map((e) => e.id).sort();
    expect(ids).toEqual([oldUnsent.id, ownToday.id, theirsToday.id, tapped.id].sort());
    // each event once, however it was found
    expect(new Set(ids).size).toBe(ids.length);
    expect(loaded.outbox).toEqual([oldUnsent.id, ownToday.id, tapped.id]);
    expect(loaded.floors).toEqual({ 'kiosk-1': 0 });
  });

  it('an empty database loads nothing', async () => {
    const { storage } = fresh();
    expect(await storage.load(encodeHlc({ wall: TODAY, counter: 0 }))).toEqual({
      events: [],
      outbox: [],
      floors: {},
    });
  });
});
