import { Dexie, type Table } from 'dexie';
import type { StoreEvent } from '../domain/queue/events.ts';

export interface OutboxRow {
  readonly id: string;
  readonly seq: number;
}

export interface KvRow {
  readonly key: string;
  readonly value: unknown;
}

/** The device's database, one per store. Schema versions live here and only here. */
export class NextupDb extends Dexie {
  events!: Table<StoreEvent, string>;
  outbox!: Table<OutboxRow, string>;
  kv!: Table<KvRow, string>;

  constructor(store: string) {
    super(`nextup-${store}`);
    this.version(1).stores({
      events: 'id, [device+seq], hlc',
      outbox: 'id, seq',
      kv: 'key',
    });
  }
}
