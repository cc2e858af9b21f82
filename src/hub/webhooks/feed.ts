import type { StoreEvent } from '../../domain/queue/events.ts';
import type { QueueState } from '../../domain/queue/state.ts';
import { webhookPayload } from '../../domain/webhooks/kinds.ts';
import { pastMark } from '../../domain/webhooks/replay.ts';
import type { Logger } from '../log.ts';
import type { EndpointRunner } from './endpoint-runner.ts';
import type { MarkFile } from './mark-file.ts';

/**
 * The feed from the store's log to the endpoints' queues: each batch of committed events
 * becomes deliveries, handed to every endpoint that subscribed to their kinds, and the queued
 * mark (src/domain/webhooks/replay.ts) follows once a batch and all before it are on the disk.
 * Following a log first queues what lies in it past the saved mark.
 */
export interface CommittedEvents {
  readonly state: QueueState;
  /** Only events committed to the store's history, refused ones never (src/sync/replica.ts). */
  subscribeEvents(listener: (events: readonly StoreEvent[]) => void): () => void;
  /** The log's version vector: highest contiguous seq per device. */
  vector(): Record<string, number>;
  /** The events the log holds (the history's recent days). */
  events(): StoreEvent[];
}

export type Source = Partial<CommittedEvents> & Pick<CommittedEvents, 'state'>;

export interface Feed {
  follow(source: Source): void;
  /** Stops following; resolves once the last mark is saved. */
  close(): Promise<void>;
}

export function createFeed(
  mark: MarkFile,
  runners: () => Iterable<EndpointRunner>,
  log: Logger,
): Feed {
  let unsubscribe = (): void => undefined;
  let marking: Promise<void> = Promise.resolve();
  // a batch not written: the mark stays before it until a restart queues it again
  let held = false;

  /** Queues a batch; the mark moves to `after` once it and all before it are on the disk. */
  const take = (events: readonly StoreEvent[], source: Source, replayed: boolean): void => {
    const after = source.vector?.();
    const payloads = events.flatMap((e) => webhookPayload(e, source.state) ?? []);
    const written = Promise.all(
      [...runners()].map((r) => {
        const mine = payloads.filter((p) => r.endpoint.kinds.includes(p.kind));
        const deliveries = mine.map((p) => ({ id: p.id, body: JSON.stringify(p) }));
        return r.enqueue(deliveries, replayed);
      }),
    );
    marking = marking.then(async () => {
      if (!(await written).every(Boolean)) held = true;
      if (!held && after) mark.set(after);
    });
  };

  return {
    follow(source) {
      unsubscribe();
      if (!source.subscribeEvents) return;
      unsubscribe = source.subscribeEvents((events) => take(events, source, false));
      if (!source.vector || !source.events) return;
      const saved = mark.value;
      if (saved === undefined) {
        // the first run here: webhooks are for what the store commits from now on
        mark.set(source.vector());
        return;
      }
      const missed = pastMark(source.events(), saved);
      if (missed.length > 0) {
        log.info('webhooks', `${missed.length} event(s) past the queued mark queued again`);
      }
      take(missed, source, true);
    },
    async close() {
      unsubscribe();
      await marking;
      await mark.flush();
    },
  };
}
