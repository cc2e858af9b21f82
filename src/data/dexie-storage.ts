import type { StoreEvent } from '../domain/queue/events.ts';
import type { ReplicaStorage } from '../sync/ports.ts';
import type { NextupDb } from './db.ts';

/** The replica's storage port on IndexedDB: events and outbox change in one transaction. */
export class DexieStorage implements ReplicaStorage {
  constructor(private readonly db: NextupDb) {}

  async load(): Promise<{ events: StoreEvent[]; outbox: string[] }> {
    return this.db.transaction('r', this.db.events, this.db.outbox, async () => ({
      events: await this.db.events.toArray(),
      outbox: (await this.db.outbox.orderBy('seq').toArray()).map((r) => r.id),
    }));
  }

  async appendLocal(event: StoreEvent): Promise<void> {
    await this.db.transaction('rw', this.db.events, this.db.outbox, async () => {
      await this.db.events.add(event);
      await this.db.outbox.add({ id: event.id, seq: event.seq });
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
