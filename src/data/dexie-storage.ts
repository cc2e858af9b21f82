import type { StoreEvent } from '../domain/queue/events.ts';
import type { DaySummary } from '../domain/queue/summary.ts';
import type { LoadedLog, ReplicaStorage } from '../sync/ports.ts';
import { DURABILITY, type NextupDb, type OutboxRow } from './db.ts';

/** The replica's storage port on IndexedDB: events and outbox change in one transaction. */
export class DexieStorage implements ReplicaStorage {
  constructor(private readonly db: NextupDb) {}

  async load(since: string): Promise<LoadedLog> {
    return this.db.transaction('r', this.db.events, this.db.outbox, this.db.kv, async () => {
      const outbox = (await this.db.outbox.orderBy('seq').toArray()).map((r) => r.id);
      const events = await this.db.events.where('hlc').aboveOrEqual(since).toArray();
      // unsent events stay however old they are: only their keys are read to find them (a
      // busy day's 15,000 events, read and indexed twice, cost a slow tablet 30 ms at start)
      const unsent = new Set(outbox);
      const old = await this.db.events.where('hlc').below(since).primaryKeys();
      const oldUnsent = old.filter((id) => unsent.has(id));
      if (oldUnsent.length > 0) {
        for (const e of await this.db.events.bulkGet(oldUnsent)) if (e) events.push(e);
      }
      return { events, outbox, floors: await readFloors(this.db) };
    });
  }

  /**
   * A tap's event and its outbox row, in one transaction of IndexedDB's own: both writes go
   * out at once and the promise settles when the transaction completes (Dexie waited for
   * each write in turn, a round trip and a task each, which a slow tablet felt on every tap).
   */
  appendLocal(event: StoreEvent): Promise<void> {
    return new Promise((resolve, reject) => {
      const tx = this.db
        .backendDB()
        .transaction(['events', 'outbox'], 'readwrite', { durability: DURABILITY });
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error ?? new Error('the write was aborted'));
      try {
        tx.objectStore('events').add(event);
        tx.objectStore('outbox').add({ id: event.id, seq: event.seq } satisfies OutboxRow);
      } catch (error) {
        tx.abort();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  async appendRemote(events: readonly StoreEvent[]): Promise<void> {
    await this.db.transaction('rw', this.db.events, async () => {
      await this.db.events.bulkPut([...events]);
    });
  }

  async removeFromOutbox(ids: readonly string[]): Promise<void> {
    await this.db.outbox.bulkDelete([...ids]);
  }

  /** Old days leave the device (the hub keeps them); what they settled stays as floors. */
  async compact(
    before: string,
    floors: Readonly<Record<string, number>>,
    summaries: readonly DaySummary[],
  ): Promise<void> {
    await this.db.transaction('rw', this.db.events, this.db.outbox, this.db.kv, async () => {
      const unsent = new Set(await this.db.outbox.toCollection().primaryKeys());
      const old = await this.db.events.where('hlc').below(before).primaryKeys();
      await this.db.events.bulkDelete(old.filter((id) => !unsent.has(id)));
      const merged = await readFloors(this.db);
      for (const [d, seq] of Object.entries(floors)) merged[d] = Math.max(merged[d] ?? 0, seq);
      await this.db.kv.put({ key: 'floors', value: merged });
      // a day compacted in two goes (late events) keeps the fuller summary
      for (const d of summaries) {
        const prior = (await this.db.kv.get(`summary:${d.day}`))?.value as DaySummary | undefined;
        if (!prior || prior.issued <= d.issued)
          await this.db.kv.put({ key: `summary:${d.day}`, value: d });
      }
    });
  }
}

async function readFloors(db: NextupDb): Promise<Record<string, number>> {
  const row = await db.kv.get('floors');
  const value = row?.value;
  if (typeof value !== 'object' || value === null) return {};
  const out: Record<string, number> = {};
  for (const [d, seq] of Object.entries(value as Record<string, unknown>)) {
    if (typeof seq === 'number') out[d] = seq;
  }
  return out;
}

/** The device id lives in the same database as its events: wiped together, never reused. */
export async function loadDeviceId(db: NextupDb, make: () => string): Promise<string> {
  return db.transaction('rw', db.kv, async () => {
    const row = await db.kv.get('deviceId');
    if (row && typeof row.value === 'string') return row.value;
    const id = make();
    await db.kv.put({ key: 'deviceId', value: id });
    return id;
  });
}
