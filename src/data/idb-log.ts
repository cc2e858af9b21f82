import type { StoreEvent } from '../domain/queue/events.ts';
import type { LoadedLog, StartRead } from '../sync/ports.ts';
import { keptDayRead, type WarmDay } from '../domain/sync/warm-day.ts';
import {
  FOLD_DIGEST,
  DURABILITY,
  START_TABLES,
  WARM_DAY_KEY,
  WARM_MARK_KEY,
  type KvRow,
  type OutboxRow,
  type WarmMark,
} from './schema.ts';

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
 * What a start reads before the day's events: how many events are at or after `since`
 * (counted on the index's keys, no value read), the outbox, the floors, and the kept day
 * (warm-day.ts), read only when this build kept it from as many events since `since`; or from
 * as many up to its `upTo`, then with the events stored after it (`newer`, a range read).
 */
export function readStart(idb: IDBDatabase, since: string): Promise<StartRead> {
  return new Promise((resolve, reject) => {
    const tx = idb.transaction(START_TABLES, 'readonly');
    const kv = tx.objectStore('kv');
    const byHlc = tx.objectStore('events').index('hlc');
    const markReq = kv.get(WARM_MARK_KEY) as IDBRequest<KvRow | undefined>;
    const floorsReq = kv.get('floors') as IDBRequest<KvRow | undefined>;
    const outboxReq = tx.objectStore('outbox').index('seq').getAll() as IDBRequest<OutboxRow[]>;
    const countReq = byHlc.count(IDBKeyRange.lowerBound(since));
    let inWindow: number | undefined;
    let warmReq: IDBRequest<KvRow | undefined> | undefined;
    let newerReq: IDBRequest<StoreEvent[]> | undefined;
    const readWarm = (): void => {
      if (markReq.readyState !== 'done' || countReq.readyState !== 'done') return;
      inWindow = countReq.result;
      const mark = markReq.result?.value as Partial<WarmMark> | undefined;
      const read = mark?.digest === FOLD_DIGEST ? keptDayRead(mark, since, inWindow) : undefined;
      if (read?.kind === 'whole') warmReq = kv.get(WARM_DAY_KEY) as IDBRequest<KvRow | undefined>;
      if (read?.kind !== 'upTo') return;
      const { upTo } = read;
      const upToReq = byHlc.count(IDBKeyRange.bound(since, upTo));
      upToReq.onsuccess = () => {
        if (upToReq.result !== read.inWindow) return;
        inWindow = upToReq.result;
        warmReq = kv.get(WARM_DAY_KEY) as IDBRequest<KvRow | undefined>;
        newerReq = byHlc.getAll(IDBKeyRange.lowerBound(upTo, true)) as IDBRequest<StoreEvent[]>;
      };
    };
    markReq.onsuccess = readWarm;
    countReq.onsuccess = readWarm;
    tx.oncomplete = () =>
      resolve({
        warm: warmReq?.result?.value,
        inWindow: inWindow ?? countReq.result,
        ...(newerReq ? { newer: newerReq.result } : {}),
        outbox: outboxReq.result.map((r) => r.id),
        floors: floorsOf(floorsReq.result?.value),
      });
    tx.onabort = () => reject(failed(tx));
  });
}

/**
 * Keeps today's folded state in place of the last one, when the stored events at or after
 * `day.since` are as many as it was folded from (else drops the last one: it is older). The
 * count and the write share one transaction over the events, which no commit can pass, and
 * IndexedDB copies the record as it is put.
 */
export function keepDay(idb: IDBDatabase, day: WarmDay): Promise<void> {
  return new Promise((resolve, reject) => {
    try {
      const tx = idb.transaction(['events', 'kv'], 'readwrite', { durability: DURABILITY });
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(failed(tx));
      const count = tx.objectStore('events').index('hlc').count(IDBKeyRange.lowerBound(day.since));
      count.onsuccess = () => {
        const kv = tx.objectStore('kv');
        if (count.result !== day.inWindow) {
          kv.delete(WARM_MARK_KEY);
          kv.delete(WARM_DAY_KEY);
          return;
        }
        const mark: WarmMark = {
          digest: FOLD_DIGEST,
          since: day.since,
          inWindow: day.inWindow,
          upTo: day.upTo,
        };
        kv.put({ key: WARM_MARK_KEY, value: mark });
        kv.put({ key: WARM_DAY_KEY, value: day });
      };
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
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

/** Puts and deletes rows of the key-value table in one transaction, settled when it commits. */
export function writeKv(
  idb: IDBDatabase,
  puts: readonly KvRow[],
  deletes: readonly string[] = [],
): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = idb.transaction('kv', 'readwrite', { durability: DURABILITY });
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(failed(tx));
    const kv = tx.objectStore('kv');
    for (const row of puts) kv.put(row);
    for (const key of deletes) kv.delete(key);
  });
}

/**
 * The value at `key` if `isKept` takes it, else `make()`'s, put there: read and write in one
 * transaction, so two tabs starting at once agree on one value.
 */
export function getOrPutKv<T>(
  idb: IDBDatabase,
  key: string,
  isKept: (value: unknown) => value is T,
  make: () => T,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const tx = idb.transaction('kv', 'readwrite', { durability: DURABILITY });
    const kv = tx.objectStore('kv');
    const req = kv.get(key) as IDBRequest<KvRow | undefined>;
    let value: T | undefined;
    req.onsuccess = () => {
      const kept = req.result?.value;
      if (isKept(kept)) {
        value = kept;
        return;
      }
      value = make();
      kv.put({ key, value } satisfies KvRow);
    };
    // the get's callback ran before the commit: value is set
    tx.oncomplete = () => resolve(value as T);
    tx.onabort = () => reject(failed(tx));
  });
}
