import type { StoreEvent } from '../domain/queue/events.ts';
import type { DaySummary } from '../domain/queue/summary.ts';
import type { LoadedLog, ReplicaStorage } from '../sync/ports.ts';
import type { NextupDb } from './db.ts';
import { appendLocal, floorsOf, readLog } from './idb-log.ts';

/** The replica's storage port on IndexedDB: events and outbox change in one transaction. */
export class DexieStorage implements ReplicaStorage {
  constructor(private readonly db: NextupDb) {}

  async load(since: string): Promise<LoadedLog> {
    await this.db.open();
    return readLog(this.db.backendDB(), since);
  }

  /** A tap's event and its outbox row, in one transaction of IndexedDB's own (idb-log.ts). */
  appendLocal(event: StoreEvent): Promise<void> {
    return appendLocal(this.db.backendDB(), event);
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
  return floorsOf((await db.kv.get('floors'))?.value);
}
