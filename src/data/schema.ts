/**
 * The device database's shape, without Dexie: what code that reads it before Dexie has loaded
 * (src/data/idb-log.ts, device-db.ts) needs to know. Schema versions are declared in db.ts.
 */
export interface OutboxRow {
  readonly id: string;
  readonly seq: number;
}

export interface KvRow {
  readonly key: string;
  readonly value: unknown;
}

/** The database's current schema version as db.ts declares it to Dexie. */
export const SCHEMA_VERSION = 2;

/** The same as IndexedDB sees it: Dexie opens version n as n × 10. */
export const IDB_SCHEMA_VERSION = SCHEMA_VERSION * 10;

/** A table of the current schema: its primary key's path and its indexes (a list: compound). */
export interface TableShape {
  readonly key: string;
  readonly indexes: readonly (string | readonly string[])[];
}

/**
 * The current schema's tables, the one source for Dexie's declaration (db.ts, `dexieStores`)
 * and for the database a first start creates without Dexie (device-db.ts, `createTables`).
 */
export const TABLES = {
  events: { key: 'id', indexes: [['device', 'seq'], 'hlc'] },
  outbox: { key: 'id', indexes: ['seq'] },
  kv: { key: 'key', indexes: [] },
  visits: { key: 'id', indexes: ['clerk', 'updatedAt'] },
} as const satisfies Record<string, TableShape>;

/** An index's name in IndexedDB as Dexie gives it: a compound one is `[a+b]`. */
export const indexName = (index: string | readonly string[]): string =>
  typeof index === 'string' ? index : `[${index.join('+')}]`;

/** The tables in Dexie's schema syntax (`'id, [device+seq], hlc'`). */
export function dexieStores(tables: Record<string, TableShape>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tables).map(([name, t]) => [
      name,
      [t.key, ...t.indexes.map(indexName)].join(', '),
    ]),
  );
}

/** The tables a start reads. */
export const START_TABLES = ['events', 'outbox', 'kv'] as const;

/** The device's database of a store. */
export const databaseName = (store: string): string => `nextup-${store}`;

/** Every write's durability: Dexie's transactions and the tap's own (idb-log.ts). */
export const DURABILITY = 'relaxed' satisfies IDBTransactionDurability;

/**
 * The key-value rows of today's folded state for the next start (warm-day.ts): the state, and
 * a small row saying what it was folded from, read first, so a start that cannot use the
 * state does not pay for reading it.
 */
export const WARM_DAY_KEY = 'warmDay';
export const WARM_MARK_KEY = 'warmDayMark';

/** What the kept state was folded from, and by which build. */
export interface WarmMark {
  readonly digest: string;
  readonly since: string;
  readonly inWindow: number;
  /** The kept day's latest clock value (WarmDay.upTo): later events are read and folded on. */
  readonly upTo: string;
}

/** The build's fold code (src/hub/fold-digest.ts): a kept state is used only by the same fold. */
export const FOLD_DIGEST: string =
  (import.meta.env.VITE_FOLD_DIGEST as string | undefined) ?? 'unbuilt';
