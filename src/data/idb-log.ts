import type { StoreEvent } from '../domain/queue/events.ts';
import type { LoadedLog } from '../sync/ports.ts';
import { DURABILITY, START_TABLES, type KvRow, type OutboxRow } from './schema.ts';

/**
 * The replica's start and its taps in IndexedDB's own API, on any connection to the device's
 * database (Dexie's, or the one a start opens before Dexie has loaded: device-db.ts).
 */

const failed = (tx: IDBTransaction): Error => tx.error ?? new Error('an IndexedDB read failed');

/**
 * Events at or after `since`, the outbox, and the floors, in one read-only transaction. Unsent
 * events stay however old they are: only the older events' keys are read to find them. The
 * requests chain in their callbacks, where the transaction is surely still active.
 */
export function readLog(idb: IDBDatabase, since: string): Promise<LoadedLog> {
  return new Promise((resolve, reject) => {
    const tx = idb.transaction(START_TABLES, 'readonly');
    const events = tx.objectStore('events');
    const byHlc = events.index('hlc');
    const outboxReq = tx.objectStore('outbox').index('seq').getAll() as IDBRequest<OutboxRow[]>;
    const recentReq = byHlc.getAll(IDBKeyRange.lowerBound(since)) as IDBRequest<StoreEvent[]>;
    const oldKeysReq = byHlc.getAllKeys(IDBKeyRange.upperBound(since, true));
    const floorsReq = tx.objectStore('kv').get('floors') as IDBRequest<KvRow | undefined>;
    const old: StoreEvent[] = [];
    const readOldUnsent = (): void => {
      if (outboxReq.readyState !== 'done' || oldKeysReq.readyState !== 'done') return;
      const unsent = new Set(outboxReq.result.map((r) => r.id));
      for (const id of oldKeysReq.result) {
        if (typeof id !== 'string' || !unsent.has(id)) continue;
        const req = events.get(id) as IDBRequest<StoreEvent | undefined>;
        req.onsuccess = () => {
          if (req.result) old.push(req.result);
        };
      }
    };
    outboxReq.onsuccess = readOldUnsent;
    oldKeysReq.onsuccess = readOldUnsent;
    tx.oncomplete = () =>
      resolve({
        events: old.length > 0 ? [...recentReq.result, ...old] : recentReq.result,
        outbox: outboxReq.result.map((r) => r.id),
        floors: floorsOf(floorsReq.result?.value),
      });
    tx.onabort = () => reject(failed(tx));
  });
}

/** The floors as kept in the key-value table; anything malformed is left out. */
export function floorsOf(value: unknown): Record<string, number> {
  if (typeof value !== 'object' || value === null) return {};
  const out: Record<string, number> = {};
  for (const [d, seq] of Object.entries(value as Record<string, unknown>)) {
    if (typeof seq === 'number') out[d] = seq;
  }
  return out;
}

/**
 * A tap's event and its outbox row, in one transaction: both writes go out at once and the
 * promise settles when the transaction completes (Dexie waited for each write in turn, a round
 * trip and a task each, which a slow tablet felt on every tap).
 */
export function appendLocal(idb: IDBDatabase, event: StoreEvent): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = idb.transaction(['events', 'outbox'], 'readwrite', { durability: DURABILITY });
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

/** One value of the key-value table, or undefined. */
export function readKv(idb: IDBDatabase, key: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const tx = idb.transaction('kv', 'readonly');
    const req = tx.objectStore('kv').get(key) as IDBRequest<KvRow | undefined>;
    tx.oncomplete = () => resolve(req.result?.value);
    tx.onabort = () => reject(failed(tx));
  });
}
