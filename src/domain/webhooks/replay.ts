import { compareEvents, type StoreEvent } from '../queue/events.ts';
import { refusedIds } from '../queue/fold.ts';

/**
 * How the webhooks close the window between the store's commit of an event and its delivery
 * being on the disk: the queued mark. It is the store log's version vector (highest contiguous
 * seq per device) taken when a batch of committed events was handed to the webhooks, saved
 * once every delivery of that batch and of the batches before it was on the disk. So every
 * event of the log at or below the mark was queued; after a restart, what lies past it is
 * queued again (at least once: some of it may have been queued already, and receivers drop
 * repeats by the payload's `id`, the event's id).
 */
export type QueuedMark = Readonly<Record<string, number>>;

/**
 * The committed events of `log` past the mark, in log order: those a stop may have kept out
 * of the webhook queues. Events the store refused (an agent's verdict names them: they are
 * in the history, but never in the store's state) are left out: they never fire a webhook.
 */
export function pastMark(log: readonly StoreEvent[], mark: QueuedMark): StoreEvent[] {
  const refused = refusedIds(log);
  return log.filter((e) => e.seq > (mark[e.device] ?? 0) && !refused.has(e.id)).sort(compareEvents);
}
