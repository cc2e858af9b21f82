import { Dexie, type Table } from 'dexie';
import type { StoreEvent } from '../domain/queue/events.ts';
import {
  databaseName,
  dexieStores,
  DURABILITY,
  SCHEMA_VERSION,
  TABLES,
  type KvRow,
  type OutboxRow,
} from './schema.ts';

export { DURABILITY, type KvRow, type OutboxRow } from './schema.ts';

/** A clerk's visit on this handheld: the visit machine's persisted snapshot and bookkeeping. */
export interface VisitRow {
  readonly id: string;
  /** The clerk (this handheld's device id) running the visit. */
  readonly clerk: string;
  readonly counter: string;
  /** The queue ticket's id, or null for a walk-in customer. */
  readonly ticket: string | null;
  /** Which call of the ticket the visit began with (a transferred ticket is called again). */
  readonly call: string | null;
  /** `JSON.stringify(actor.getPersistedSnapshot())`: stored as text so it is a true JSON round trip. */
  readonly snapshot: string;
  /** True once the visit reached a final step. */
  readonly final: boolean;
  /** Highest step number already written to the event log. */
  readonly written: number;
  readonly feedbackWritten: boolean;
  /** The manager alert raised for the visit's current escalation, once written. */
  readonly alert: { readonly id: string; readonly escalationAt: number } | null;
  /** Ticket follow-up (complete or transfer) done after the visit ended. */
  readonly settled: boolean;
  readonly updatedAt: number;
}

/**
 * The device's database, one per store. Schema versions are declared here and only here; the
 * newest is SCHEMA_VERSION (schema.ts), which a start reads before Dexie has loaded.
 *
 * Writes use relaxed durability (Chromium's default since version 121, asked for explicitly so
 * an older tablet browser does the same): a transaction completes once the operating system
 * holds the write, which survives a crash of the tab, of the browser or of the kiosk app, but
 * not a power cut in the seconds before the system writes it out. `bench/kiosk-budgets.ts`
 * measures the taps with strict durability too (flushed to disk first); README, Performance.
 */
export class NextupDb extends Dexie {
  events!: Table<StoreEvent, string>;
  outbox!: Table<OutboxRow, string>;
  kv!: Table<KvRow, string>;
  visits!: Table<VisitRow, string>;

  constructor(store: string) {
    super(databaseName(store), { chromeTransactionDurability: DURABILITY });
    this.version(1).stores({
      events: 'id, [device+seq], hlc',
      outbox: 'id, seq',
      kv: 'key',
    });
    // The clerk's visits (see visit-store.ts); earlier tables unchanged. The current schema's
    // tables are declared in schema.ts: a first start creates them without Dexie (device-db.ts).
    this.version(SCHEMA_VERSION).stores(dexieStores(TABLES));
  }
}
