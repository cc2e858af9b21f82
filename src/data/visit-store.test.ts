import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { NextupDb, type VisitRow } from './db.ts';
import { KEEP_FINISHED_MS, parkingOf, VisitStore } from './visit-store.ts';

const T = 1_750_000_000_000;
let n = 0;
const dbs: Dexie[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

function freshDb(): NextupDb {
  const db = new NextupDb(`visit-store-test-${++n}`);
  dbs.push(db);
  return db;
}

const row = (id: string, extra: Partial<VisitRow> = {}): VisitRow => ({
  id,
  clerk: 'tab',
  counter: 'c1',
  ticket: null,
  call: null,
  snapshot: JSON.stringify({ status: 'active', value: { serving: 'greeting' } }),
  final: false,
  written: 0,
  feedbackWritten: false,
  alert: null,
  settled: false,
  updatedAt: T,
  ...extra,
});

describe('the visit store', () => {
  it('saves a visit and the parking list together and loads them back', async () => {
    const store = new VisitStore(freshDb(), 'tab');
    await store.save(row('a'), { active: 'a', parked: [] });
    await store.save(row('b', { updatedAt: T + 1, ticket: 't1' }), { active: 'b', parked: ['a'] });
    const loaded = await store.load(T + 10);
    expect(loaded.rows.map((r) => r.id)).toEqual(['a', 'b']);
    expect(loaded.rows[1]?.ticket).toBe('t1');
    expect(loaded.parking).toEqual({ active: 'b', parked: ['a'] });
    // the snapshot is text: what comes back is exactly what went in
    expect(loaded.rows[0]?.snapshot).toBe(row('a').snapshot);
  });

  it('keeps finished visits a day, then lets them go; other clerks’ visits are not loaded', async () => {
    const db = freshDb();
    const store = new VisitStore(db, 'tab');
    await store.save(row('old', { final: true, updatedAt: T }));
    await store.save(row('recent', { final: true, updatedAt: T + KEEP_FINISHED_MS }));
    await new VisitStore(db, 'other').save(row('theirs', { clerk: 'other' }));
    const loaded = await store.load(T + KEEP_FINISHED_MS + 1);
    expect(loaded.rows.map((r) => r.id)).toEqual(['recent']);
    expect(await db.visits.get('old')).toBeUndefined();
    expect(await db.visits.get('theirs')).toBeDefined();
  });

  it('repairs a parking list that disagrees with the saved visits', () => {
    const rows = [row('a'), row('b'), row('c', { final: true })];
    expect(parkingOf({ active: 'c', parked: ['zz', 'b', 'b'] }, rows)).toEqual({
      active: null,
      parked: ['b', 'a'],
    });
    expect(parkingOf('garbage', [])).toEqual({ active: null, parked: [] });
    expect(parkingOf({ active: 'a', parked: ['a'] }, rows)).toEqual({
      active: 'a',
      parked: ['b'],
    });
  });

  it('upgrades a version 1 database, keeping its events', async () => {
    const name = `nextup-upgrade-${++n}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ events: 'id, [device+seq], hlc', outbox: 'id, seq', kv: 'key' });
    await v1.table('events').put({ id: 'k:1', device: 'k', seq: 1, hlc: 'x' });
    v1.close();
    const db = new NextupDb(name.replace(/^nextup-/, ''));
    dbs.push(db);
    expect(await db.events.get('k:1')).toMatchObject({ device: 'k' });
    await new VisitStore(db, 'tab').save(row('a'));
    expect(await db.visits.count()).toBe(1);
    expect(db.verno).toBe(2);
  });
});
