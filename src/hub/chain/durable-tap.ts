/**
 * The point where the store link learns of events: a ReplicaStorage that passes every write
 * through and, once the write is flushed (the store's commit), hands the events on. A failed
 * write hands nothing on; the listener runs after the commit, never inside it.
 */
import type { StoreEvent } from '../../domain/queue/events.ts';
import type { ReplicaStorage } from '../../sync/ports.ts';

export function tapDurable(
  storage: ReplicaStorage,
  onDurable: (events: readonly StoreEvent[]) => void,
): ReplicaStorage {
  const tell = (events: readonly StoreEvent[]): void => {
    try {
      onDurable(events);
    } catch {
      // the link's trouble is its own: the store's write succeeded
    }
  };
  return {
    load: (since) => storage.load(since),
    async appendLocal(event) {
      await storage.appendLocal(event);
      tell([event]);
    },
    async appendRemote(events) {
      await storage.appendRemote(events);
      tell(events);
    },
    removeFromOutbox: (ids) => storage.removeFromOutbox(ids),
    compact: (before, floors, summaries) => storage.compact(before, floors, summaries),
  };
}
