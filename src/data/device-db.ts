import type { LoadedLog, ReplicaStorage } from '../sync/ports.ts';
import type { NextupDb } from './db.ts';
import type { DexieStorage } from './dexie-storage.ts';
import {
  appendLocal,
  getOrPutKv,
  keepDay,
  readKv,
  readLog,
  readStart,
  writeKv,
} from './idb-log.ts';
import {
  databaseName,
  IDB_SCHEMA_VERSION,
  indexName,
  START_TABLES,
  TABLES,
  type KvRow,
} from './schema.ts';

/** The device's key-value table: its device id, credentials and marks. */
export interface DeviceKv {
  get(key: string): Promise<unknown>;
  /** Puts and deletes rows in one transaction. */
  write(puts: readonly KvRow[], deletes?: readonly string[]): Promise<void>;
  /** The value at `key` if `isKept` takes it, else `make()`'s put there, in one transaction. */
  getOrPut<T>(key: string, isKept: (value: unknown) => value is T, make: () => T): Promise<T>;
}

/**
 * The device's database as a start uses it. A database at the current schema is read with
 * IndexedDB's own API on a connection of its own, so the first screen waits for no Dexie (30
 * KB gzipped, and about 60 ms of a cheap tablet's start at 4x CPU): the replica's start, its
 * taps and the key-value rows go through that connection, every other write through Dexie,
 * loaded once `dexieAfter` settles. A new database is created at the current schema on that
 * connection too (`openCurrent`); one at an older schema opens through Dexie at once, which
 * upgrades it.
 */
export class DeviceDb implements DeviceKv {
  private loading: Promise<{ db: NextupDb; storage: DexieStorage }> | undefined;
  private closed = false;

  private constructor(
    private readonly store: string,
    private readonly idb: IDBDatabase | undefined,
  ) {}

  static async open(store: string, dexieAfter: Promise<void>): Promise<DeviceDb> {
    const device = new DeviceDb(store, await openCurrent(databaseName(store)));
    if (!device.idb) await device.dexie();
    // a failure shows at the first write that needs Dexie, with its own reason
    else void dexieAfter.then(() => device.dexie()).catch(() => undefined);
    return device;
  }

  get(key: string): Promise<unknown> {
    if (this.idb) return readKv(this.idb, key);
    return this.dexie().then(async (db) => (await db.kv.get(key))?.value);
  }

  async write(puts: readonly KvRow[], deletes: readonly string[] = []): Promise<void> {
    if (this.idb) return writeKv(this.idb, puts, deletes);
    const db = await this.dexie();
    await db.transaction('rw', db.kv, async () => {
      await db.kv.bulkPut([...puts]);
      await db.kv.bulkDelete([...deletes]);
    });
  }

  async getOrPut<T>(
    key: string,
    isKept: (value: unknown) => value is T,
    make: () => T,
  ): Promise<T> {
    if (this.idb) return getOrPutKv(this.idb, key, isKept, make);
    const db = await this.dexie();
    return db.transaction('rw', db.kv, async () => {
      const kept = (await db.kv.get(key))?.value;
      if (isKept(kept)) return kept;
      const value = make();
      await db.kv.put({ key, value });
      return value;
    });
  }

  async dexie(): Promise<NextupDb> {
    return (await this.loaded()).db;
  }

  /**
   * The replica's storage port: start, taps and the kept day on the first connection, the rest
   * on Dexie's.
   */
  storage(): ReplicaStorage {
    const { idb } = this;
    const dexie = async (): Promise<DexieStorage> => (await this.loaded()).storage;
    return {
      load: async (since): Promise<LoadedLog> =>
        idb ? readLog(idb, since) : (await dexie()).load(since),
      appendLocal: async (event) =>
        idb ? appendLocal(idb, event) : (await dexie()).appendLocal(event),
      appendRemote: async (events) => (await dexie()).appendRemote(events),
      removeFromOutbox: async (ids) => (await dexie()).removeFromOutbox(ids),
      compact: async (before, floors, summaries) =>
        (await dexie()).compact(before, floors, summaries),
      // a warm start (warm-day.ts) on the start's connection only: a first start, or one
      // that upgraded the database, folds its day, and keeps it for the next
      ...(idb
        ? { loadStart: (since) => readStart(idb, since), keepDay: (day) => keepDay(idb, day) }
        : {}),
    };
  }

  close(): void {
    this.closed = true;
    this.idb?.close();
    void this.loading?.then(({ db }) => db.close()).catch(() => undefined);
  }

  private loaded(): Promise<{ db: NextupDb; storage: DexieStorage }> {
    this.loading ??= (async () => {
      const [{ NextupDb }, { DexieStorage }] = await Promise.all([
        import('./db.ts'),
        import('./dexie-storage.ts'),
      ]);
      if (this.closed) throw new Error('the device database is closed');
      const db = new NextupDb(this.store);
      await db.open();
      return { db, storage: new DexieStorage(db) };
    })();
    return this.loading;
  }
}

/**
 * A connection to the database at the current schema with the tables a start reads, creating
 * it when it does not exist (a first visit needs no Dexie before its first screen either);
 * undefined for a database at another schema (then Dexie opens it, and upgrades an older one).
 */
export function openCurrent(name: string): Promise<IDBDatabase | undefined> {
  return new Promise((resolve) => {
    let req: IDBOpenDBRequest;
    try {
      req = indexedDB.open(name, IDB_SCHEMA_VERSION);
    } catch {
      resolve(undefined);
      return;
    }
    req.onupgradeneeded = (event) => {
      // an older schema is Dexie's to upgrade, with its migrations
      if (event.oldVersion === 0) createTables(req.result);
      else req.transaction?.abort();
    };
    req.onerror = (event) => {
      // an aborted upgrade is expected, and a newer schema (another tab's newer app) refused:
      // Dexie opens the database and says what is wrong, if anything
      event.preventDefault();
      resolve(undefined);
    };
    req.onblocked = () => resolve(undefined);
    req.onsuccess = () => {
      const idb = req.result;
      const current =
        idb.version === IDB_SCHEMA_VERSION &&
        START_TABLES.every((t) => idb.objectStoreNames.contains(t));
      if (!current) {
        idb.close();
        resolve(undefined);
        return;
      }
      // a newer version of the app upgrading the schema in another tab: let it
      idb.onversionchange = () => idb.close();
      resolve(idb);
    };
  });
}

/** The current schema's tables, as Dexie declares them (schema.ts), in an upgrade. */
function createTables(idb: IDBDatabase): void {
  for (const [name, table] of Object.entries(TABLES)) {
    const store = idb.createObjectStore(name, { keyPath: table.key });
    for (const index of table.indexes) {
      store.createIndex(indexName(index), typeof index === 'string' ? index : [...index]);
    }
  }
}

/** The device's id, kept next to its data (a wiped database is a new device). */
export async function loadDeviceId(kv: DeviceKv, make: () => string): Promise<string> {
  const kept = await kv.get('deviceId');
  if (typeof kept === 'string') return kept;
  return kv.getOrPut('deviceId', (v): v is string => typeof v === 'string', make);
}
